import { Duration, Stack } from 'aws-cdk-lib';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { BlueprintFunction, BlueprintFunctionProps } from '../../src';
import { KinesisSource } from '../../src/sources';
import { BlueprintEventSourceOptions } from '../../src/sources/options';
import { newStack, synthErrors } from '../helpers';

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

/** An encrypted provisioned stream. */
export function newStream(stack: Stack, id = 'Stream', shardCount = 2): kinesis.Stream {
  return new kinesis.Stream(stack, id, { shardCount, encryption: kinesis.StreamEncryption.MANAGED });
}

/** The synth errors of a Kinesis source with `options` (starting position TRIM_HORIZON unless given). */
export function kinesisErrors(options: BlueprintEventSourceOptions, stack: Stack = newStack()): string[] {
  const fn = newFunction(stack);
  fn.addEventSource(new KinesisSource(newStream(stack), { startingPosition: lambda.StartingPosition.TRIM_HORIZON, ...options }));
  return synthErrors(stack);
}

/** The path prefix of messages about the Kinesis source of `kinesisErrors`. */
export const KINESIS_PATH = 'Test/Fn/Function/KinesisSourceTestStream';
