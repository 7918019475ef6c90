import { Stack, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { Finding, messageOf, Rule, RuleConfig, Severity } from './rule';
import { CfnEntry, TemplateIndex } from './template-index';
import { ConstructState } from '../../core/private/stack-registry';
import { standardsInForce } from '../../core/private/standards-state';
import { DEFAULTS } from '../../limits';

/** Prefix of every rule id: `LambdaBlueprints-LambdaMemorySize`. */
export const RULE_PACK = 'LambdaBlueprints';

/** One finding of one rule on one resource, as both runners report it. */
export interface RuleResult {
  /** Full rule id (`LambdaBlueprints-LambdaTimeout`). */
  readonly id: string;
  readonly severity: Severity;
  /** The message (`Timeout is 3,600 s, allowed is …, because ….`). */
  readonly message: string;
  /** The resource the finding is on. */
  readonly entry: CfnEntry;
  readonly finding: Finding;
  /** The rule that found it. */
  readonly rule: Rule;
}

/** The rule settings recorded on a scope, for every resource under it. */
const CONFIGS = new ConstructState<Partial<RuleConfig>>();

/** Records settings (e.g. a function's account concurrency limit) for every resource under `scope`. */
export function setRuleConfig(scope: IConstruct, config: Partial<Omit<RuleConfig, 'standards'>>): void {
  CONFIGS.set(scope, config);
}

/** The settings in force for a construct: the nearest recorded ones, else `fallback`, else the defaults. */
export function ruleConfigOf(construct: IConstruct, fallback: Partial<RuleConfig> = {}): RuleConfig {
  return { ...defaults(construct), ...fallback, ...CONFIGS.nearest(construct)?.value };
}

function defaults(construct: IConstruct): RuleConfig {
  return { accountConcurrencyLimit: DEFAULTS.accountConcurrencyLimit, standards: standardsInForce(construct) };
}

/** The full id of a rule. */
export function fullId(rule: Rule): string {
  return `${RULE_PACK}-${rule.id}`;
}

/**
 * Runs rules over every resource of a stack's model, once per resource and rule, in construct order:
 * linear in resources.
 */
export function evaluate(index: TemplateIndex, rules: readonly Rule[], fallback: Partial<RuleConfig> = {}): RuleResult[] {
  const byType = new Map<string, Rule[]>();
  for (const rule of rules) {
    for (const type of rule.types) byType.set(type, [...(byType.get(type) ?? []), rule]);
  }
  const out: RuleResult[] = [];
  for (const entry of index.all) {
    const applicable = [...byType.get(entry.type) ?? [], ...byType.get('*') ?? []];
    if (!applicable.length) continue;
    const ctx = { index, config: ruleConfigOf(entry.resource, fallback) };
    for (const rule of applicable) {
      for (const finding of rule.check(entry, ctx)) {
        out.push({ id: finding.id ? `${RULE_PACK}-${finding.id}` : fullId(rule), severity: rule.severity, message: messageOf(finding, entry.type), entry, finding, rule });
      }
    }
  }
  return out;
}

/** The stacks a scope belongs to or contains. */
export function stacksOf(scope: IConstruct): Stack[] {
  const found = scope.node.findAll().filter((c): c is Stack => Stack.isStack(c));
  return found.length ? found : [Stack.of(scope)];
}

/**
 * Whether a rule id is acknowledged on the construct or an ancestor, through
 * `Validations.of(scope).acknowledge({ id, reason })` (what cdk-nag 3 reads too).
 */
export function isAcknowledged(construct: IConstruct, id: string): boolean {
  for (let c: IConstruct | undefined = construct; c; c = c.node.scope) {
    for (const entry of c.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
      if (Object.keys(entry.data).some(k => k.replace(/^annotation::/i, '') === id)) return true;
    }
  }
  return false;
}
