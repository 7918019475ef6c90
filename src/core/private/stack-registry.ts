import { Stack } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';

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

const STATE = Symbol.for('cdk-lambda-blueprints.stack-state');

/** Per-stack state kept on the stack object (never in the template). */
export function stackState<T extends object>(scope: IConstruct, key: string, init: () => T): T {
  const stack = Stack.of(scope) as unknown as Record<symbol, Record<string, object>>;
  const all = (stack[STATE] ??= {});
  return (all[key] ??= init()) as T;
}
