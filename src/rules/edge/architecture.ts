import { edgeUsesOf, eventTypesOf } from './associations';
import { EDGE_FACTS } from '../../limits';
import { FUNCTION, Rule, Severity, show } from '../private/rule';

/** A Lambda@Edge function runs on x86_64. */
export const LambdaEdgeArchitecture: Rule = {
  id: 'LambdaEdgeArchitecture',
  severity: Severity.ERROR,
  summary: 'A Lambda@Edge function runs on x86_64 (CloudFront refuses arm64 functions).',
  types: [FUNCTION],
  check: (e, { index }) => {
    const archs = e.properties.Architectures;
    if (!Array.isArray(archs) || !archs.includes('arm64')) return [];
    const uses = edgeUsesOf(index, e);
    if (!uses.length) return [];
    return [{
      property: 'Architectures',
      value: `${show(archs)} (a Lambda@Edge ${eventTypesOf(uses)} trigger)`,
      allowed: `["${EDGE_FACTS.architecture}"] (or unset)`,
      reason: 'Lambda@Edge does not support functions that use the arm64 architecture',
    }];
  },
};
