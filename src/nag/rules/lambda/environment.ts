import { NagMessageLevel } from 'cdk-nag';
import { ENVIRONMENT_KEY_PATTERN, LIMITS, RESERVED_ENVIRONMENT_KEYS, RESERVED_ENVIRONMENT_PREFIXES } from '../../../limits';
import { isObject, knownString } from '../../template-index';
import { BlueprintRule, COMPLIANT, FUNCTION, NON_COMPLIANT, NOT_APPLICABLE } from '../rule';

/** Whether Lambda refuses an environment variable name (format or reserved). */
export function isRefusedKey(key: string): boolean {
  return !ENVIRONMENT_KEY_PATTERN.test(key)
    || RESERVED_ENVIRONMENT_KEYS.includes(key)
    || RESERVED_ENVIRONMENT_PREFIXES.some(p => key.startsWith(p));
}

/** Environment variables: ≤ 4 KB keys + values, keys `[a-zA-Z][a-zA-Z0-9_]*`, no reserved names. */
export const LambdaEnvironment: BlueprintRule = {
  name: 'LambdaEnvironment',
  info: `The Lambda function's environment variables exceed ${LIMITS.environmentBytes.max.toLocaleString('en-US')} bytes, or a key is malformed or reserved by Lambda.`,
  explanation: `${LIMITS.environmentBytes.reason}; keys must match ${ENVIRONMENT_KEY_PATTERN.source} and must not be a name Lambda sets itself (AWS_REGION, AWS_LAMBDA_*, _HANDLER, LAMBDA_TASK_ROOT...). Pass large or secret values by reference (SSM, Secrets Manager).`,
  level: NagMessageLevel.ERROR,
  check: (e) => {
    if (e.type !== FUNCTION) return NOT_APPLICABLE;
    const env = e.properties.Environment;
    if (env === undefined || (isObject(env) && env.Variables === undefined)) return COMPLIANT;
    if (!isObject(env) || !isObject(env.Variables)) return NOT_APPLICABLE;
    let bytes = 0;
    let unknown = false;
    for (const [key, value] of Object.entries(env.Variables)) {
      if (isRefusedKey(key)) return NON_COMPLIANT;
      const s = knownString(value);
      if (s === undefined) unknown = true;
      bytes += Buffer.byteLength(key, 'utf8') + (s === undefined ? 0 : Buffer.byteLength(s, 'utf8'));
    }
    // Unknown values only add bytes: a known total already above the limit is a finding either way.
    if (bytes > LIMITS.environmentBytes.max) return NON_COMPLIANT;
    return unknown ? NOT_APPLICABLE : COMPLIANT;
  },
};
