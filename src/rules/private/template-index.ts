import { CfnResource, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { holdLogicalIds, releaseLogicalIds } from './held-ids';
import { CfnEntry, functionsOf, render, ResourceEntry, stackResources } from './template-entries';
import { knownString, referencedIds, refId } from './template-values';

export { renderResource, stackResources } from './template-entries';
export type { CfnEntry, ResourceEntry } from './template-entries';
export { isObject, isTrue, knownNumber, knownString, referencedIds, refId, refIdWithin } from './template-values';

/**
 * Indexes built on demand, one per stack, for a caller that reads resources of several stacks at once
 * (`ConcurrencyBudget`): they live as long as this object.
 */
export class StackIndexes {
  private readonly byStack = new Map<Stack, TemplateIndex>();

  /** The index of the stack of `scope` (built on first use). */
  public of(scope: IConstruct): TemplateIndex {
    const stack = Stack.of(scope);
    let index = this.byStack.get(stack);
    if (!index) this.byStack.set(stack, index = TemplateIndex.build(stack));
    return index;
  }

  /** The rendered entry of one resource. */
  public entryOf(resource: CfnResource): CfnEntry {
    return this.of(resource).entry(resource) ?? render(resource);
  }
}

/**
 * A value derived from a template index, computed once per index (`TemplateIndex.memo`): the key names
 * it and types it. Keys are module constants; the values live and die with the index.
 */
export interface IndexKey<T> {
  readonly name: string;
  /** Never set: carries the type of the value. */
  readonly valueType?: T;
}

/** A memo key of the index (see `TemplateIndex.memo`). */
export function indexKey<T>(name: string): IndexKey<T> {
  return Object.freeze({ name });
}

/**
 * The resources of one template by logical id: what the rules, the report and the dashboard read. Built
 * over a stack (`TemplateIndex`) or over a synthesized template's JSON (the blueprint report).
 */
export class ResourceIndex<E extends ResourceEntry = ResourceEntry> {
  private readonly byId = new Map<string, E>();
  private readonly byType = new Map<string, E[]>();
  private readonly memos = new Map<IndexKey<unknown>, unknown>();

  constructor(entries: Iterable<E>) {
    for (const e of entries) this.byId.set(e.logicalId, e);
  }

  /**
   * The value of `key` for this index: computed by `compute` on first use, then kept with the index (the
   * rules' derived views, e.g. the event graph or each mapping's queue timing, are computed once per run).
   */
  public memo<T>(key: IndexKey<T>, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = compute();
    this.memos.set(key, value);
    return value;
  }

  /** The resource with this logical id. */
  public get(logicalId: string): E | undefined {
    return this.byId.get(logicalId);
  }

  /** Every resource, in template (construct) order. */
  public get all(): E[] {
    return [...this.byId.values()];
  }

  /** Every resource of a type (`AWS::Lambda::Function`). */
  public ofType(type: string): E[] {
    let list = this.byType.get(type);
    if (!list) {
      list = this.all.filter(e => e.type === type);
      this.byType.set(type, list);
    }
    return list;
  }

  /** The resource a `{ Ref }` or `{ Fn::GetAtt }` value points to, if it is in this template. */
  public target(value: unknown): E | undefined {
    const id = refId(value);
    return id === undefined ? undefined : this.byId.get(id);
  }

  /**
   * Whether a function reference (a literal ARN, a parameter…) leads to no function and no resource of this
   * stack: an imported function, whose settings and role are unknown at synth.
   */
  public isImportedFunction(value: unknown): boolean {
    return this.functionOf(value) === undefined && this.target(value) === undefined;
  }

  /**
   * The `AWS::Lambda::Function` a function reference (name, ARN, alias or version) leads to.
   */
  public functionOf(value: unknown): E | undefined {
    const t = this.target(value);
    if (!t) {
      // e.g. `Fn::Join` of `Fn::Select` over an alias ARN (what aws-cdk-lib renders for alias mappings)
      const found = new Set([...referencedIds(value)].filter(id => this.byId.has(id))
        .map(id => this.functionOf({ Ref: id })).filter(f => f !== undefined));
      return found.size === 1 ? [...found][0] : undefined;
    }
    if (t.type === 'AWS::Lambda::Function') return t;
    if (t.type === 'AWS::Lambda::Alias' || t.type === 'AWS::Lambda::Version') return this.functionOf(t.properties.FunctionName);
    return undefined;
  }
}

/**
 * The resources of one stack, rendered once per validation so that rules read only L1 facts and work the
 * same on L2 apps, raw L1 apps and imported templates (`CfnInclude`). Not part of the public API.
 */
export class TemplateIndex extends ResourceIndex<CfnEntry> {
  /** A fresh index of a stack (the rule engine builds one per run, so that every run sees the app as it is). */
  public static build(stack: Stack): TemplateIndex {
    return new TemplateIndex(stack, stackResources(stack).map(render));
  }

  /**
   * Runs `use` over a fresh index of the stack. The logical ids the index computed, which aws-cdk-lib
   * derives again on every resolve (a hash of the path; for `fn.currentVersion` a hash of the function's
   * rendered properties), are held at those values for the rest of this synthesis (see `holdLogicalIds`),
   * so that neither the rules nor the template's synthesis derive them again for each reference.
   */
  public static using<T>(stack: Stack, use: (index: TemplateIndex) => T): T {
    releaseLogicalIds(stack);
    const index = TemplateIndex.build(stack);
    holdLogicalIds(stack, index.byResource.values());
    return use(index);
  }

  /** The stack the index describes. */
  public readonly stack: Stack;

  private readonly byResource: Map<CfnResource, CfnEntry>;
  private names?: Map<string, CfnEntry[]>;

  private constructor(stack: Stack, entries: CfnEntry[]) {
    super(entries);
    this.stack = stack;
    this.byResource = new Map(entries.map(e => [e.resource, e]));
  }

  /** The rendered entry of a resource of this stack. */
  public entry(resource: CfnResource): CfnEntry | undefined {
    return this.byResource.get(resource);
  }

  /**
   * The functions named `name`: in this stack and in the other stacks of the app that deploy to the same
   * known account and region.
   */
  public functionsNamed(name: string): CfnEntry[] {
    if (!this.names) {
      this.names = new Map();
      for (const e of [...this.ofType('AWS::Lambda::Function'), ...this.siblingFunctions()]) {
        const n = knownString(e.properties.FunctionName);
        if (n !== undefined) this.names.set(n, [...(this.names.get(n) ?? []), e]);
      }
    }
    return this.names.get(name) ?? [];
  }

  /** The function resources of other stacks of the app in the same known account and region. */
  private siblingFunctions(): CfnEntry[] {
    const { account, region } = this.stack;
    if (Token.isUnresolved(account) || Token.isUnresolved(region)) return [];
    return this.stack.node.root.node.findAll()
      .filter((c): c is Stack => Stack.isStack(c) && c !== this.stack && c.account === account && c.region === region)
      .flatMap(functionsOf);
  }
}

