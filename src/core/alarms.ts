import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cw_actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct, IConstruct } from 'constructs';
import { StackState } from './private/stack-registry';
import { defaultOf } from './private/standards-state';

interface AlarmState {
  topic?: sns.ITopic;
  readonly alarms: cloudwatch.Alarm[];
}

const ALARMS = new StackState<AlarmState>(() => ({ alarms: [] }));

function state(scope: IConstruct): AlarmState {
  return ALARMS.of(scope);
}

/**
 * Where the alarms of the blueprints in a stack send their notifications.
 *
 * Every alarm a blueprint creates (errors, throttles, DLQ depth, iterator age, message age…) is
 * registered per stack; `BlueprintAlarms.notify(stack, topic)` sends all of them, created before or after
 * the call, to one SNS topic.
 */
export class BlueprintAlarms {
  /**
   * Send every blueprint alarm of the scope's stack to `topic` (alarm and OK actions).
   * @param scope any construct in the stack
   * @param topic the topic that receives the notifications
   */
  public static notify(scope: IConstruct, topic: sns.ITopic): void {
    const s = state(scope);
    s.topic = topic;
    for (const alarm of s.alarms) wire(alarm, topic);
  }

  /**
   * The topic the scope's stack sends blueprint alarms to, if one was set.
   * @param scope any construct in the stack
   */
  public static topicOf(scope: IConstruct): sns.ITopic | undefined {
    return state(scope).topic;
  }

  /**
   * Every alarm the blueprints created in the scope's stack so far.
   * @param scope any construct in the stack
   */
  public static alarmsOf(scope: IConstruct): cloudwatch.IAlarm[] {
    return [...state(scope).alarms];
  }

  private constructor() {}
}

function wire(alarm: cloudwatch.Alarm, topic: sns.ITopic): void {
  const action = new cw_actions.SnsAction(topic);
  alarm.addAlarmAction(action);
  alarm.addOkAction(action);
}

/**
 * How the blueprints create their alarms (errors, throttles, queue depth, iterator age…): documented so
 * that what every blueprint alarm does is known. Each one treats missing data as not breaching (an idle
 * function or an empty queue is healthy) and is registered with its stack, so that
 * `BlueprintAlarms.notify` reaches it. Users switch a blueprint's alarms on or off with its `alarms`
 * prop and list extra alarms with `rollbackAlarms`; they do not create `BlueprintAlarmOptions` themselves.
 */
export interface BlueprintAlarmOptions {
  /**
   * The metric watched, with its period and statistic.
   * @see https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics.html
   */
  readonly metric: cloudwatch.IMetric;
  /** The threshold the metric is compared with (in the metric's unit). */
  readonly threshold: number;
  /** The alarm description: the construct path, what happened and what to do. */
  readonly description: string;
  /**
   * How the metric is compared with the threshold.
   * @default ComparisonOperator.GREATER_THAN_THRESHOLD
   */
  readonly comparison?: cloudwatch.ComparisonOperator;
  /**
   * Consecutive breaching periods before the alarm fires, a whole number ≥ 1.
   * @default 1
   */
  readonly evaluationPeriods?: number;
}

/**
 * Creates an alarm that is registered with the stack (so `BlueprintAlarms.notify` reaches it). Missing
 * data is treated as not breaching: an idle function or an empty queue is healthy.
 */
export function createAlarm(scope: Construct, id: string, options: BlueprintAlarmOptions): cloudwatch.Alarm {
  const alarm = new cloudwatch.Alarm(scope, id, {
    metric: options.metric,
    threshold: options.threshold,
    evaluationPeriods: options.evaluationPeriods ?? 1,
    comparisonOperator: options.comparison ?? cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    alarmDescription: options.description,
  });
  const s = state(scope);
  s.alarms.push(alarm);
  // The stack's topic (BlueprintAlarms.notify), else the nearest platform standard's alarm topic.
  const topic = s.topic ?? defaultOf(scope, 'alarmTopic')?.value;
  if (topic) wire(alarm, topic);
  return alarm;
}

/** Default alarm period. */
export const ALARM_PERIOD = Duration.minutes(5);
