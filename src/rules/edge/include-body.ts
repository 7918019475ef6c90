import { associationsOf, DISTRIBUTION } from './associations';
import { EDGE_FACTS } from '../../limits';
import { Finding, Rule, Severity } from '../private/rule';

/** IncludeBody is set only on viewer-request and origin-request associations. */
export const LambdaEdgeIncludeBody: Rule = {
  id: 'LambdaEdgeIncludeBody',
  severity: Severity.ERROR,
  summary: 'IncludeBody is set only on viewer-request and origin-request Lambda@Edge associations.',
  types: [DISTRIBUTION],
  check: (e, { index }) => {
    const out: Finding[] = [];
    for (const a of associationsOf(index)) {
      if (a.distribution.logicalId !== e.logicalId || !a.includeBody || a.eventType === undefined) continue;
      if (EDGE_FACTS.includeBodyEvents.includes(a.eventType)) continue;
      out.push({
        property: `${a.property}.IncludeBody`,
        value: `true on a "${a.eventType}" association`,
        allowed: `IncludeBody on ${EDGE_FACTS.includeBodyEvents.map(t => `"${t}"`).join(' or ')} associations only`,
        reason: 'only request events carry a request body for CloudFront to expose to the function',
        involves: a.fn ? [a.fn] : undefined,
      });
    }
    return out;
  },
};
