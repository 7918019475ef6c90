import { SourceKind, sourceKind } from './source';
import { LIMITS, SERVICE_DEFAULTS } from '../../limits';
import { fmt } from '../private/rule';
import { CfnEntry, knownNumber, TemplateIndex, indexKey } from '../private/template-index';

/** The timing facts of an SQS mapping, as far as the template knows them. */
export interface QueueTiming {
  readonly queue?: CfnEntry;
  readonly fn?: CfnEntry;
  /** Seconds, undefined when unknown (imported queue, token). */
  readonly visibility?: number;
  readonly timeout?: number;
  readonly window?: number;
  /** 6 x timeout + window, when all are known. */
  readonly recommended?: number;
}

function orDefault(value: unknown, fallback: number): number | undefined {
  return value === undefined ? fallback : knownNumber(value);
}

/** Each mapping's timing, once per template model: five SQS rules read it for every mapping. */
const TIMINGS = indexKey<Map<string, QueueTiming | undefined>>('queue timings');

/** The timing of an SQS mapping (undefined for other mappings). */
export function queueTiming(index: TemplateIndex, e: CfnEntry): QueueTiming | undefined {
  const timings = index.memo(TIMINGS, () => new Map<string, QueueTiming | undefined>());
  if (!timings.has(e.logicalId)) timings.set(e.logicalId, computeTiming(index, e));
  return timings.get(e.logicalId);
}

function computeTiming(index: TemplateIndex, e: CfnEntry): QueueTiming | undefined {
  if (sourceKind(index, e) !== SourceKind.QUEUE) return undefined;
  const queue = index.target(e.properties.EventSourceArn);
  const fn = index.functionOf(e.properties.FunctionName);
  const visibility = queue?.type === 'AWS::SQS::Queue' ? orDefault(queue.properties.VisibilityTimeout, SERVICE_DEFAULTS.queueVisibilityTimeoutSeconds) : undefined;
  const timeout = fn ? orDefault(fn.properties.Timeout, SERVICE_DEFAULTS.functionTimeoutSeconds) : undefined;
  const window = orDefault(e.properties.MaximumBatchingWindowInSeconds, 0);
  const recommended = timeout !== undefined && window !== undefined ? LIMITS.visibilityTimeoutFactor.min * timeout + window : undefined;
  return { queue: queue?.type === 'AWS::SQS::Queue' ? queue : undefined, fn, visibility, timeout, window, recommended };
}

/** `6 x the function timeout (30 s) plus the batching window (0 s) = 180 s` */
export function recommendation(t: QueueTiming): string {
  return `${LIMITS.visibilityTimeoutFactor.min} x the function timeout (${fmt(t.timeout!)} s) plus the batching window (${fmt(t.window!)} s) = ${fmt(t.recommended!)} s`;
}
