import { isStream, onFailureOf, sourceKind } from './source';
import { LIMITS, SERVICE_DEFAULTS } from '../../limits';
import { Finding, fmt, MAPPING, Rule, Severity, show } from '../private/rule';
import { knownNumber } from '../private/template-index';

/**
 * A stream mapping bounds what one poison record can do: bisect on error, bounded retries, and a bounded
 * record age or an on-failure destination.
 */
export const LambdaStreamFailureHandling: Rule = {
  id: 'LambdaStreamFailureHandling',
  severity: Severity.WARNING,
  summary: 'A stream mapping bisects failing batches, bounds its retries, and bounds the record age or keeps failed records in an on-failure destination.',
  types: [MAPPING],
  check: (e, { index }) => {
    if (!isStream(sourceKind(index, e))) return [];
    const p = e.properties;
    const out: Finding[] = [];
    if (p.BisectBatchOnFunctionError === undefined || p.BisectBatchOnFunctionError === false || p.BisectBatchOnFunctionError === 'false') {
      out.push({ property: 'BisectBatchOnFunctionError', value: show(p.BisectBatchOnFunctionError), allowed: 'true', reason: 'on an error Lambda retries the whole batch and the shard stops; bisecting isolates a poison record instead of blocking its shard for up to 7 days' });
    }
    const retries = p.MaximumRetryAttempts === undefined ? SERVICE_DEFAULTS.streamRetryAttempts : knownNumber(p.MaximumRetryAttempts);
    if (retries !== undefined && retries < 0) {
      out.push({ property: 'MaximumRetryAttempts', value: p.MaximumRetryAttempts === undefined ? 'not set (-1, retry until the record expires)' : fmt(retries), allowed: `0–${fmt(LIMITS.streamRetryAttempts.max)}`, reason: 'a failing batch is retried until it expires and blocks its shard meanwhile' });
    }
    const age = p.MaximumRecordAgeInSeconds === undefined ? SERVICE_DEFAULTS.streamRecordAgeSeconds : knownNumber(p.MaximumRecordAgeInSeconds);
    if (onFailureOf(e) === undefined && age !== undefined && age < 0) {
      out.push({ property: 'MaximumRecordAgeInSeconds', value: `${p.MaximumRecordAgeInSeconds === undefined ? 'not set (-1, infinite)' : fmt(age)} without an on-failure destination`, allowed: `${fmt(LIMITS.streamRecordAge.min)}–${fmt(LIMITS.streamRecordAge.max)} s, or an on-failure destination`, reason: 'a poison record is otherwise retried for the stream\'s whole retention and then lost' });
    }
    return out;
  },
};
