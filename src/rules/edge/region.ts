import { Token } from 'aws-cdk-lib';
import { associationsOf, DISTRIBUTION, edgeUsesOf, eventTypesOf } from './associations';
import { EDGE_FACTS } from '../../limits';
import { Finding, FUNCTION, Rule, Severity, show } from '../private/rule';

const REASON = 'Lambda@Edge functions are created in US East (N. Virginia), from where CloudFront replicates them';

/** A Lambda@Edge function is in us-east-1 (its stack's region, or the region of a literal ARN). */
export const LambdaEdgeRegion: Rule = {
  id: 'LambdaEdgeRegion',
  severity: Severity.ERROR,
  summary: 'A Lambda@Edge function is created in us-east-1 (the stack region when known, or the region of a literal association ARN).',
  types: [FUNCTION, DISTRIBUTION],
  check: (e, { index }) => {
    if (e.type === DISTRIBUTION) {
      const out: Finding[] = [];
      for (const a of associationsOf(index)) {
        if (a.distribution.logicalId !== e.logicalId || a.region === undefined || a.region === EDGE_FACTS.region) continue;
        out.push({ property: `${a.property}.LambdaFunctionARN`, value: `${show(a.arn)} (region ${a.region})`, allowed: `a function in ${EDGE_FACTS.region}`, reason: REASON });
      }
      return out;
    }
    const region = index.stack.region;
    if (Token.isUnresolved(region) || region === EDGE_FACTS.region) return [];
    const uses = edgeUsesOf(index, e);
    if (!uses.length) return [];
    return [{
      property: 'stack region',
      value: `"${region}" (the function is a Lambda@Edge ${eventTypesOf(uses)} trigger)`,
      allowed: `"${EDGE_FACTS.region}" (cloudfront.experimental.EdgeFunction or BlueprintEdgeFunction create it there from any stack)`,
      reason: REASON,
    }];
  },
};
