import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct, IConstruct } from 'constructs';
import { ConstructState } from '../../core/private/stack-registry';

/** What the function of a deployment hook (the smoke test's) is made of. */
export interface HookFunctionProps {
  readonly runtime: lambda.Runtime;
  readonly handler: string;
  readonly code: lambda.Code;
  readonly memorySize: number;
  readonly timeout: Duration;
  readonly description: string;
  readonly environment: { [key: string]: string };
}

/** Creates the function of a deployment hook as `scope/id`. */
export type HookFunctionFactory = (scope: Construct, id: string, props: HookFunctionProps) => lambda.IFunction;

/** The factories the function layer provides, by the construct that provides them (a `BlueprintFunction`). */
const FACTORIES = new ConstructState<HookFunctionFactory>();
/** The scopes a hook function is created in (a `SmokeTestHook`). */
const HOOK_SCOPES = new WeakSet<IConstruct>();

/**
 * Injects how the deployments of `provider` and of everything below it create their hook functions: a
 * `BlueprintFunction` passes one that creates a `BlueprintFunction`, so that deployment never imports the
 * function layer.
 */
export function provideHookFunctions(provider: IConstruct, factory: HookFunctionFactory): void {
  FACTORIES.set(provider, factory);
}

/**
 * The function of a deployment hook, created as `scope/id` by the factory of the nearest provider above
 * `scope`, else above the alias under deployment (an `AliasDeployment` outside the released function), else a
 * plain `lambda.Function`.
 */
export function newHookFunction(scope: Construct, id: string, alias: IConstruct, props: HookFunctionProps): lambda.IFunction {
  HOOK_SCOPES.add(scope);
  const factory = nearestFactory(scope) ?? nearestFactory(alias);
  return factory ? factory(scope, id, props) : new lambda.Function(scope, id, props);
}

function nearestFactory(construct: IConstruct): HookFunctionFactory | undefined {
  return FACTORIES.nearest(construct)?.value;
}

/** Whether a construct is the function of a deployment hook (it takes no standard release). */
export function isHookFunction(construct: IConstruct): boolean {
  return construct.node.scope !== undefined && HOOK_SCOPES.has(construct.node.scope);
}
