import { SourceKind, sourceKind } from './source';
import { SERVICE_DEFAULTS } from '../../limits';
import { fmt, MAPPING, Rule, Severity } from '../private/rule';
import { knownNumber } from '../private/template-index';

/** The function reserves enough concurrency for every shard x parallelization batch of its stream. */
export const LambdaStreamConcurrency: Rule = {
  id: 'LambdaStreamConcurrency',
  severity: Severity.WARNING,
  summary: 'A function reading a Kinesis stream reserves at least shards x ParallelizationFactor concurrent executions, when it reserves any.',
  types: [MAPPING],
  check: (e, { index }) => {
    if (sourceKind(index, e) !== SourceKind.KINESIS) return [];
    const stream = index.target(e.properties.EventSourceArn);
    const fn = index.functionOf(e.properties.FunctionName);
    const shards = knownNumber(stream?.properties.ShardCount);
    const factorValue = e.properties.ParallelizationFactor;
    const factor = factorValue === undefined ? SERVICE_DEFAULTS.parallelizationFactor : knownNumber(factorValue);
    const reserved = knownNumber(fn?.properties.ReservedConcurrentExecutions);
    if (shards === undefined || factor === undefined || reserved === undefined || reserved >= shards * factor) return [];
    return [{
      property: 'function ReservedConcurrentExecutions',
      value: `${fmt(reserved)} (${fn!.path})`,
      allowed: `at least ${fmt(shards * factor)} (${fmt(shards)} shards x ParallelizationFactor ${fmt(factor)})`,
      reason: 'batches beyond the reservation are throttled and the iterator age grows',
      involves: [fn!],
    }];
  },
};
