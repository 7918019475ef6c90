import { edgeUsesOf, eventTypesOf } from './associations';
import { EDGE_LIMITS } from '../../limits';
import { checkLimit, FUNCTION, Rule, Severity } from '../private/rule';
import { isObject } from '../private/template-index';

/** A Lambda@Edge function keeps the 512 MB /tmp. */
export const LambdaEdgeEphemeralStorage: Rule = {
  id: 'LambdaEdgeEphemeralStorage',
  severity: Severity.ERROR,
  summary: 'A Lambda@Edge function has at most 512 MB of ephemeral storage.',
  types: [FUNCTION],
  check: (e, { index }) => {
    const storage = e.properties.EphemeralStorage;
    const size = isObject(storage) ? storage.Size : undefined;
    if (typeof size === 'number' && size <= EDGE_LIMITS.ephemeralStorageSize.max) return [];
    const findings = checkLimit('EphemeralStorage.Size', size, EDGE_LIMITS.ephemeralStorageSize);
    if (!findings.length) return [];
    const uses = edgeUsesOf(index, e);
    if (!uses.length) return [];
    return findings.map(f => ({ ...f, value: `${f.value} (a Lambda@Edge ${eventTypesOf(uses)} trigger)` }));
  },
};
