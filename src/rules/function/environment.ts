import { ENVIRONMENT_KEY_PATTERN, isReservedEnvironmentKey, LIMITS } from '../../limits';
import { checkLimit, Finding, FUNCTION, Rule, Severity } from '../private/rule';
import { isObject, knownString } from '../private/template-index';

/** The environment variables of a function resource (keys to values), or undefined when unknown. */
export function variablesOf(properties: Record<string, any>): Record<string, unknown> | undefined {
  const env = properties.Environment;
  if (!isObject(env)) return undefined;
  return isObject(env.Variables) ? env.Variables : undefined;
}

function keyFinding(key: string): Finding[] {
  const property = `Environment.Variables key ${JSON.stringify(key)}`;
  if (!ENVIRONMENT_KEY_PATTERN.test(key)) {
    return [{ property, value: `${key.length} character${key.length === 1 ? '' : 's'} long`, allowed: `a name matching ${ENVIRONMENT_KEY_PATTERN.source}`, reason: LIMITS.environmentKeyLength.reason }];
  }
  return isReservedEnvironmentKey(key) ? [{ property, value: 'a reserved name', allowed: 'a name Lambda does not reserve (AWS_REGION, AWS_LAMBDA_*, _HANDLER, LAMBDA_TASK_ROOT …)', reason: 'the Lambda runtime sets it itself and refuses to let a function override it' }] : [];
}

/** Environment variables: names Lambda accepts and does not reserve, at most 4 KB keys + values. */
export const LambdaEnvironment: Rule = {
  id: 'LambdaEnvironment',
  severity: Severity.ERROR,
  summary: 'Environment variable names match [a-zA-Z][a-zA-Z0-9_]+, are not reserved by Lambda, and keys + values total at most 4 KB (UTF-8), the variables aws-cdk-lib adds for the Parameters and Secrets extension, ADOT and profiling included.',
  types: [FUNCTION],
  check: e => {
    const vars = variablesOf(e.properties);
    if (!vars) return [];
    const out = Object.keys(vars).flatMap(keyFinding);
    let bytes = 0;
    for (const [key, value] of Object.entries(vars)) {
      const s = knownString(value);
      // Unknown values only add bytes: a known total above the limit is a finding either way.
      bytes += Buffer.byteLength(key, 'utf8') + (s === undefined ? 0 : Buffer.byteLength(s, 'utf8'));
    }
    return [...out, ...checkLimit('Environment (keys + values, UTF-8)', bytes, LIMITS.environmentBytes)];
  },
};
