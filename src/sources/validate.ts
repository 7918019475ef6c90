import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { IConstruct } from 'constructs';
import { LIMITS, SERVICE_DEFAULTS } from '../limits';
import type { BoundSource, SourceSpec } from './mapping';
import { underlyingFunction } from './mapping';
import { fmt, isToken, Problems, warn } from '../validation/problems';

const SQS_REASON = 'it applies to Kinesis and DynamoDB Streams only; an SQS source retries through the queue visibility timeout and fails over to the queue\'s redrive DLQ';

/** A resolved number, or undefined when absent or unknown at synth (a token). */
function known(value: unknown): number | undefined {
  return typeof value === 'number' && !isToken(value) ? value : undefined;
}

const warned = new WeakMap<IConstruct, Set<string>>();

/** Warn once per construct and id (validations may run more than once per app). */
function warnOnce(scope: IConstruct, id: string, message: string): void {
  const seen = warned.get(scope) ?? new Set<string>();
  warned.set(scope, seen);
  if (seen.has(id)) return;
  seen.add(id);
  warn(scope, id, message);
}

/** The function timeout, in seconds, when it is known at synth. */
export function functionTimeout(target: lambda.IFunction): number | undefined {
  const fn = underlyingFunction(target);
  if (!fn) return undefined;
  const cfn = fn.node.defaultChild as lambda.CfnFunction;
  const value = Stack.of(fn).resolve(cfn.timeout);
  return value === undefined ? SERVICE_DEFAULTS.functionTimeoutSeconds : known(value);
}

/** The function's reserved concurrency, when it is set and known at synth. */
export function reservedConcurrency(target: lambda.IFunction): number | undefined {
  const fn = underlyingFunction(target);
  if (!fn) return undefined;
  return known(Stack.of(fn).resolve((fn.node.defaultChild as lambda.CfnFunction).reservedConcurrentExecutions));
}

/** The visibility timeout of a queue created in this app (SQS default 30 s), or undefined when unknown. */
export function queueVisibility(queue: sqs.IQueue): { known: boolean; seconds?: number } {
  if (!(queue instanceof sqs.Queue)) return { known: false };
  const value = Stack.of(queue).resolve((queue.node.defaultChild as sqs.CfnQueue).visibilityTimeout);
  if (value === undefined) return { known: true, seconds: SERVICE_DEFAULTS.queueVisibilityTimeoutSeconds };
  const n = known(value);
  return n === undefined ? { known: true } : { known: true, seconds: n };
}

/** Every synth-time check of one mapping. */
export function validateMapping(p: Problems, spec: SourceSpec, bound: BoundSource, target: lambda.IFunction): void {
  const stack = Stack.of(bound.mapping);
  const m = bound.mapping;
  const window = known(stack.resolve(m.maximumBatchingWindowInSeconds));
  p.limit('maxBatchingWindow', stack.resolve(m.maximumBatchingWindowInSeconds), 'batchingWindow');

  const criteria = stack.resolve(m.filterCriteria) as lambda.CfnEventSourceMapping.FilterCriteriaProperty | undefined;
  const filters = (criteria?.filters ?? []) as lambda.CfnEventSourceMapping.FilterProperty[];
  p.limit('filters (count)', filters.length, 'filtersPerMapping');
  for (const filter of filters) {
    const pattern = filter.pattern;
    if (typeof pattern !== 'string' || isToken(pattern)) continue;
    let ok = false;
    try {
      const parsed = JSON.parse(pattern);
      ok = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
    } catch {
      ok = false;
    }
    p.when(!ok, 'filters', JSON.stringify(pattern), 'a JSON object pattern', 'Lambda matches each record against JSON filter patterns');
  }

  if (spec.kind === 'sqs') validateQueueMapping(p, spec, bound, target, window);
  else validateStreamMapping(p, spec, bound, target);
}

function validateStreamMapping(p: Problems, spec: SourceSpec, bound: BoundSource, target: lambda.IFunction): void {
  const stack = Stack.of(bound.mapping);
  const m = bound.mapping;
  const position = stack.resolve(m.startingPosition);
  const timestamp = stack.resolve(m.startingPositionTimestamp);
  if (position === undefined) {
    p.add('startingPosition', 'not set', 'TRIM_HORIZON or LATEST (Kinesis also AT_TIMESTAMP)', 'a stream mapping must say where it starts reading; TRIM_HORIZON loses nothing');
  } else if (position === lambda.StartingPosition.AT_TIMESTAMP) {
    p.when(spec.kind === 'dynamodb', 'startingPosition', 'AT_TIMESTAMP', 'TRIM_HORIZON or LATEST', 'DynamoDB Streams cannot start reading at a timestamp');
    p.when(spec.kind === 'kinesis' && timestamp === undefined, 'startingPositionTimestamp', 'not set', 'a Unix time in seconds with AT_TIMESTAMP', 'Kinesis needs the time to start reading from');
  }
  p.when(timestamp !== undefined && position !== undefined && position !== lambda.StartingPosition.AT_TIMESTAMP, 'startingPositionTimestamp', String(timestamp), 'only with startingPosition AT_TIMESTAMP', 'Lambda ignores a timestamp for other starting positions');

  p.limit('batchSize', stack.resolve(m.batchSize), 'streamBatchSize');
  p.limit('retryAttempts', stack.resolve(m.maximumRetryAttempts), 'streamRetryAttempts');
  p.limit('maxRecordAge', stack.resolve(m.maximumRecordAgeInSeconds), 'streamRecordAge', [-1]);
  p.limit('parallelizationFactor', stack.resolve(m.parallelizationFactor), 'parallelizationFactor');
  p.limit('tumblingWindow', stack.resolve(m.tumblingWindowInSeconds), 'tumblingWindow');
  p.when(m.scalingConfig !== undefined, 'maxConcurrency', String(stack.resolve(m.scalingConfig)?.maximumConcurrency), 'not set on a stream source', 'maximum concurrency applies to SQS sources only; a stream scales by shards x parallelizationFactor');
  if (bound.failureQueue?.fifo) {
    p.add('onFailure', `FIFO queue ${bound.failureQueue.node.path}`, 'a standard SQS queue or an SNS topic', 'Lambda cannot send failure records of a stream mapping to a FIFO queue');
  }

  // Concurrency: shards x parallelization vs reserved concurrency, when both are known.
  const shards = spec.shardCount?.();
  const factor = stack.resolve(m.parallelizationFactor) ?? 1;
  const reserved = reservedConcurrency(target);
  if (shards !== undefined && known(factor) !== undefined && reserved !== undefined && reserved < shards * factor) {
    warnOnce(bound.scope, 'StreamConcurrency', `the stream needs up to ${fmt(shards * factor)} concurrent executions (${fmt(shards)} shards x parallelizationFactor ${fmt(factor)}) but the function reserves only ${fmt(reserved)}: batches will be throttled and the iterator age will grow.`);
  }
}

function validateQueueMapping(p: Problems, spec: SourceSpec, bound: BoundSource, target: lambda.IFunction, window: number | undefined): void {
  const stack = Stack.of(bound.mapping);
  const m = bound.mapping;
  const queue = spec.queue!;
  const streamOnly: Array<[string, unknown]> = [
    ['startingPosition', m.startingPosition],
    ['bisectBatchOnError', m.bisectBatchOnFunctionError],
    ['retryAttempts', m.maximumRetryAttempts],
    ['maxRecordAge', m.maximumRecordAgeInSeconds],
    ['onFailure', m.destinationConfig],
    ['parallelizationFactor', m.parallelizationFactor],
    ['tumblingWindow', m.tumblingWindowInSeconds],
  ];
  for (const [prop, value] of streamOnly) {
    if (value === undefined) continue;
    const shown = prop === 'onFailure' ? 'set' : JSON.stringify(stack.resolve(value));
    p.add(prop, shown, 'not set on an SQS source', SQS_REASON);
  }

  const batchSize = stack.resolve(m.batchSize);
  if (queue.fifo) {
    p.limit('batchSize', batchSize, 'fifoBatchSize');
    p.when(m.maximumBatchingWindowInSeconds !== undefined, 'maxBatchingWindow', `${String(stack.resolve(m.maximumBatchingWindowInSeconds))} s`, 'not set on a FIFO queue', 'Lambda does not support a batching window on SQS FIFO sources');
  } else if (p.limit('batchSize', batchSize, 'sqsBatchSize') && known(batchSize) !== undefined && batchSize > LIMITS.sqsBatchSizeWithoutWindow.max
    && !isToken(stack.resolve(m.maximumBatchingWindowInSeconds)) && (window ?? 0) < 1) {
    p.add('batchSize', `${fmt(batchSize)} messages without a batching window of at least 1 s`, `${fmt(LIMITS.sqsBatchSizeWithoutWindow.max)} messages or a maxBatchingWindow of at least 1 s`, LIMITS.sqsBatchSizeWithoutWindow.reason);
  }
  p.limit('maxConcurrency', stack.resolve(m.scalingConfig)?.maximumConcurrency, 'sqsMaxConcurrency');

  // Visibility timeout vs function timeout: read at synth so later changes of either are checked.
  const timeout = functionTimeout(target);
  const visibility = queueVisibility(queue);
  if (!visibility.known) {
    warnOnce(bound.scope, 'QueueVisibilityUnknown', `the visibility timeout of the imported queue ${queue.node.path} is unknown at synth: make sure it is at least ${LIMITS.visibilityTimeoutFactor.min} x the function timeout${timeout !== undefined ? ` (${fmt(timeout)} s)` : ''} plus the batching window, or Lambda refuses the mapping (below the timeout) or messages are processed twice.`);
    return;
  }
  if (timeout === undefined || visibility.seconds === undefined || isToken(stack.resolve(m.maximumBatchingWindowInSeconds))) return;
  const recommended = LIMITS.visibilityTimeoutFactor.min * timeout + (window ?? 0);
  if (visibility.seconds < timeout) {
    p.add('queue visibility timeout', `${fmt(visibility.seconds)} s`, `at least the function timeout (${fmt(timeout)} s), best ${fmt(recommended)} s`, 'Lambda refuses to create an SQS mapping whose queue visibility timeout is below the function timeout');
  } else if (visibility.seconds < recommended) {
    warnOnce(bound.scope, 'QueueVisibilityTooShort', `the visibility timeout of ${queue.node.path} is ${fmt(visibility.seconds)} s, below ${LIMITS.visibilityTimeoutFactor.min} x the function timeout (${fmt(timeout)} s) plus the batching window (${fmt(window ?? 0)} s) = ${fmt(recommended)} s: messages of a slow or retried batch become visible again and are processed twice.`);
  }
}
