import { variablesOf } from './environment';
import { PARAMS_AND_SECRETS_SETTINGS, SECRET_LOOKING_KEYS } from '../../limits';
import { FUNCTION, Rule, Severity } from '../private/rule';
import { knownString } from '../private/template-index';

/** Names and values that hold a reference to a secret (a parameter name, an ARN), not the secret. */
const REFERENCE_KEY = /_(PARAMETER|PARAM|ARN|NAME|ID|PATH)$/i;

/** A variable whose name looks like a secret holds a reference, not a literal value. */
export const LambdaEnvironmentSecret: Rule = {
  id: 'LambdaEnvironmentSecret',
  severity: Severity.WARNING,
  summary: 'A variable whose name looks like a secret (PASSWORD, TOKEN, API_KEY …) holds a reference (a name ending in _PARAMETER, _ARN, _NAME, _ID or _PATH, or an ARN), not a literal value; the settings of the Parameters and Secrets extension are not secrets.',
  types: [FUNCTION],
  check: e => Object.entries(variablesOf(e.properties) ?? {})
    .filter(([key, value]) => {
      const literal = knownString(value);
      if (literal === undefined || literal.startsWith('arn:') || REFERENCE_KEY.test(key) || PARAMS_AND_SECRETS_SETTINGS.test(key)) return false;
      return SECRET_LOOKING_KEYS.some(s => key.toUpperCase().includes(s));
    })
    .map(([key]) => ({
      property: `Environment.Variables.${key}`,
      value: 'a literal value',
      allowed: 'a parameter name or secret ARN (BlueprintSecret, the secrets prop)',
      reason: 'anyone who may read the function configuration reads the secret; pass it by reference (SSM SecureString or Secrets Manager)',
    })),
};
