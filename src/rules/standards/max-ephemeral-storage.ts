import { ceiling } from './ceiling';
import { setting } from './helpers';
import { LIMITS } from '../../limits';
import { FUNCTION, Rule, Severity } from '../private/rule';

/** EphemeralStorage.Size is at most the ceilings of the standards in force. */
export const StandardMaxEphemeralStorage: Rule = {
  id: 'StandardMaxEphemeralStorage',
  severity: Severity.ERROR,
  summary: 'EphemeralStorage.Size is at most the /tmp ceiling of the platform standards in force.',
  types: [FUNCTION],
  standard: true,
  check: (e, ctx) => ceiling('EphemeralStorage.Size', e.properties.EphemeralStorage?.Size, LIMITS.ephemeralStorageSize.min, 'MB',
    setting(ctx, 'maxEphemeralStorageSize').map(s => ({ standard: s.standard, max: s.value.toMebibytes() })), '/tmp above 512 MB is billed and capped by the platform'),
};
