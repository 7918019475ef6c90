import { SourceKind, sourceKind } from './source';
import { LIMITS } from '../../limits';
import { checkLimit, Finding, fmt, MAPPING, Rule, Severity, show } from '../private/rule';
import { CfnEntry, isTrue, knownNumber, TemplateIndex } from '../private/template-index';

const STREAM_ONLY = ['StartingPosition', 'StartingPositionTimestamp', 'BisectBatchOnFunctionError', 'MaximumRetryAttempts',
  'MaximumRecordAgeInSeconds', 'DestinationConfig', 'ParallelizationFactor', 'TumblingWindowInSeconds'];
const SQS_REASON = 'it applies to Kinesis and DynamoDB Streams only; an SQS source retries through the visibility timeout and ends in the queue\'s redrive DLQ';

function batchFindings(e: CfnEntry, fifo: boolean): Finding[] {
  const batch = e.properties.BatchSize;
  const windowValue = e.properties.MaximumBatchingWindowInSeconds;
  if (fifo) {
    return [...checkLimit('BatchSize', batch, LIMITS.fifoBatchSize), ...(windowValue === undefined ? [] : [{
      property: 'MaximumBatchingWindowInSeconds', value: show(windowValue, 's'), allowed: 'not set on a FIFO queue', reason: 'Lambda does not support a batching window on SQS FIFO sources',
    }])];
  }
  const out = checkLimit('BatchSize', batch, LIMITS.sqsBatchSize);
  const n = knownNumber(batch);
  const window = windowValue === undefined ? 0 : knownNumber(windowValue);
  if (out.length === 0 && n !== undefined && window !== undefined && n > LIMITS.sqsBatchSizeWithoutWindow.max && window < 1) {
    out.push({ property: 'BatchSize', value: `${fmt(n)} messages without a batching window of at least 1 s`, allowed: `${fmt(LIMITS.sqsBatchSizeWithoutWindow.max)} messages or a MaximumBatchingWindowInSeconds of at least 1 s`, reason: LIMITS.sqsBatchSizeWithoutWindow.reason });
  }
  return out;
}

/** The settings of an SQS event source mapping that Lambda accepts. */
export const LambdaSqsMapping: Rule = {
  id: 'LambdaSqsMapping',
  severity: Severity.ERROR,
  summary: 'An SQS mapping sets no stream-only property, its batch size fits the queue type and batching window, and its maximum concurrency is 2–1,000.',
  types: [MAPPING],
  check: (e, { index }: { index: TemplateIndex }) => {
    if (sourceKind(index, e) !== SourceKind.QUEUE) return [];
    const arn = e.properties.EventSourceArn;
    const queue = index.target(arn);
    // An imported queue is known by its ARN only: a FIFO queue's name (the ARN's last part) ends in .fifo.
    const fifo = queue ? isTrue(queue.properties.FifoQueue) : typeof arn === 'string' && arn.endsWith('.fifo');
    const out: Finding[] = STREAM_ONLY.filter(p => e.properties[p] !== undefined)
      .map(p => ({ property: p, value: show(e.properties[p]), allowed: 'not set on an SQS source', reason: SQS_REASON }));
    out.push(...batchFindings(e, fifo));
    const scaling = e.properties.ScalingConfig;
    if (scaling && typeof scaling === 'object') out.push(...checkLimit('ScalingConfig.MaximumConcurrency', scaling.MaximumConcurrency, LIMITS.sqsMaxConcurrency));
    return out;
  },
};
