import { Stack } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';

/** The stack a construct is in, if any (the app, a stage or a construct between them and their stacks has none). */
export function enclosingStack(scope: IConstruct): Stack | undefined {
  for (let c: IConstruct | undefined = scope; c; c = c.node.scope) if (Stack.isStack(c)) return c;
  return undefined;
}

/**
 * Returns the construct with `id` at the root of the scope's stack, creating it once with `create`.
 *
 * Shared pieces (the stack's async DLQ, the alarm topic, the CodeDeploy application, VPC endpoints) are
 * created through here so that several blueprints in one stack share them under stable logical ids.
 */
export function stackSingleton<T extends Construct>(scope: IConstruct, id: string, create: (stack: Stack, id: string) => T): T {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild(id);
  if (existing) return existing as T;
  return create(stack, id);
}

/**
 * Returns the construct with `id` directly under `parent` (e.g. a VPC), creating it once with `create`.
 */
export function childSingleton<T extends Construct>(parent: Construct, id: string, create: (parent: Construct, id: string) => T): T {
  const existing = parent.node.tryFindChild(id);
  if (existing) return existing as T;
  return create(parent, id);
}

/**
 * One kind of per-stack state (never in the template), declared by the module that owns it:
 * `const ALARMS = new StackState<AlarmState>(() => ({ alarms: [] }))`, then `ALARMS.of(scope)`.
 */
export class StackState<T> {
  private readonly byStack = new WeakMap<Stack, T>();

  /** @param init creates the state of a stack, on first use */
  constructor(private readonly init: (stack: Stack) => T) {}

  /** The state of the scope's stack, created on first use. */
  public of(scope: IConstruct): T {
    const stack = Stack.of(scope);
    let state = this.byStack.get(stack);
    if (state === undefined) {
      state = this.init(stack);
      this.byStack.set(stack, state);
    }
    return state;
  }
}

/**
 * One kind of state attached to constructs (never in the template), declared by the module that owns it:
 * `const CONFIGS = new ConstructState<RuleConfig>()`, then `CONFIGS.set(scope, c)` and `CONFIGS.get(c)`.
 * It lives and dies with the construct.
 */
export class ConstructState<T> {
  private readonly byConstruct = new WeakMap<IConstruct, T>();

  /** The state of a construct, if any. */
  public get(construct: IConstruct): T | undefined {
    return this.byConstruct.get(construct);
  }

  /** Whether the construct has state of this kind. */
  public has(construct: IConstruct): boolean {
    return this.byConstruct.has(construct);
  }

  /** Sets the state of a construct. */
  public set(construct: IConstruct, value: T): void {
    this.byConstruct.set(construct, value);
  }

  /** The state of the construct or of its nearest ancestor that has one, with that construct. */
  public nearest(construct: IConstruct): { readonly scope: IConstruct; readonly value: T } | undefined {
    for (let c: IConstruct | undefined = construct; c; c = c.node.scope) {
      if (this.byConstruct.has(c)) return { scope: c, value: this.byConstruct.get(c)! };
    }
    return undefined;
  }
}
