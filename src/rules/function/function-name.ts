import { FUNCTION_NAME_PATTERN, LIMITS } from '../../limits';
import { FUNCTION, Rule, Severity, show } from '../private/rule';
import { knownString } from '../private/template-index';

/** An explicit FunctionName has 1–64 letters, digits, hyphens or underscores. */
export const LambdaFunctionName: Rule = {
  id: 'LambdaFunctionName',
  severity: Severity.ERROR,
  summary: 'An explicit FunctionName has 1–64 letters, digits, hyphens or underscores.',
  types: [FUNCTION],
  check: e => {
    if (e.properties.FunctionName === undefined) return [];
    const name = knownString(e.properties.FunctionName);
    if (name === undefined) return [];
    const ok = name.length >= LIMITS.functionNameLength.min && name.length <= LIMITS.functionNameLength.max && FUNCTION_NAME_PATTERN.test(name);
    return ok ? [] : [{ property: 'FunctionName', value: `${show(name)} (${name.length} characters)`, allowed: `1–${LIMITS.functionNameLength.max} characters of [a-zA-Z0-9-_]`, reason: LIMITS.functionNameLength.reason }];
  },
};
