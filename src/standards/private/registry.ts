import { IConstruct } from 'constructs';
import * as state from '../../core/private/standards-state';
import { RuleSettings } from '../../rules/standards/helpers';
import { RuleResource } from '../standard-rule';
import { StandardDefaults, StandardRules, StandardsProps } from '../standards-props';

export { scopeLabel, standardLabel } from '../../core/private/standards-state';

/**
 * One standard applied to one scope, as standards/ reads it: the state kept below (core/private/standards-state.ts,
 * which core and the rules read) with its defaults typed as the public `StandardDefaults`.
 */
export interface AppliedStandard extends state.AppliedStandard {
  readonly defaults: StandardDefaults;
}

/** Where a value came from: `prop`, `standard "acme" at Prod`, or `library default`. */
export interface Provenance<T> {
  readonly value: T;
  readonly source: string;
}

/** The rules' settings of a standard: its `StandardRules`, each custom rule run on a `RuleResource` of the entry. */
function ruleSettings(rules: StandardRules): RuleSettings {
  return {
    ...rules,
    customRules: rules.customRules?.map(rule => ({
      id: rule.id,
      get resourceTypes() { return rule.resourceTypes; },
      check: e => rule.check(new RuleResource(e.type, e.path, e.logicalId, e.properties)),
    })),
  };
}

/** Records a standard on a scope (several per scope: a later one wins for defaults, all rules count). */
export function addStandard(scope: IConstruct, props: StandardsProps): AppliedStandard {
  const defaults: StandardDefaults = props.defaults ?? {};
  return state.recordStandard(scope, props.name, defaults, ruleSettings(props.rules ?? {})) as AppliedStandard;
}

/** The standards applied to exactly this scope, in the order applied. */
export function standardsAt(scope: IConstruct): AppliedStandard[] {
  return state.standardsAt(scope) as AppliedStandard[];
}

/** Every standard in force for a construct, outermost scope first (nearest and latest last). */
export function standardsInForce(construct: IConstruct): AppliedStandard[] {
  return state.standardsInForce(construct) as AppliedStandard[];
}

/** The nearest standard's default of `key` for a construct, with the standard that set it. */
export function defaultOf<K extends keyof StandardDefaults>(construct: IConstruct, key: K):
{ value: NonNullable<StandardDefaults[K]>; standard: AppliedStandard } | undefined {
  return state.nearestDefault(construct, key) as { value: NonNullable<StandardDefaults[K]>; standard: AppliedStandard } | undefined;
}

/**
 * A value with its provenance: the prop when given, else the nearest standard's default, else the library
 * default (which may be undefined: nothing set).
 */
export function resolve<K extends keyof StandardDefaults, T>(construct: IConstruct, key: K, prop: T | undefined,
  library: T | undefined, fromDefault: (v: NonNullable<StandardDefaults[K]>) => T = v => v as unknown as T): Provenance<T | undefined> {
  if (prop !== undefined) return { value: prop, source: 'prop' };
  const d = defaultOf(construct, key);
  if (d) return { value: fromDefault(d.value), source: state.standardLabel(d.standard) };
  return { value: library, source: 'library default' };
}

/** The template metadata key under which a function records the standards in force and where each setting came from. */
export const PROVENANCE_METADATA = 'cdk_lambda_blueprints_standards';
