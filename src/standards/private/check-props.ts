import { within } from '../../core/private/within';
import { LimitSpec, LIMITS } from '../../limits';
import { allowedRange, show } from '../../rules/private/rule';
import { StandardRule } from '../standard-rule';
import { StandardsProps } from '../standards-props';

/**
 * Refuses a standard whose values are outside Lambda's ranges (all problems together), so that a platform
 * package fails where it is written, not in every app that uses it.
 */
export function checkStandards(props: StandardsProps, scope: string): void {
  const problems: string[] = [];
  const limit = (property: string, value: number | undefined, spec: LimitSpec) => {
    if (within(value, spec)) return;
    problems.push(`${property} is ${show(value, spec.unit)}, allowed is ${allowedRange(spec)}, because ${spec.reason}.`);
  };
  if (typeof props.name !== 'string' || props.name.trim() === '') {
    problems.push(`name is ${show(props.name)}, allowed is a non-empty string, because every message of the standard's rules names it.`);
  }
  const d = props.defaults ?? {};
  const r = props.rules ?? {};
  limit('defaults.memorySize', d.memorySize, LIMITS.memorySize);
  limit('defaults.timeout', seconds(d.timeout), LIMITS.timeout);
  limit('defaults.reservedConcurrentExecutions', d.reservedConcurrentExecutions, LIMITS.reservedConcurrency);
  limit('rules.maxMemorySize', r.maxMemorySize, LIMITS.memorySize);
  limit('rules.maxTimeout', seconds(r.maxTimeout), LIMITS.timeout);
  limit('rules.maxEphemeralStorageSize', r.maxEphemeralStorageSize?.toMebibytes(), LIMITS.ephemeralStorageSize);
  for (const [key, list] of [['allowedRuntimes', r.allowedRuntimes], ['allowedArchitectures', r.allowedArchitectures]] as const) {
    if (list !== undefined && list.length === 0) problems.push(`rules.${key} is [], allowed is at least one entry, because an empty list would refuse every function.`);
  }
  (r.customRules ?? []).forEach((rule, i) => {
    if (!(rule instanceof StandardRule)) problems.push(`rules.customRules[${i}] is ${show(rule)}, allowed is a StandardRule subclass, because the engine calls its check method.`);
  });
  if (problems.length) {
    throw new Error(`BlueprintStandards at ${scope}: standard ${JSON.stringify(props.name)} is refused:\n  ${problems.join('\n  ')}`);
  }
}

function seconds(d: { toSeconds(): number } | undefined): number | undefined {
  if (d === undefined) return undefined;
  try {
    return d.toSeconds();
  } catch {
    return Number.NaN;
  }
}
