import { Duration, Names } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct, IConstruct } from 'constructs';
import { ALARM_PERIOD, createAlarm } from '../../core/alarms';
import { childSingleton } from '../../core/private/stack-registry';
import { NagAcknowledgements } from '../../nag/acknowledge';
import { DurableQueue } from '../../queue/durable-queue';
import { LambdaStreamMapping } from '../../rules/mapping/stream-mapping';
import { LambdaMappingUnknownFacts } from '../../rules/mapping/unknown-facts';
import { enforceRules, reportInput } from '../../rules/private/enforce';
import { Finding } from '../../rules/private/rule';
import { BlueprintEventSourceOptions } from '../options';

/** Defaults a stream mapping gets when the options leave them out (never the infinite -1). */
export const STREAM_DEFAULTS = {
  batchSize: 100,
  retryAttempts: 10,
  maxRecordAge: Duration.days(1),
  iteratorAgeThreshold: Duration.minutes(1),
  messageAgeThreshold: Duration.minutes(5),
} as const;

/** The kind of source behind a mapping. */
export type SourceKind = 'kinesis' | 'dynamodb' | 'sqs';

/** What a public source class tells the binder. */
export interface SourceSpec {
  readonly kind: SourceKind;
  /** The construct the source is (stream, table, queue, consumer): names the mapping's scope. */
  readonly sourceNode: IConstruct;
  readonly eventSourceArn: string;
  readonly options: BlueprintEventSourceOptions;
  /** Read permissions, scoped to the source's ARN(s). */
  readonly statements: iam.PolicyStatement[];
  /** A customer-managed key that encrypts the source. */
  readonly key?: kms.IKey;
  /** The SQS source queue. */
  readonly queue?: sqs.IQueue;
  /** The shard count of a stream, when it is known (read at synth). */
  readonly shardCount?: () => number | undefined;
  /** Problems found before synth that never reach the template (reported with the rules' findings). */
  readonly problems?: Finding[];
}

/** What binding created. */
export interface BoundSource {
  readonly scope: Construct;
  readonly mapping: lambda.CfnEventSourceMapping;
  readonly failureQueue?: sqs.IQueue;
  readonly failureTopic?: sns.ITopic;
  readonly failureDurableQueue?: DurableQueue;
  readonly iteratorAgeAlarm?: cloudwatch.Alarm;
  readonly messageAgeAlarm?: cloudwatch.Alarm;
  readonly failureDepthAlarm?: cloudwatch.Alarm;
}

/** The `lambda.Function` behind a target (a function, a version or an alias), if it is one of ours to read. */
export function underlyingFunction(target: lambda.IFunction): lambda.Function | undefined {
  let current: unknown = target;
  for (let depth = 0; depth < 3 && current; depth++) {
    if (current instanceof lambda.Function) return current;
    current = (current as { lambda?: unknown }).lambda;
  }
  return undefined;
}

/** Seconds of a Duration, fractions kept (the validator reports them), tokens passed through. */
export function seconds(d: Duration | undefined): number | undefined {
  return d === undefined ? undefined : d.toSeconds({ integral: false });
}

/** The CFN filter criteria for JSON filter patterns (invalid JSON is reported by the validator). */
function filterCriteria(filters: string[] | undefined): lambda.CfnEventSourceMapping.FilterCriteriaProperty | undefined {
  if (!filters || filters.length === 0) return undefined;
  return { filters: filters.map(pattern => ({ pattern })) };
}

/** Whether a queue is the queue of a DurableQueue (which already alarms on its depth). */
export function isDurable(queue: sqs.IQueue): boolean {
  return queue.node.scope instanceof DurableQueue;
}

/**
 * Creates the mapping of a source on `target`, its failure path, its permissions and its alarms, and
 * registers the synth-time checks.
 */
export function bindSource(spec: SourceSpec, target: lambda.IFunction): BoundSource {
  const o = spec.options;
  const stream = spec.kind !== 'sqs';
  const scope = new Construct(target, `${spec.kind === 'sqs' ? 'Sqs' : spec.kind === 'kinesis' ? 'Kinesis' : 'DynamoDB'}Source${Names.nodeUniqueId(spec.sourceNode.node)}`);
  const alarms = o.alarms ?? true;

  // --- failure path (streams only; on SQS an onFailure option is written and refused by the validator)
  let failureQueue: sqs.IQueue | undefined;
  let failureTopic: sns.ITopic | undefined;
  let failureDurableQueue: DurableQueue | undefined;
  if (o.onFailure) {
    failureQueue = o.onFailure.queue;
    failureTopic = o.onFailure.topic;
  }
  if (stream && !failureQueue && !failureTopic) {
    failureDurableQueue = new DurableQueue(scope, 'OnFailure', { purpose: 'records the stream mapping gave up on' });
    failureQueue = failureDurableQueue.queue;
  }
  // An imported function without a known role cannot be granted anything here: say what it needs instead.
  const grantable = target.role !== undefined;
  if (failureQueue && grantable) failureQueue.grantSendMessages(target);
  if (failureTopic && grantable) failureTopic.grantPublish(target);
  const destination = failureQueue?.queueArn ?? failureTopic?.topicArn;

  const mapping = new lambda.CfnEventSourceMapping(scope, 'Resource', {
    functionName: target.functionName,
    eventSourceArn: spec.eventSourceArn,
    enabled: o.enabled,
    batchSize: o.batchSize ?? (stream ? STREAM_DEFAULTS.batchSize : undefined),
    maximumBatchingWindowInSeconds: seconds(o.maxBatchingWindow),
    startingPosition: o.startingPosition,
    startingPositionTimestamp: o.startingPositionTimestamp,
    bisectBatchOnFunctionError: o.bisectBatchOnError ?? (stream ? true : undefined),
    maximumRetryAttempts: o.retryAttempts ?? (stream ? STREAM_DEFAULTS.retryAttempts : undefined),
    maximumRecordAgeInSeconds: seconds(o.maxRecordAge ?? (stream ? STREAM_DEFAULTS.maxRecordAge : undefined)),
    parallelizationFactor: o.parallelizationFactor,
    tumblingWindowInSeconds: seconds(o.tumblingWindow),
    functionResponseTypes: (o.reportBatchItemFailures ?? true) ? ['ReportBatchItemFailures'] : undefined,
    destinationConfig: destination ? { onFailure: { destination } } : undefined,
    filterCriteria: filterCriteria(o.filters),
    scalingConfig: o.maxConcurrency !== undefined ? { maximumConcurrency: o.maxConcurrency } : undefined,
  });

  // --- permissions: exactly the source's read actions on its ARN, plus kms:Decrypt for a customer key
  for (const statement of spec.statements) target.addToRolePolicy(statement);
  if (spec.key) {
    target.addToRolePolicy(new iam.PolicyStatement({ actions: ['kms:Decrypt'], resources: [spec.key.keyArn] }));
  }
  const fn = underlyingFunction(target);
  if (fn?.role) mapping.node.addDependency(fn.role);

  if (spec.kind === 'sqs') {
    NagAcknowledgements.add(mapping, 'Serverless-LambdaEventSourceMappingDestination',
      'An SQS event source mapping cannot take an on-failure destination; the source queue\'s redrive dead-letter queue is its failure path.');
  }

  // --- alarms
  let iteratorAgeAlarm: cloudwatch.Alarm | undefined;
  let messageAgeAlarm: cloudwatch.Alarm | undefined;
  let failureDepthAlarm: cloudwatch.Alarm | undefined;
  if (alarms) {
    if (stream) {
      const threshold = o.iteratorAgeThreshold ?? STREAM_DEFAULTS.iteratorAgeThreshold;
      const functionName = (fn ?? target).functionName;
      iteratorAgeAlarm = childSingleton(target as unknown as Construct, 'IteratorAgeAlarm', (parent, id) => createAlarm(parent, id, {
        metric: new cloudwatch.Metric({ namespace: 'AWS/Lambda', metricName: 'IteratorAge', dimensionsMap: { FunctionName: functionName }, statistic: 'Maximum', period: ALARM_PERIOD }),
        // CloudWatch thresholds are doubles: a fraction of a millisecond is a valid threshold.
        threshold: threshold.toMilliseconds({ integral: false }),
        description: `${target.node.path}: the newest stream records wait longer than ${threshold.toHumanString()} (IteratorAge): the function falls behind or a batch is blocking a shard.`,
      }));
    }
    if (spec.queue) {
      const threshold = o.messageAgeThreshold ?? STREAM_DEFAULTS.messageAgeThreshold;
      messageAgeAlarm = createAlarm(scope, 'MessageAgeAlarm', {
        metric: spec.queue.metricApproximateAgeOfOldestMessage({ period: ALARM_PERIOD, statistic: 'Maximum' }),
        threshold: threshold.toSeconds({ integral: false }),
        description: `${scope.node.path}: the oldest message of the source queue is older than ${threshold.toHumanString()}: the function falls behind or keeps failing.`,
      });
    }
    if (failureQueue && !isDurable(failureQueue)) {
      failureDepthAlarm = createAlarm(scope, 'FailureDepthAlarm', {
        metric: failureQueue.metricApproximateNumberOfMessagesVisible({ period: ALARM_PERIOD, statistic: 'Maximum' }),
        threshold: 0,
        description: `${scope.node.path}: records the mapping gave up on are waiting in the on-failure queue.`,
      });
    }
  }

  const bound: BoundSource = {
    scope, mapping, failureQueue, failureTopic, failureDurableQueue, iteratorAgeAlarm, messageAgeAlarm, failureDepthAlarm,
  };
  // The mapping, its failure path and alarms are checked by the rule library with the rest of the stack.
  enforceRules(scope);
  for (const problem of spec.problems ?? []) reportInput(scope, LambdaStreamMapping, problem);
  if (!grantable) {
    const needs = [...spec.statements.flatMap(st => st.actions), ...(failureQueue ? ['sqs:SendMessage on the failure queue'] : []), ...(failureTopic ? ['sns:Publish on the failure topic'] : [])];
    reportInput(scope, LambdaMappingUnknownFacts, {
      property: 'function role',
      value: `unknown (${target.node.path} is imported without a role)`,
      allowed: `a role that allows ${needs.join(', ')}`,
      reason: 'the mapping reads the source and sends failures with the function\'s role; grant these yourself',
    });
  }
  return bound;
}

