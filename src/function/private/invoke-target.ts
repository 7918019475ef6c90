import * as lambda from 'aws-cdk-lib/aws-lambda';

/**
 * What a trigger must name for `fn`: a BlueprintFunction's `invokeTarget` (its alias once released; a
 * durable BlueprintFunction is always released), a durable `lambda.Function` of the app's current
 * version (a durable execution must stay on one version of the code), or the function itself. Used where
 * aws-cdk-lib inspects the concrete class (function URLs, permissions of aliases), so that a
 * BlueprintFunction and the alias it delegates to synthesize the same resources.
 *
 * @param versionAllowed false where Lambda takes only a function or an alias (function URLs): a durable
 * `lambda.Function` then stays unqualified, and the rule LambdaDurableUnqualified says to release it
 */
export function invokeTargetOf(fn: lambda.IFunction, versionAllowed = true): lambda.IFunction {
  const target = (fn as { invokeTarget?: unknown }).invokeTarget;
  if (typeof target === 'object' && target !== null && 'functionArn' in target) return target as lambda.IFunction;
  if (versionAllowed && fn instanceof lambda.Function && isDurable(fn)) return fn.currentVersion;
  return fn;
}

/** Whether a function of the app is durable (its template resource has a `DurableConfig`). */
function isDurable(fn: lambda.Function): boolean {
  const cfn = fn.node.defaultChild;
  return cfn instanceof lambda.CfnFunction && cfn.durableConfig !== undefined;
}

/** The `lambda.Function` behind a BlueprintFunction, function, alias or version, when it is in this app. */
export function underlyingLambda(fn: lambda.IFunction): lambda.Function | undefined {
  let current: unknown = fn;
  for (let depth = 0; depth < 4 && current; depth++) {
    if (current instanceof lambda.Function) return current;
    const c = current as { function?: unknown; lambda?: unknown };
    current = c.function instanceof lambda.Function ? c.function : c.lambda;
  }
  return undefined;
}
