import { Duration, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { BlueprintFunction, BlueprintFunctionProps } from '../../src';

/** A small BlueprintFunction with inline code (30 s timeout unless overridden). */
export function newFunction(stack: Stack, id = 'Fn', props: Partial<BlueprintFunctionProps> = {}): BlueprintFunction {
  return new BlueprintFunction(stack, id, {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ batchItemFailures: [] });'),
    timeout: Duration.seconds(30),
    ...props,
  });
}
