import { Construct, IConstruct } from 'constructs';
import type { BlueprintFunction } from '../../function/blueprint-function';
import type { BlueprintFunctionProps } from '../../function/blueprint-function-props';

/**
 * How deployment hooks create their own BlueprintFunction without importing it (which would close the
 * cycle function → release → deployment → hook → function). `blueprint-function.ts` registers the
 * constructor when it loads; a hook is only ever created by a BlueprintFunction, so it is always set.
 */
let create: ((scope: Construct, id: string, props: BlueprintFunctionProps) => BlueprintFunction) | undefined;

/** Called once by blueprint-function.ts. */
export function registerHookFunction(factory: (scope: Construct, id: string, props: BlueprintFunctionProps) => BlueprintFunction): void {
  create = factory;
}

/** A BlueprintFunction for a deployment hook. */
export function newHookFunction(scope: Construct, id: string, props: BlueprintFunctionProps): BlueprintFunction {
  if (!create) throw new Error(`${scope.node.path}: deployment hooks are created by BlueprintFunction releases only.`);
  (scope as unknown as Record<symbol, boolean>)[HOOK] = true;
  return create(scope, id, props);
}

const HOOK = Symbol.for('cdk-lambda-blueprints.hook-function');

/** Whether a construct is the BlueprintFunction of a deployment hook (it takes no standard release). */
export function isHookFunction(construct: IConstruct): boolean {
  return construct.node.scope !== undefined && (construct.node.scope as unknown as Record<symbol, boolean>)[HOOK] === true;
}
