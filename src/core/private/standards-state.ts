import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { IConstruct } from 'constructs';

/**
 * The defaults of a standard that core's constructs read (BlueprintAlarms' topic, DurableQueue's key). The
 * public `StandardDefaults` (standards/) has them with these types: `recordStandard` checks so when it compiles.
 */
export interface CoreDefaults {
  readonly alarmTopic?: sns.ITopic;
  readonly queueEncryptionKey?: kms.IKey;
}

/**
 * One standard applied to one scope, kept below standards/ so that core and the rules read which standards
 * are in force without importing standards/. Its defaults are the public `StandardDefaults` and its rules
 * the rules' settings (`RuleSettings`) standards/ made of the public `StandardRules`: each reader reads them
 * through its own typed accessor (`defaultOf` here, the rules' `setting`).
 */
export interface AppliedStandard {
  /** The standard's name. */
  readonly name: string;
  /** The scope it was applied to. */
  readonly scope: IConstruct;
  readonly defaults: CoreDefaults;
  readonly rules: object;
}

/** The standards applied to each scope, in the order applied. */
const STANDARDS = new WeakMap<IConstruct, AppliedStandard[]>();

/** Records a standard on a scope (several per scope: a later one wins for defaults, all rules count). */
export function recordStandard(scope: IConstruct, name: string, defaults: CoreDefaults, rules: object): AppliedStandard {
  const applied: AppliedStandard = { name, scope, defaults, rules };
  const list = STANDARDS.get(scope) ?? [];
  STANDARDS.set(scope, list);
  list.push(applied);
  return applied;
}

/** The standards applied to exactly this scope, in the order applied. */
export function standardsAt(scope: IConstruct): AppliedStandard[] {
  return [...STANDARDS.get(scope) ?? []];
}

/** Every standard in force for a construct, outermost scope first (nearest and latest last). */
export function standardsInForce(construct: IConstruct): AppliedStandard[] {
  const out: AppliedStandard[] = [];
  for (let c: IConstruct | undefined = construct; c; c = c.node.scope) out.unshift(...standardsAt(c));
  return out;
}

/** How messages name a scope: its path, or `the app` for the root. */
export function scopeLabel(scope: IConstruct): string {
  return scope.node.path === '' ? 'the app' : scope.node.path;
}

/** How messages and reports name a standard: `standard "acme-prod" set at Prod`. */
export function standardLabel(s: AppliedStandard): string {
  return `standard ${JSON.stringify(s.name)} set at ${scopeLabel(s.scope)}`;
}

/** The nearest standard's default named `key` for a construct (any key of `StandardDefaults`), with the standard that set it. */
export function nearestDefault(construct: IConstruct, key: string): { value: unknown; standard: AppliedStandard } | undefined {
  const all = standardsInForce(construct);
  for (let i = all.length - 1; i >= 0; i--) {
    const value = (all[i].defaults as Record<string, unknown>)[key];
    if (value !== undefined) return { value, standard: all[i] };
  }
  return undefined;
}

/** The nearest standard's default of `key` for a construct of core, with the standard that set it. */
export function defaultOf<K extends keyof CoreDefaults>(construct: IConstruct, key: K):
{ value: NonNullable<CoreDefaults[K]>; standard: AppliedStandard } | undefined {
  return nearestDefault(construct, key) as { value: NonNullable<CoreDefaults[K]>; standard: AppliedStandard } | undefined;
}
