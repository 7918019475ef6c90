import { AppliedStandard, standardLabel } from '../../standards/private/registry';
import { StandardRules } from '../../standards/standards-props';
import { Finding, RuleContext } from '../private/rule';

/** A rule setting of one standard. */
export interface Setting<K extends keyof StandardRules> {
  readonly standard: AppliedStandard;
  readonly value: NonNullable<StandardRules[K]>;
}

/** The standards in force for the resource that set rule `key`. */
export function setting<K extends keyof StandardRules>(ctx: RuleContext, key: K): Array<Setting<K>> {
  const out: Array<Setting<K>> = [];
  for (const standard of ctx.config.standards) {
    const value = standard.rules[key];
    if (value !== undefined && value !== null && value !== false) out.push({ standard, value: value as NonNullable<StandardRules[K]> });
  }
  return out;
}

/** A finding of a standard's rule: the reason names the standard and the scope that set it. */
export function standardFinding(standard: AppliedStandard, property: string, value: string, allowed: string, why: string): Finding {
  return { property, value, allowed, reason: `${why} (${standardLabel(standard)})` };
}
