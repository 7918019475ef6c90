import { edgeUsesOf, eventTypesOf, isOrigin, isViewer } from './associations';
import { EDGE_LIMITS } from '../../limits';
import { FUNCTION, Rule, Severity, show } from '../private/rule';
import { knownNumber } from '../private/template-index';

/** An origin-event Lambda@Edge function has a timeout of at most 30 s. */
export const LambdaEdgeOriginTimeout: Rule = {
  id: 'LambdaEdgeOriginTimeout',
  severity: Severity.ERROR,
  summary: 'A Lambda@Edge function triggered by origin request or origin response events has a timeout of at most 30 s.',
  types: [FUNCTION],
  check: (e, { index }) => {
    const timeout = knownNumber(e.properties.Timeout);
    if (timeout === undefined || timeout <= EDGE_LIMITS.originTimeout.max) return [];
    const uses = edgeUsesOf(index, e);
    // A function that is also a viewer trigger is reported (with the lower limit) by LambdaEdgeViewerLimits.
    if (uses.some(isViewer)) return [];
    const origin = uses.filter(isOrigin);
    if (!origin.length) return [];
    return [{
      property: 'Timeout',
      value: `${show(timeout, 's')} (a Lambda@Edge ${eventTypesOf(origin)} trigger)`,
      allowed: `at most ${show(EDGE_LIMITS.originTimeout.max, 's')}`,
      reason: EDGE_LIMITS.originTimeout.reason,
    }];
  },
};
