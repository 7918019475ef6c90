import { edgeUsesOf, eventTypesOf } from './associations';
import { FUNCTION, Rule, Severity } from '../private/rule';
import { isObject } from '../private/template-index';

/** A Lambda@Edge function has no environment variables. */
export const LambdaEdgeEnvironment: Rule = {
  id: 'LambdaEdgeEnvironment',
  severity: Severity.ERROR,
  summary: 'A Lambda@Edge function has no environment variables.',
  types: [FUNCTION],
  check: (e, { index }) => {
    const env = e.properties.Environment;
    const vars = isObject(env) ? env.Variables : undefined;
    if (vars === undefined || (isObject(vars) && Object.keys(vars).length === 0)) return [];
    const uses = edgeUsesOf(index, e);
    if (!uses.length) return [];
    const keys = isObject(vars) ? Object.keys(vars).map(k => `"${k}"`).join(', ') : JSON.stringify(vars);
    return [{
      property: 'Environment.Variables',
      value: `${keys} (a Lambda@Edge ${eventTypesOf(uses)} trigger)`,
      allowed: 'no variables (put settings in the code, or read them from SSM Parameter Store or S3 at run time)',
      reason: 'Lambda@Edge does not support environment variables other than those Lambda reserves',
    }];
  },
};
