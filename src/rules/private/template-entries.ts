/*
 * The entries of the rules' template model: one resource of a stack as CloudFormation will see it, its body
 * rendered when a rule first reads it.
 */
import { CfnResource, Stack } from 'aws-cdk-lib';
import { logicalIdOf, untilSynthesisEnds } from './held-ids';
import { isObject } from './template-values';
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

/** The construct path of an entry of a stack, else (an entry of a template's JSON) its logical id. */
export function pathOf(e: ResourceEntry): string {
  const path = (e as Partial<CfnEntry>).path;
  return typeof path === 'string' ? path : e.logicalId;
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
export function functionsOf(stack: Stack): CfnEntry[] {
  const state = RENDERED_FUNCTIONS.of(stack);
  if (!state.functions) {
    const rendered = stackResources(stack).filter(c => c.cfnResourceType === 'AWS::Lambda::Function').map(render);
    state.functions = rendered;
    untilSynthesisEnds(stack, () => { if (state.functions === rendered) state.functions = undefined; });
  }
  return state.functions;
}

/** A resource's entry, its body rendered when first read. */
export function render(resource: CfnResource): CfnEntry {
  return new LazyEntry(resource);
}
