import { standardFinding } from './helpers';
import { AppliedStandard } from '../../core/private/standards-state';
import { fmt, Finding, show } from '../private/rule';
import { knownNumber } from '../private/template-index';

/** Judges a known number (or Lambda's value when unset: the lowest of the range) against each ceiling set. */
export function ceiling(property: string, raw: unknown, lambdaDefault: number, unit: string,
  ceilings: Array<{ standard: AppliedStandard; max: number }>, why: string): Finding[] {
  if (raw !== undefined && knownNumber(raw) === undefined) return [];
  const n = raw === undefined ? lambdaDefault : knownNumber(raw)!;
  return ceilings.filter(c => n > c.max).map(c =>
    standardFinding(c.standard, property, raw === undefined ? `not set (${fmt(n)} ${unit})` : show(n, unit), `at most ${fmt(c.max)} ${unit}`, why));
}

