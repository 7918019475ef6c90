import { Duration, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { FunctionTopology, QueueFacts } from './topology';
import { MONITORING } from '../../limits';

/** The period of every dashboard graph. */
const PERIOD = Duration.minutes(5);
/** Graphs per dashboard row. */
const PER_ROW = 4;
const WIDTH = MONITORING.dashboardGridWidth / PER_ROW;
const HEIGHT = 6;

/** Queues drawn per function that a dashboard makes room for: its source queue, DLQ and on-failure destination. */
export const QUEUES_PER_FUNCTION = 3;
/**
 * The most widgets `functionWidgets` draws for a function with up to 3 queues: a heading, 4 graphs, async,
 * stream and the queues. A dashboard takes as many functions as fit in CloudWatch's widget limit at this size.
 */
export const MAX_WIDGETS_PER_FUNCTION = 1 + 4 + 1 + 1 + QUEUES_PER_FUNCTION;
/** Functions per dashboard body: more go to the next dashboard of the split. */
export const FUNCTIONS_PER_DASHBOARD = Math.floor(MONITORING.dashboardMaxWidgets / MAX_WIDGETS_PER_FUNCTION);

/** The success rate of a function in %: no invocations and no errors count as 100 %. */
export const SUCCESS_RATE_EXPRESSION = '100 - 100 * errors / MAX([errors, invocations])';

/** One function as the dashboard draws it. */
export interface DashboardFunction {
  /** Readable name (construct path below the stack). */
  readonly name: string;
  readonly fn: lambda.Function;
  readonly topology: FunctionTopology;
}

function graph(title: string, left: cloudwatch.IMetric[], extra: Partial<cloudwatch.GraphWidgetProps> = {}): cloudwatch.GraphWidget {
  return new cloudwatch.GraphWidget({ title, left, width: WIDTH, height: HEIGHT, period: PERIOD, ...extra });
}

/** A known whole number of the template (not a token), if any. */
function known(value: unknown): number | undefined {
  return typeof value === 'number' && !Token.isUnresolved(value) ? value : undefined;
}

/** The widgets of one function: a heading, then its graphs (and those of its queues not drawn yet). */
export function functionWidgets(f: DashboardFunction, drawnQueues: Set<sqs.CfnQueue>): cloudwatch.IWidget[] {
  const { fn, name, topology } = f;
  const cfn = fn.node.defaultChild as lambda.CfnFunction;
  const kinds = [topology.async && 'async', topology.streamConsumer && 'stream consumer', topology.queueConsumer && 'queue consumer'].filter(Boolean);
  const widgets: cloudwatch.IWidget[] = [new cloudwatch.TextWidget({
    markdown: `### λ ${name}${kinds.length ? ` (${kinds.join(', ')})` : ''}`,
    width: MONITORING.dashboardGridWidth,
    height: 1,
    // explicit: aws-cdk-lib 2.276 renders it by default, earlier versions (other languages' pins) do not
    background: cloudwatch.TextWidgetBackground.TRANSPARENT,
  })];

  const invocations = fn.metricInvocations({ period: PERIOD, statistic: 'Sum' });
  const errors = fn.metricErrors({ period: PERIOD, statistic: 'Sum' });
  const successRate = new cloudwatch.MathExpression({
    expression: SUCCESS_RATE_EXPRESSION,
    usingMetrics: { errors, invocations },
    label: 'success rate (%)',
    period: PERIOD,
  });
  widgets.push(graph(`${name}: invocations, errors, success rate`, [invocations, errors], {
    right: [successRate],
    rightYAxis: { min: 0, max: 100, label: '%', showUnits: false },
  }));

  const timeout = known(cfn.timeout);
  widgets.push(graph(`${name}: duration p50 / p99`, [
    fn.metricDuration({ period: PERIOD, statistic: 'p50' }),
    fn.metricDuration({ period: PERIOD, statistic: 'p99' }),
  ], { leftAnnotations: timeout === undefined ? undefined : [{ value: timeout * 1000, label: `timeout ${timeout} s`, color: cloudwatch.Color.RED }] }));

  const reserved = known(cfn.reservedConcurrentExecutions);
  widgets.push(graph(`${name}: concurrent executions`, [fn.metric('ConcurrentExecutions', { period: PERIOD, statistic: 'Maximum' })], {
    leftAnnotations: reserved === undefined ? undefined : [{ value: reserved, label: `reserved concurrency ${reserved}`, color: cloudwatch.Color.ORANGE }],
  }));
  widgets.push(graph(`${name}: throttles`, [fn.metricThrottles({ period: PERIOD, statistic: 'Sum' })]));

  if (topology.async) {
    widgets.push(graph(`${name}: async events dropped, destination delivery failures`, [
      fn.metric('AsyncEventsDropped', { period: PERIOD, statistic: 'Sum' }),
      fn.metric('DestinationDeliveryFailures', { period: PERIOD, statistic: 'Sum' }),
    ]));
  }
  if (topology.streamConsumer) {
    widgets.push(graph(`${name}: iterator age (max)`, [fn.metric('IteratorAge', { period: PERIOD, statistic: 'Maximum' })]));
  }
  for (const q of topology.queues) {
    const queue = q.resource as sqs.CfnQueue;
    if (drawnQueues.has(queue)) continue;
    drawnQueues.add(queue);
    widgets.push(queueWidget(q));
  }
  return widgets;
}

function sqsMetric(queue: sqs.CfnQueue, metricName: string, label: string): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: 'AWS/SQS',
    metricName,
    dimensionsMap: { QueueName: queue.attrQueueName },
    statistic: 'Maximum',
    period: PERIOD,
    label,
  });
}

function queueWidget(q: QueueFacts): cloudwatch.IWidget {
  const queue = q.resource as sqs.CfnQueue;
  return graph(`${q.role} ${q.name}: visible messages, oldest message age`,
    [sqsMetric(queue, 'ApproximateNumberOfMessagesVisible', 'visible messages')],
    { right: [sqsMetric(queue, 'ApproximateAgeOfOldestMessage', 'age of oldest message (s)')] });
}
