import * as lambda from 'aws-cdk-lib/aws-lambda';

/**
 * What a trigger must name for `fn`: a BlueprintFunction's `invokeTarget` (its alias once released), or
 * the function itself. Used where aws-cdk-lib inspects the concrete class (function URLs, permissions of
 * aliases), so that a BlueprintFunction and the alias it delegates to synthesize the same resources.
 */
export function invokeTargetOf(fn: lambda.IFunction): lambda.IFunction {
  const target = (fn as { invokeTarget?: unknown }).invokeTarget;
  return typeof target === 'object' && target !== null && 'functionArn' in target ? target as lambda.IFunction : fn;
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
