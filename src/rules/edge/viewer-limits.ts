import { edgeUsesOf, eventTypesOf, isViewer } from './associations';
import { EDGE_LIMITS, LimitSpec } from '../../limits';
import { Finding, FUNCTION, Rule, Severity, show } from '../private/rule';
import { knownNumber } from '../private/template-index';

/** A viewer-event Lambda@Edge function has at most 128 MB of memory and a timeout of at most 5 s. */
export const LambdaEdgeViewerLimits: Rule = {
  id: 'LambdaEdgeViewerLimits',
  severity: Severity.ERROR,
  summary: 'A Lambda@Edge function triggered by viewer request or viewer response events has at most 128 MB of memory and a timeout of at most 5 s.',
  types: [FUNCTION],
  check: (e, { index }) => {
    const memory = knownNumber(e.properties.MemorySize);
    const timeout = knownNumber(e.properties.Timeout);
    const over = (n: number | undefined, limit: LimitSpec): boolean => n !== undefined && n > limit.max;
    if (!over(memory, EDGE_LIMITS.viewerMemorySize) && !over(timeout, EDGE_LIMITS.viewerTimeout)) return [];
    const viewer = edgeUsesOf(index, e).filter(isViewer);
    if (!viewer.length) return [];
    const out: Finding[] = [];
    const what = `a Lambda@Edge ${eventTypesOf(viewer)} trigger`;
    if (over(memory, EDGE_LIMITS.viewerMemorySize)) {
      out.push({ property: 'MemorySize', value: `${show(memory, 'MB')} (${what})`, allowed: `at most ${show(EDGE_LIMITS.viewerMemorySize.max, 'MB')}`, reason: EDGE_LIMITS.viewerMemorySize.reason });
    }
    if (over(timeout, EDGE_LIMITS.viewerTimeout)) {
      out.push({ property: 'Timeout', value: `${show(timeout, 's')} (${what})`, allowed: `at most ${show(EDGE_LIMITS.viewerTimeout.max, 's')}`, reason: EDGE_LIMITS.viewerTimeout.reason });
    }
    return out;
  },
};
