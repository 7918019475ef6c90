import { IConstruct } from 'constructs';
import { isToken } from '../../core/private/tokens';
import { LimitSpec, LIMITS } from '../../limits';
import { BlueprintStandardsProps } from '../../rules/inputs';
import { reportAtSynth } from '../../rules/private/enforce';
import { InputChecks } from '../../rules/private/inputs';
import { Finding, show } from '../../rules/private/rule';
import { StandardRule } from '../standard-rule';
import { StandardsProps } from '../standards-props';
import { scopeLabel } from './registry';

/**
 * Checks a standard before it is applied to `scope`: values outside Lambda's ranges, an empty name or allow
 * list, a custom rule that is no StandardRule. The problems, all together, are reported at synth under
 * BlueprintStandardsProps at the scope (so that a platform package fails where it is written, not in every
 * app that uses it), and the standard is not applied.
 * @returns whether the standard may be applied
 */
export function checkStandards(scope: IConstruct, props: StandardsProps): boolean {
  const findings = standardsFindings(props, scopeLabel(scope));
  if (findings.length === 0) return true;
  reportAtSynth(scope, BlueprintStandardsProps, () => findings);
  return false;
}

/** The problems of a standard applied at `scope` (a label: `the app`, `Prod`), in the rules' finding form. */
export function standardsFindings(props: StandardsProps, scope: string): Finding[] {
  const p = new InputChecks();
  const limit = (property: string, value: number | undefined, spec: LimitSpec) => p.limit(property, value, spec);
  p.when(typeof props.name !== 'string' || props.name.trim() === '', 'name', show(props.name),
    'a non-empty string', 'every message of the standard\'s rules names it');
  const d = props.defaults ?? {};
  const r = props.rules ?? {};
  limit('defaults.memorySize', d.memorySize, LIMITS.memorySize);
  limit('defaults.timeout', seconds(d.timeout), LIMITS.timeout);
  limit('defaults.reservedConcurrentExecutions', d.reservedConcurrentExecutions, LIMITS.reservedConcurrency);
  limit('rules.maxMemorySize', r.maxMemorySize, LIMITS.memorySize);
  limit('rules.maxTimeout', seconds(r.maxTimeout), LIMITS.timeout);
  limit('rules.maxEphemeralStorageSize', mebibytes(r.maxEphemeralStorageSize), LIMITS.ephemeralStorageSize);
  for (const [key, list] of [['allowedRuntimes', r.allowedRuntimes], ['allowedArchitectures', r.allowedArchitectures]] as const) {
    p.when(list !== undefined && list.length === 0, `rules.${key}`, '[]', 'at least one entry', 'an empty list would refuse every function');
  }
  (r.customRules ?? []).forEach((rule, i) => {
    p.when(!(rule instanceof StandardRule), 'rules.customRules', `${show(rule)} (entry ${i})`, 'a StandardRule subclass', 'the engine calls its check method');
  });
  // Which standard, and where: the message is reported at the scope (the app's path is empty).
  const where = `standard ${show(props.name)} applied at ${scope}`;
  return p.findings.map(f => ({ ...f, reason: `${f.reason} (${where})` }));
}

/** Seconds of a duration (a token: unknown, never judged; one that cannot be converted: NaN, refused). */
function seconds(d: { toSeconds(): number; isUnresolved(): boolean } | undefined): number | undefined {
  if (d === undefined || d.isUnresolved()) return undefined;
  try {
    return d.toSeconds();
  } catch {
    return Number.NaN;
  }
}

/** MiB of a size (a token: unknown, never judged; one that is no whole number of MiB: NaN, refused). */
function mebibytes(s: { toMebibytes(): number; isUnresolved(): boolean } | undefined): number | undefined {
  if (s === undefined || s.isUnresolved()) return undefined;
  try {
    const n = s.toMebibytes();
    return isToken(n) ? undefined : n;
  } catch {
    return Number.NaN;
  }
}
