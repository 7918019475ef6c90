import { CfnParameter, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { newStack } from '../../helpers';
import { blueprintFindings } from '../../nag/nag-helpers';

/** A plain L1 function with the given extra properties. */
function l1(stack: Stack, props: Partial<lambda.CfnFunctionProps> = {}, id = 'Fn'): lambda.CfnFunction {
  return new lambda.CfnFunction(stack, id, {
    role: 'arn:aws:iam::123456789012:role/r',
    runtime: 'nodejs22.x',
    handler: 'index.handler',
    code: { s3Bucket: 'b', s3Key: 'k.zip' },
    ...props,
  });
}

function findings(stack: Stack, rule: string): string[] {
  return blueprintFindings(stack, rule);
}

const num = (stack: Stack) => new CfnParameter(stack, 'P', { type: 'Number' }).valueAsNumber;

describe('LambdaMemorySize', () => {
  test.each([128, 1_024, 10_240, undefined])('Compliance: %s MB', (memorySize) => {
    const stack = newStack();
    l1(stack, { memorySize });
    expect(findings(stack, 'LambdaMemorySize')).toEqual([]);
  });
  test.each([127, 10_241, 512.5, 0])('Noncompliance: %s MB', (memorySize) => {
    const stack = newStack();
    l1(stack, { memorySize });
    expect(findings(stack, 'LambdaMemorySize')).toEqual(['LambdaBlueprints-LambdaMemorySize @ Test/Fn']);
  });
  test('Compliance: a token is not judged', () => {
    const stack = newStack();
    l1(stack, { memorySize: num(stack) });
    expect(findings(stack, 'LambdaMemorySize')).toEqual([]);
  });
  test('Noncompliance: a property override is what CloudFormation sees', () => {
    const stack = newStack();
    l1(stack, { memorySize: 1_024 }).addPropertyOverride('MemorySize', 20_000);
    expect(findings(stack, 'LambdaMemorySize')).toHaveLength(1);
  });
  test('Noncompliance: an L2 function with an escape-hatch value', () => {
    const stack = newStack();
    const fn = new lambda.Function(stack, 'L2', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.h', code: lambda.Code.fromInline('x') });
    (fn.node.defaultChild as lambda.CfnFunction).memorySize = 64;
    expect(findings(stack, 'LambdaMemorySize')).toEqual(['LambdaBlueprints-LambdaMemorySize @ Test/L2/Resource']);
  });
});

describe('LambdaTimeout', () => {
  test.each([1, 900, undefined])('Compliance: %s s', (timeout) => {
    const stack = newStack();
    l1(stack, { timeout });
    expect(findings(stack, 'LambdaTimeout')).toEqual([]);
  });
  test.each([0, 901, 1.5])('Noncompliance: %s s', (timeout) => {
    const stack = newStack();
    l1(stack, { timeout });
    expect(findings(stack, 'LambdaTimeout')).toEqual(['LambdaBlueprints-LambdaTimeout @ Test/Fn']);
  });
  test('Compliance: a token is not judged', () => {
    const stack = newStack();
    l1(stack, { timeout: num(stack) });
    expect(findings(stack, 'LambdaTimeout')).toEqual([]);
  });
});

describe('LambdaEphemeralStorage', () => {
  test.each([512, 10_240])('Compliance: %s MB', (size) => {
    const stack = newStack();
    l1(stack, { ephemeralStorage: { size } });
    expect(findings(stack, 'LambdaEphemeralStorage')).toEqual([]);
  });
  test('Compliance: unset or a token', () => {
    const stack = newStack();
    l1(stack, {});
    l1(stack, { ephemeralStorage: { size: num(stack) } }, 'Fn2');
    expect(findings(stack, 'LambdaEphemeralStorage')).toEqual([]);
  });
  test.each([511, 10_241, 600.5])('Noncompliance: %s MB', (size) => {
    const stack = newStack();
    l1(stack, { ephemeralStorage: { size } });
    expect(findings(stack, 'LambdaEphemeralStorage')).toEqual(['LambdaBlueprints-LambdaEphemeralStorage @ Test/Fn']);
  });
});

describe('LambdaEnvironment', () => {
  test('Compliance: exactly 4,096 bytes of keys and values, valid keys', () => {
    const stack = newStack();
    l1(stack, { environment: { variables: { STAGE: 'prod', BIG: 'x'.repeat(4_096 - 'STAGE'.length - 'prod'.length - 'BIG'.length) } } });
    expect(findings(stack, 'LambdaEnvironment')).toEqual([]);
  });
  test('Compliance: no environment, or values that are tokens', () => {
    const stack = newStack();
    l1(stack, {});
    l1(stack, { environment: {} }, 'Fn2');
    l1(stack, { environment: { variables: { TABLE: new CfnParameter(stack, 'S', { type: 'String' }).valueAsString } } }, 'Fn3');
    expect(findings(stack, 'LambdaEnvironment')).toEqual([]);
  });
  test('Noncompliance: 4,097 bytes (multi-byte characters count as bytes)', () => {
    const stack = newStack();
    l1(stack, { environment: { variables: { AA: 'é'.repeat(2_048) } } });
    expect(findings(stack, 'LambdaEnvironment')).toEqual(['LambdaBlueprints-LambdaEnvironment @ Test/Fn']);
  });
  test('Noncompliance: known bytes already above the limit next to a token', () => {
    const stack = newStack();
    l1(stack, { environment: { variables: { AA: 'x'.repeat(5_000), BB: new CfnParameter(stack, 'S', { type: 'String' }).valueAsString } } });
    expect(findings(stack, 'LambdaEnvironment')).toHaveLength(1);
  });
  test.each(['AWS_REGION', 'AWS_LAMBDA_CUSTOM', '_HANDLER', 'LAMBDA_TASK_ROOT', '1ST', 'MY-KEY', 'V'])('Noncompliance: key %s', (key) => {
    const stack = newStack();
    l1(stack, { environment: { variables: { [key]: 'v' } } });
    expect(findings(stack, 'LambdaEnvironment')).toHaveLength(1);
  });
});

describe('LambdaInlineCode', () => {
  test.each(['nodejs22.x', 'python3.13'])('Compliance: inline code on %s', (runtime) => {
    const stack = newStack();
    l1(stack, { runtime, code: { zipFile: 'x' } });
    expect(findings(stack, 'LambdaInlineCode')).toEqual([]);
  });
  test('Compliance: assets on any runtime, and a token runtime', () => {
    const stack = newStack();
    l1(stack, { runtime: 'java21' });
    l1(stack, { runtime: new CfnParameter(stack, 'R', { type: 'String' }).valueAsString, code: { zipFile: 'x' } }, 'Fn2');
    expect(findings(stack, 'LambdaInlineCode')).toEqual([]);
  });
  test.each(['java21', 'provided.al2023', 'ruby3.3', undefined])('Noncompliance: inline code on %s', (runtime) => {
    const stack = newStack();
    l1(stack, { runtime, code: { zipFile: 'x' } });
    expect(findings(stack, 'LambdaInlineCode')).toEqual(['LambdaBlueprints-LambdaInlineCode @ Test/Fn']);
  });
});

describe('LambdaLayers', () => {
  const layers = (n: number) => Array.from({ length: n }, (_, i) => `arn:aws:lambda:us-east-1:123456789012:layer:l${i}:1`);
  test.each([0, 5])('Compliance: %s layers', (n) => {
    const stack = newStack();
    l1(stack, { layers: layers(n) });
    expect(findings(stack, 'LambdaLayers')).toEqual([]);
  });
  test('Compliance: unset or a token list', () => {
    const stack = newStack();
    l1(stack, {});
    l1(stack, { layers: new CfnParameter(stack, 'L', { type: 'CommaDelimitedList' }).valueAsList }, 'Fn2');
    expect(findings(stack, 'LambdaLayers')).toEqual([]);
  });
  test('Noncompliance: 6 layers', () => {
    const stack = newStack();
    l1(stack, { layers: layers(6) });
    expect(findings(stack, 'LambdaLayers')).toEqual(['LambdaBlueprints-LambdaLayers @ Test/Fn']);
  });
});

describe('LambdaReservedConcurrency', () => {
  test.each([0, 900, undefined])('Compliance: %s reserved', (reservedConcurrentExecutions) => {
    const stack = newStack();
    l1(stack, { reservedConcurrentExecutions });
    expect(findings(stack, 'LambdaReservedConcurrency')).toEqual([]);
  });
  test('Compliance: a token', () => {
    const stack = newStack();
    l1(stack, { reservedConcurrentExecutions: num(stack) });
    expect(findings(stack, 'LambdaReservedConcurrency')).toEqual([]);
  });
  test.each([901, -1, 2.5])('Noncompliance: %s reserved', (reservedConcurrentExecutions) => {
    const stack = newStack();
    l1(stack, { reservedConcurrentExecutions });
    expect(findings(stack, 'LambdaReservedConcurrency')).toEqual(['LambdaBlueprints-LambdaReservedConcurrency @ Test/Fn']);
  });
  test('a raised account limit raises the ceiling', () => {
    const stack = newStack();
    l1(stack, { reservedConcurrentExecutions: 4_900 });
    l1(stack, { reservedConcurrentExecutions: 4_901 }, 'Fn2');
    expect(blueprintFindings(stack, 'LambdaReservedConcurrency', { accountConcurrencyLimit: 5_000 }))
      .toEqual(['LambdaBlueprints-LambdaReservedConcurrency @ Test/Fn2']);
  });
});

describe('LambdaProvisionedOnLatest', () => {
  function alias(stack: Stack, functionVersion: string, provisioned: boolean): void {
    l1(stack);
    new lambda.CfnAlias(stack, 'Alias', {
      functionName: 'fn',
      functionVersion,
      name: 'live',
      provisionedConcurrencyConfig: provisioned ? { provisionedConcurrentExecutions: 2 } : undefined,
    });
  }
  test('Compliance: provisioned concurrency on a version, or $LATEST without it', () => {
    const a = newStack();
    alias(a, '3', true);
    const b = newStack();
    alias(b, '$LATEST', false);
    expect([...findings(a, 'LambdaProvisionedOnLatest'), ...findings(b, 'LambdaProvisionedOnLatest')]).toEqual([]);
  });
  test('Compliance: an L2 alias on a published version', () => {
    const stack = newStack();
    const fn = new lambda.Function(stack, 'L2', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.h', code: lambda.Code.fromInline('x') });
    new lambda.Alias(stack, 'Live', { aliasName: 'live', version: fn.currentVersion, provisionedConcurrentExecutions: 1 });
    expect(findings(stack, 'LambdaProvisionedOnLatest')).toEqual([]);
  });
  test('Noncompliance: provisioned concurrency on $LATEST', () => {
    const stack = newStack();
    alias(stack, '$LATEST', true);
    expect(findings(stack, 'LambdaProvisionedOnLatest')).toEqual(['LambdaBlueprints-LambdaProvisionedOnLatest @ Test/Alias']);
  });
});

describe('LambdaFifoAsyncDestination', () => {
  test('Compliance: standard queue and topic destinations and DLQ', () => {
    const stack = newStack();
    const q = new sqs.Queue(stack, 'Q');
    const t = new sns.Topic(stack, 'T');
    l1(stack, { deadLetterConfig: { targetArn: q.queueArn } });
    new lambda.CfnEventInvokeConfig(stack, 'Cfg', {
      functionName: 'fn',
      qualifier: '$LATEST',
      destinationConfig: { onSuccess: { destination: t.topicArn }, onFailure: { destination: 'arn:aws:sqs:us-east-1:123456789012:std' } },
    });
    expect(findings(stack, 'LambdaFifoAsyncDestination')).toEqual([]);
  });
  test('Compliance: a destination that is a token is not judged', () => {
    const stack = newStack();
    l1(stack, { deadLetterConfig: { targetArn: new CfnParameter(stack, 'A', { type: 'String' }).valueAsString } });
    expect(findings(stack, 'LambdaFifoAsyncDestination')).toEqual([]);
  });
  test('Noncompliance: FIFO queue as DLQ, FIFO topic and FIFO ARN as destinations', () => {
    const stack = newStack();
    const q = new sqs.Queue(stack, 'Q', { fifo: true });
    const t = new sns.Topic(stack, 'T', { fifo: true });
    l1(stack, { deadLetterConfig: { targetArn: q.queueArn } });
    new lambda.CfnEventInvokeConfig(stack, 'Cfg', {
      functionName: 'fn', qualifier: '$LATEST', destinationConfig: { onSuccess: { destination: t.topicArn } },
    });
    new lambda.CfnEventInvokeConfig(stack, 'Cfg2', {
      functionName: 'fn', qualifier: '$LATEST', destinationConfig: { onFailure: { destination: 'arn:aws:sqs:us-east-1:123456789012:x.fifo' } },
    });
    expect(findings(stack, 'LambdaFifoAsyncDestination')).toEqual([
      'LambdaBlueprints-LambdaFifoAsyncDestination @ Test/Cfg',
      'LambdaBlueprints-LambdaFifoAsyncDestination @ Test/Cfg2',
      'LambdaBlueprints-LambdaFifoAsyncDestination @ Test/Fn',
    ]);
  });
});
