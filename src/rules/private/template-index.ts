import { CfnResource, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { holdLogicalIds, logicalIdOf, releaseLogicalIds, untilSynthesisEnds } from './held-ids';
import { StackState } from '../../core/private/stack-registry';

/** Per-stack state of this module (see StackState). */
const RENDERED_FUNCTIONS = new StackState<{ functions?: CfnEntry[] }>(() => ({}));

/** One resource's template body (`Type`, `Properties`, `Metadata`…), overrides included, resolved. */
export function renderResource(resource: CfnResource): Record<string, any> {
  const rendered = Stack.of(resource).resolve((resource as any)._toCloudFormation()) as { Resources?: Record<string, any> };
  return Object.values(rendered.Resources ?? {})[0] ?? {};
}

/** The resources of a stack's own template, in construct order (not those of its nested stacks). */
export function stackResources(stack: Stack): CfnResource[] {
  return stack.node.findAll().filter((c): c is CfnResource => CfnResource.isCfnResource(c) && Stack.of(c) === stack);
}

/** One resource of a template: its type and resolved body, overrides included. */
export interface ResourceEntry {
  readonly logicalId: string;
  readonly type: string;
  readonly properties: Record<string, any>;
  readonly updatePolicy?: Record<string, any>;
  /** The resource's template `Metadata` section (e.g. the Lambda@Edge mark of BlueprintEdgeFunction). */
  readonly metadata?: Record<string, any>;
}

/** One resource of a stack as CloudFormation will see it, with the construct that renders it. */
export interface CfnEntry extends ResourceEntry {
  readonly resource: CfnResource;
  /** The construct path of the resource (`App/Stack/Fn/Function/Resource`). */
  readonly path: string;
}

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

/** The logical id a `{ Ref: id }` or `{ 'Fn::GetAtt': [id, attr] }` (or `'id.attr'`) names. */
export function refId(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  if (typeof value.Ref === 'string') return value.Ref;
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  if (typeof getAtt === 'string') return getAtt.split('.')[0];
  return undefined;
}

/** Every logical id referenced anywhere inside `value` (`Ref`, `Fn::GetAtt`, `Fn::Sub` `${id}`). */
export function referencedIds(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    value.forEach(v => referencedIds(v, out));
  } else if (isObject(value)) {
    const id = refId(value);
    if (id !== undefined) out.add(id);
    const sub = value['Fn::Sub'];
    const template = Array.isArray(sub) ? sub[0] : sub;
    if (typeof template === 'string') {
      for (const m of template.matchAll(/\$\{([A-Za-z0-9]+)(\.[A-Za-z]+)?\}/g)) out.add(m[1]);
    }
    Object.values(value).forEach(v => referencedIds(v, out));
  }
  return out;
}

/** A plain number known at synth (not a token, not an intrinsic), else undefined. */
export function knownNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && !Token.isUnresolved(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return undefined;
}

/** A plain string known at synth, else undefined. */
export function knownString(value: unknown): string | undefined {
  return typeof value === 'string' && !Token.isUnresolved(value) ? value : undefined;
}

/** Whether a value is a known `true` (CloudFormation also accepts the string `"true"`). */
export function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

/** Whether a value is a JSON object (not an array). */
export function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A resource whose body is rendered (`_toCloudFormation()` + resolve, overrides included) only when a
 * rule first reads it: most resources of a stack (alarms, log groups, VPC parts) are never rendered twice.
 */
class LazyEntry implements CfnEntry {
  public readonly logicalId: string;
  public readonly type: string;
  public readonly path: string;
  private body?: Record<string, any>;

  constructor(public readonly resource: CfnResource) {
    this.logicalId = logicalIdOf(resource);
    this.type = resource.cfnResourceType;
    this.path = resource.node.path;
  }

  public get properties(): Record<string, any> {
    const props = this.rendered().Properties;
    return isObject(props) ? props : {};
  }

  public get updatePolicy(): Record<string, any> | undefined {
    const policy = this.rendered().UpdatePolicy;
    return isObject(policy) ? policy : undefined;
  }

  public get metadata(): Record<string, any> | undefined {
    const metadata = this.rendered().Metadata;
    return isObject(metadata) ? metadata : undefined;
  }

  private rendered(): Record<string, any> {
    if (!this.body) this.body = renderResource(this.resource);
    return this.body!;
  }
}


/**
 * The `AWS::Lambda::Function` resources of a stack, rendered once per synthesis for the other stacks'
 * rules (function names are unique per account and region), so that an app of S stacks renders each
 * function once for them, not S − 1 times.
 */
function functionsOf(stack: Stack): CfnEntry[] {
  const state = RENDERED_FUNCTIONS.of(stack);
  if (!state.functions) {
    const rendered = stackResources(stack).filter(c => c.cfnResourceType === 'AWS::Lambda::Function').map(render);
    state.functions = rendered;
    untilSynthesisEnds(stack, () => { if (state.functions === rendered) state.functions = undefined; });
  }
  return state.functions;
}

function render(resource: CfnResource): CfnEntry {
  return new LazyEntry(resource);
}
