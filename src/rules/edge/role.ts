import { edgeUsesOf } from './associations';
import { EDGE_FACTS } from '../../limits';
import { asArray } from '../private/iam';
import { FUNCTION, Rule, Severity } from '../private/rule';
import { isObject } from '../private/template-index';

/** The execution role of a Lambda@Edge function trusts lambda.amazonaws.com and edgelambda.amazonaws.com. */
export const LambdaEdgeRole: Rule = {
  id: 'LambdaEdgeRole',
  severity: Severity.ERROR,
  summary: 'The execution role of a Lambda@Edge function (when defined in the stack) can be assumed by lambda.amazonaws.com and edgelambda.amazonaws.com.',
  types: [FUNCTION],
  check: (e, { index }) => {
    const role = index.target(e.properties.Role);
    if (role?.type !== 'AWS::IAM::Role' || !edgeUsesOf(index, e).length) return [];
    const doc = role.properties.AssumeRolePolicyDocument;
    if (!isObject(doc)) return [];
    const trusted = new Set<string>();
    for (const s of asArray(doc.Statement)) {
      if (!isObject(s) || s.Effect !== 'Allow' || !isObject(s.Principal)) continue;
      const actions = asArray(s.Action);
      if (!actions.some(a => a === 'sts:AssumeRole' || a === 'sts:*' || a === '*')) continue;
      for (const p of asArray(s.Principal.Service)) {
        if (typeof p !== 'string') return []; // an intrinsic: unknown at synth
        trusted.add(p);
      }
    }
    const missing = EDGE_FACTS.trustedPrincipals.filter(p => !trusted.has(p));
    if (!missing.length) return [];
    return [{
      property: 'Role',
      value: `${role.path} (trusts ${[...trusted].map(p => `"${p}"`).join(', ') || 'no service'}; missing ${missing.map(p => `"${p}"`).join(', ')})`,
      allowed: `a role that ${EDGE_FACTS.trustedPrincipals.map(p => `"${p}"`).join(' and ')} may assume`,
      reason: 'CloudFront assumes the execution role through edgelambda.amazonaws.com to run the replicas of a Lambda@Edge function',
    }];
  },
};
