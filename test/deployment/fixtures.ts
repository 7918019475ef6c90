import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { BlueprintFunction, BlueprintFunctionProps } from '../../src';

/** A small inline Node.js handler. */
export const HANDLER = 'exports.handler = async () => ({ statusCode: 200, body: "ok" });';

/** A BlueprintFunction with inline code and the given overrides. */
export function releasedFunction(stack: Stack, props: Partial<BlueprintFunctionProps> = {}, id = 'Fn'): BlueprintFunction {
  return new BlueprintFunction(stack, id, {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline(HANDLER),
    deployment: {},
    ...props,
  });
}
