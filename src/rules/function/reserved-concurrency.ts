import { LIMITS } from '../../limits';
import { checkLimit, fmt, FUNCTION, Rule, Severity } from '../private/rule';

/** Reserved concurrency leaves at least 100 executions of the account limit unreserved. */
export const LambdaReservedConcurrency: Rule = {
  id: 'LambdaReservedConcurrency',
  severity: Severity.ERROR,
  summary: 'ReservedConcurrentExecutions is a whole number from 0 to the account limit minus the 100 executions that stay unreserved.',
  types: [FUNCTION],
  check: (e, { config }) => checkLimit('ReservedConcurrentExecutions', e.properties.ReservedConcurrentExecutions, {
    ...LIMITS.reservedConcurrency,
    max: Math.max(0, config.accountConcurrencyLimit - LIMITS.unreservedConcurrencyFloor.min),
    reason: `at least ${fmt(LIMITS.unreservedConcurrencyFloor.min)} of the account concurrency limit (${fmt(config.accountConcurrencyLimit)}) must stay unreserved`,
  }),
};
