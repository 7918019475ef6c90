import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { accountOf, scopePermissionsToAccount } from './private/push-wiring';
import { invokeTargetOf } from '../function/private/invoke-target';
import { DurableQueue } from '../queue/durable-queue';
import { EventBridgeToFunctionSource } from '../rules/inputs';
import { enforceRules } from '../rules/private/enforce';
import { checkInputs } from '../rules/private/inputs';

/** Options of an EventBridge trigger: a schedule or an event pattern, and the target's retry policy. */
export interface EventBridgeToFunctionOptions {
  /**
   * Run on a schedule (`Schedule.cron(...)` or `Schedule.rate(...)`). Exactly one of `schedule` and
   * `eventPattern` is required.
   * @default - no schedule
   * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html
   */
  readonly schedule?: events.Schedule;

  /**
   * Run for events matching this pattern. Exactly one of `schedule` and `eventPattern` is required.
   * @default - no pattern
   */
  readonly eventPattern?: events.EventPattern;

  /**
   * The bus the rule listens on (event patterns only).
   * @default - the account's default event bus
   */
  readonly eventBus?: events.IEventBus;

  /**
   * How many times EventBridge retries delivering an event to the function: 0–185.
   * @default 185
   * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-retry-policy.html
   */
  readonly retryAttempts?: number;

  /**
   * How long EventBridge keeps trying to deliver an event: whole seconds from 60 s to 24 h.
   * @default Duration.hours(24)
   */
  readonly maxEventAge?: Duration;

  /**
   * The target's DLQ for events EventBridge could not deliver (Serverless-EventBusDLQ).
   * @default - a new DurableQueue (encrypted, TLS-only, 14 days, depth-alarmed)
   * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html
   */
  readonly deadLetterQueue?: sqs.IQueue;

  /**
   * A description of the rule.
   * @default - none
   */
  readonly description?: string;
}

/** Properties of an `EventBridgeToFunction`. */
export interface EventBridgeToFunctionProps extends EventBridgeToFunctionOptions {
  /** The function the rule invokes (through its alias when it has one). */
  readonly function: lambda.IFunction;
}

/**
 * An EventBridge rule (event pattern or cron/rate schedule) that invokes a BlueprintFunction
 * asynchronously, with an explicit retry policy, a target DLQ and an invoke permission scoped to the rule
 * ARN and account.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-eventbridge-scheduler.html
 */
export class EventBridgeToFunction extends Construct {
  /** The rule. */
  public readonly rule: events.Rule;
  /** The target's DLQ. */
  public readonly deadLetterQueue: sqs.IQueue;

  constructor(scope: Construct, id: string, props: EventBridgeToFunctionProps) {
    super(scope, id);
    this.deadLetterQueue = props.deadLetterQueue
      ?? new DurableQueue(this, 'DeadLetterQueue', { purpose: 'events EventBridge could not deliver to the function' }).queue;
    this.rule = new events.Rule(this, 'Rule', {
      schedule: props.schedule,
      eventPattern: props.eventPattern,
      eventBus: props.eventBus,
      description: props.description,
    });
    const cfnRule = this.rule.node.defaultChild as events.CfnRule;
    this.rule.addTarget(new targets.LambdaFunction(invokeTargetOf(props.function), {
      deadLetterQueue: this.deadLetterQueue,
      // ranges are checked at synth with every other problem; the L2 only sees whole values
      retryAttempts: 0,
      maxEventAge: Duration.seconds(60),
    }));
    // write the requested values straight into the template (checked below at synth)
    cfnRule.addPropertyOverride('Targets.0.RetryPolicy', {
      MaximumRetryAttempts: props.retryAttempts ?? 185,
      MaximumEventAgeInSeconds: props.maxEventAge?.toSeconds({ integral: false }) ?? Duration.hours(24).toSeconds(),
    });
    const account = accountOf(this);
    if (account) scopePermissionsToAccount(this, account);

    // The failure path of the function (LambdaAsyncFailurePath) and the retry policy (EventBridgeTargetRetry)
    // are the rule library's, on the template.
    enforceRules(this);
    checkInputs(this, EventBridgeToFunctionSource, p => {
      p.when(!props.schedule && !props.eventPattern, 'schedule / eventPattern', 'both missing', 'exactly one of them', 'a rule runs either on a schedule or for matching events');
      p.when(!!props.schedule && !!props.eventPattern, 'schedule / eventPattern', 'both set', 'exactly one of them', 'a rule runs either on a schedule or for matching events');
    });
  }
}
