import { CfnResource } from 'aws-cdk-lib';
import { NagMessageLevel, NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { LimitSpec } from '../../limits';
import { CfnEntry, TemplateIndex, knownNumber } from '../template-index';

/** Settings a rule may read (from `LambdaBlueprintChecksProps`). */
export interface RuleConfig {
  /** The account concurrency limit of every environment. */
  readonly accountConcurrencyLimit: number;
}

/** One rule of the pack: its id suffix, what the finding says, why the rule exists, and the check. */
export interface BlueprintRule {
  /** Rule id suffix: the finding id is `LambdaBlueprints-<name>`. */
  readonly name: string;
  /** Why the rule was triggered (one sentence). */
  readonly info: string;
  /** Why the rule exists. */
  readonly explanation: string;
  /** Severity. */
  readonly level: NagMessageLevel;
  /** The check: reads only the rendered L1 properties of `entry` and of related resources. */
  check(entry: CfnEntry, index: TemplateIndex, config: RuleConfig): NagRuleResult;
}

/** Runs a rule on a resource. */
export function runRule(rule: BlueprintRule, node: CfnResource, config: RuleConfig): NagRuleResult {
  return rule.check(TemplateIndex.entryOf(node), TemplateIndex.of(node), config);
}

export const COMPLIANT = NagRuleCompliance.COMPLIANT;
export const NON_COMPLIANT = NagRuleCompliance.NON_COMPLIANT;
export const NOT_APPLICABLE = NagRuleCompliance.NOT_APPLICABLE;

/**
 * Judges an optional numeric property against a limit of the table: unset → `whenUnset`, token or
 * intrinsic → not applicable (never guessed), else compliant when whole (if required) and in range.
 */
export function judgeLimit(value: unknown, limit: LimitSpec, whenUnset: NagRuleResult = COMPLIANT): NagRuleResult {
  if (value === undefined) return whenUnset;
  const n = knownNumber(value);
  if (n === undefined) return NOT_APPLICABLE;
  const ok = n >= limit.min && n <= limit.max && (!limit.integer || Number.isInteger(n));
  return ok ? COMPLIANT : NON_COMPLIANT;
}

/** `min–max unit` of a limit for rule texts. */
export function range(limit: LimitSpec): string {
  return `${limit.min.toLocaleString('en-US')}–${limit.max.toLocaleString('en-US')} ${limit.unit}`;
}

export const FUNCTION = 'AWS::Lambda::Function';
export const MAPPING = 'AWS::Lambda::EventSourceMapping';
export const ALIAS = 'AWS::Lambda::Alias';
