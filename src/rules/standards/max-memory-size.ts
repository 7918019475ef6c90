import { ceiling } from './ceiling';
import { setting } from './helpers';
import { LIMITS } from '../../limits';
import { FUNCTION, Rule, Severity } from '../private/rule';

/** MemorySize is at most the ceilings of the standards in force. */
export const StandardMaxMemorySize: Rule = {
  id: 'StandardMaxMemorySize',
  severity: Severity.ERROR,
  summary: 'MemorySize is at most the memory ceiling of the platform standards in force.',
  types: [FUNCTION],
  standard: true,
  check: (e, ctx) => ceiling('MemorySize', e.properties.MemorySize, LIMITS.memorySize.min, 'MB',
    setting(ctx, 'maxMemorySize').map(s => ({ standard: s.standard, max: s.value })), 'memory is billed per GB-second and capped by the platform'),
};
