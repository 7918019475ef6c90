import { ceiling } from './ceiling';
import { setting } from './helpers';
import { SERVICE_DEFAULTS } from '../../limits';
import { FUNCTION, Rule, Severity } from '../private/rule';

/** Timeout is at most the ceilings of the standards in force. */
export const StandardMaxTimeout: Rule = {
  id: 'StandardMaxTimeout',
  severity: Severity.ERROR,
  summary: 'Timeout is at most the timeout ceiling of the platform standards in force.',
  types: [FUNCTION],
  standard: true,
  check: (e, ctx) => ceiling('Timeout', e.properties.Timeout, SERVICE_DEFAULTS.functionTimeoutSeconds, 's',
    setting(ctx, 'maxTimeout').map(s => ({ standard: s.standard, max: s.value.toSeconds() })), 'the platform caps how long an invocation may run'),
};
