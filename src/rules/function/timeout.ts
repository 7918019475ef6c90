import { LIMITS } from '../../limits';
import { checkLimit, FUNCTION, Rule, Severity } from '../private/rule';

/** Timeout is a whole number of seconds in 1–900. */
export const LambdaTimeout: Rule = {
  id: 'LambdaTimeout',
  severity: Severity.ERROR,
  summary: 'Timeout is a whole number of seconds from 1 to 900.',
  types: [FUNCTION],
  check: e => checkLimit('Timeout', e.properties.Timeout, LIMITS.timeout),
};
