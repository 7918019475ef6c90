import { SourceKind, sourceKind } from './source';
import { SERVICE_DEFAULTS } from '../../limits';
import { fmt, FUNCTION, MAPPING, Rule, Severity } from '../private/rule';
import { CfnEntry, knownNumber, TemplateIndex, indexKey } from '../private/template-index';

const KINESIS_MAPPINGS = indexKey<Map<string, CfnEntry[]>>('kinesis mappings by function');

/** The Kinesis mappings of each function of the stack (built once per index). */
function kinesisMappings(index: TemplateIndex): Map<string, CfnEntry[]> {
  return index.memo(KINESIS_MAPPINGS, () => {
    const map = new Map<string, CfnEntry[]>();
    for (const m of index.ofType(MAPPING)) {
      const fn = index.functionOf(m.properties.FunctionName);
      if (fn && sourceKind(index, m) === SourceKind.KINESIS) map.set(fn.logicalId, [...(map.get(fn.logicalId) ?? []), m]);
    }
    return map;
  });
}

/**
 * A function that reserves concurrency reserves at least what its Kinesis streams can demand: the sum of
 * shards x ParallelizationFactor over its mappings (reported once, on the function).
 */
export const LambdaStreamConcurrency: Rule = {
  id: 'LambdaStreamConcurrency',
  severity: Severity.WARNING,
  summary: 'A function that reserves concurrency reserves at least the sum of shards x ParallelizationFactor of its Kinesis mappings (reported once).',
  types: [FUNCTION],
  check: (e, { index }) => {
    const reserved = knownNumber(e.properties.ReservedConcurrentExecutions);
    const mappings = kinesisMappings(index).get(e.logicalId) ?? [];
    if (reserved === undefined || mappings.length === 0) return [];
    let need = 0;
    const parts: string[] = [];
    for (const m of mappings) {
      // An enhanced fan-out consumer reads its stream's shards.
      const source = index.target(m.properties.EventSourceArn);
      const stream = source?.type === 'AWS::Kinesis::StreamConsumer' ? index.target(source.properties.StreamARN) : source;
      const shards = knownNumber(stream?.properties.ShardCount);
      const factorValue = m.properties.ParallelizationFactor;
      const factor = factorValue === undefined ? SERVICE_DEFAULTS.parallelizationFactor : knownNumber(factorValue);
      if (shards === undefined || factor === undefined) continue;
      need += shards * factor;
      parts.push(`${fmt(shards)} shards x ParallelizationFactor ${fmt(factor)}`);
    }
    if (reserved >= need) return [];
    return [{
      property: 'ReservedConcurrentExecutions',
      value: fmt(reserved),
      allowed: `at least ${fmt(need)} (${parts.join(' + ')})`,
      reason: 'batches beyond the reservation are throttled and the iterator age grows',
    }];
  },
};
