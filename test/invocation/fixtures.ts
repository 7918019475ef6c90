import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { BlueprintFunction, BlueprintFunctionProps } from '../../src';

/** A small Node.js BlueprintFunction for the invocation tests. */
export function newFunction(scope: Construct | Stack, id = 'Fn', props: Partial<BlueprintFunctionProps> = {}): BlueprintFunction {
  return new BlueprintFunction(scope, id, {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ ok: true });'),
    ...props,
  });
}
