import { setting, standardFinding } from './helpers';
import { FUNCTION, Rule, Severity } from '../private/rule';

/** The function reserves concurrency when a standard in force requires it. */
export const StandardReservedConcurrency: Rule = {
  id: 'StandardReservedConcurrency',
  severity: Severity.ERROR,
  summary: 'ReservedConcurrentExecutions is set when the platform standards in force require it.',
  types: [FUNCTION],
  standard: true,
  check: (e, ctx) => e.properties.ReservedConcurrentExecutions !== undefined ? [] : setting(ctx, 'requireReservedConcurrency').map(({ standard }) =>
    standardFinding(standard, 'ReservedConcurrentExecutions', 'not set', 'a reservation (0 to the account limit minus 100)', 'one function must not starve the others of the account\'s concurrency')),
};
