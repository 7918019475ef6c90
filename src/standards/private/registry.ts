import { IConstruct } from 'constructs';
import { StandardDefaults, StandardRules, StandardsProps } from '../standards-props';

/** One standard applied to one scope. */
export interface AppliedStandard {
  /** The standard's name. */
  readonly name: string;
  /** The scope it was applied to. */
  readonly scope: IConstruct;
  readonly defaults: StandardDefaults;
  readonly rules: StandardRules;
}

/** Where a value came from: `prop`, `standard "acme" at Prod`, or `library default`. */
export interface Provenance<T> {
  readonly value: T;
  readonly source: string;
}

/** The standards applied to each scope, in the order applied. */
const STANDARDS = new WeakMap<IConstruct, AppliedStandard[]>();

/** Records a standard on a scope (several per scope: a later one wins for defaults, all rules count). */
export function addStandard(scope: IConstruct, props: StandardsProps): AppliedStandard {
  const applied: AppliedStandard = { name: props.name, scope, defaults: props.defaults ?? {}, rules: props.rules ?? {} };
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

/** The nearest standard's default of `key` for a construct, with the standard that set it. */
export function defaultOf<K extends keyof StandardDefaults>(construct: IConstruct, key: K):
{ value: NonNullable<StandardDefaults[K]>; standard: AppliedStandard } | undefined {
  const all = standardsInForce(construct);
  for (let i = all.length - 1; i >= 0; i--) {
    const value = all[i].defaults[key];
    if (value !== undefined) return { value: value as NonNullable<StandardDefaults[K]>, standard: all[i] };
  }
  return undefined;
}

/**
 * A value with its provenance: the prop when given, else the nearest standard's default, else the library
 * default (which may be undefined: nothing set).
 */
export function resolve<K extends keyof StandardDefaults, T>(construct: IConstruct, key: K, prop: T | undefined,
  library: T | undefined, fromDefault: (v: NonNullable<StandardDefaults[K]>) => T = v => v as unknown as T): Provenance<T | undefined> {
  if (prop !== undefined) return { value: prop, source: 'prop' };
  const d = defaultOf(construct, key);
  if (d) return { value: fromDefault(d.value), source: standardLabel(d.standard) };
  return { value: library, source: 'library default' };
}
