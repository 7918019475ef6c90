import { setting, standardFinding } from './helpers';
import { LIMITS, SERVICE_DEFAULTS } from '../../limits';
import type { AppliedStandard } from '../../standards/private/registry';
import { fmt, Finding, FUNCTION, Rule, Severity, show } from '../private/rule';
import { knownNumber } from '../private/template-index';

/** Judges a known number (or Lambda's value when unset: the lowest of the range) against each ceiling set. */
function ceiling(property: string, raw: unknown, lambdaDefault: number, unit: string,
  ceilings: Array<{ standard: AppliedStandard; max: number }>, why: string): Finding[] {
  if (raw !== undefined && knownNumber(raw) === undefined) return [];
  const n = raw === undefined ? lambdaDefault : knownNumber(raw)!;
  return ceilings.filter(c => n > c.max).map(c =>
    standardFinding(c.standard, property, raw === undefined ? `not set (${fmt(n)} ${unit})` : show(n, unit), `at most ${fmt(c.max)} ${unit}`, why));
}

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
