import { CfnParameter, Duration, Size, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { BlueprintFunction, BlueprintFunctionProps } from '../../src';
import { expectErrors, newStack, synthErrors } from '../helpers';

const base: BlueprintFunctionProps = {
  runtime: lambda.Runtime.NODEJS_24_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => 1;'),
};

function errorsFor(props: Partial<BlueprintFunctionProps>): string[] {
  const stack = newStack();
  new BlueprintFunction(stack, 'Fn', { ...base, ...props });
  return synthErrors(stack);
}

/** Errors of a stack whose props may reference the stack (tokens). */
function errorsWith(props: (stack: Stack) => Partial<BlueprintFunctionProps>): string[] {
  const stack = newStack();
  new BlueprintFunction(stack, 'Fn', { ...base, ...props(stack) });
  return synthErrors(stack);
}

function numberToken(stack: Stack): number {
  return new CfnParameter(stack, 'P', { type: 'Number' }).valueAsNumber;
}

describe('memorySize', () => {
  test.each([128, 1024, 10_240])('%d MB is accepted', (memorySize) => {
    expect(errorsFor({ memorySize })).toEqual([]);
  });
  test.each([127, 10_241, 64, 100_000])('%d MB is refused with the range and reason', (memorySize) => {
    expect(errorsFor({ memorySize })).toEqual([
      `[Test/Fn/Function/Resource] LambdaBlueprints-LambdaMemorySize: memorySize (MemorySize) is ${memorySize.toLocaleString('en-US')} MB, allowed is a whole number 128–10,240 MB, because Lambda allocates memory in whole MB from 128 to 10,240 MB (CPU scales with it).`,
    ]);
  });
  test('a fractional MB is refused', () => {
    expect(errorsFor({ memorySize: 512.5 })).toEqual([expect.stringMatching(/^\[Test\/Fn\/Function\/Resource\] LambdaBlueprints-LambdaMemorySize: memorySize \(MemorySize\) is 512.5 MB, allowed is a whole number 128–10,240 MB/)]);
  });
  test('a token is not judged', () => {
    const stack = newStack();
    const memory = new CfnParameter(stack, 'Memory', { type: 'Number' }).valueAsNumber;
    new BlueprintFunction(stack, 'Fn', { ...base, memorySize: memory });
    expect(synthErrors(stack)).toEqual([]);
  });
});

describe('timeout', () => {
  test.each([1, 30, 900])('%d s is accepted', (s) => {
    expect(errorsFor({ timeout: Duration.seconds(s) })).toEqual([]);
  });
  test.each([[0, '0 s'], [901, '901 s'], [1200, '1,200 s']])('%d s is refused', (s, printed) => {
    expect(errorsFor({ timeout: Duration.seconds(s) })).toEqual([
      `[Test/Fn/Function/Resource] LambdaBlueprints-LambdaTimeout: timeout (Timeout) is ${printed}, allowed is a whole number 1–900 s, because a Lambda invocation runs at most 900 s (15 minutes); longer work belongs on Fargate or Step Functions.`,
    ]);
  });
  test('20 minutes is refused', () => {
    expect(errorsFor({ timeout: Duration.minutes(20) })).toEqual([expect.stringMatching(/LambdaBlueprints-LambdaTimeout: timeout \(Timeout\) is 1,200 s, allowed is a whole number 1–900 s/)]);
  });
  test('a fractional second is refused', () => {
    expect(errorsFor({ timeout: Duration.millis(1500) })).toEqual([expect.stringMatching(/LambdaBlueprints-LambdaTimeout: timeout \(Timeout\) is 1.5 s, allowed is a whole number 1–900 s/)]);
  });
  test('a token is not judged', () => {
    const stack = newStack();
    const seconds = new CfnParameter(stack, 'Timeout', { type: 'Number' }).valueAsNumber;
    new BlueprintFunction(stack, 'Fn', { ...base, timeout: Duration.seconds(seconds) });
    expect(synthErrors(stack)).toEqual([]);
  });
});

describe('ephemeralStorageSize', () => {
  test.each([512, 10_240])('%d MB is accepted', (mb) => {
    expect(errorsFor({ ephemeralStorageSize: Size.mebibytes(mb) })).toEqual([]);
  });
  test.each([[511, '511'], [10_241, '10,241']])('%d MB is refused and the value printed', (mb, printed) => {
    expect(errorsFor({ ephemeralStorageSize: Size.mebibytes(mb) })).toEqual([
      `[Test/Fn/Function/Resource] LambdaBlueprints-LambdaEphemeralStorage: ephemeralStorageSize (EphemeralStorage.Size) is ${printed} MB, allowed is a whole number 512–10,240 MB, because /tmp can be sized from 512 to 10,240 MB.`,
    ]);
  });
  test('a fractional MB is refused', () => {
    expect(errorsFor({ ephemeralStorageSize: Size.kibibytes(600 * 1024 + 512) })).toEqual([expect.stringMatching(/LambdaBlueprints-LambdaEphemeralStorage: ephemeralStorageSize \(EphemeralStorage.Size\) is 600.5 MB, allowed is a whole number 512–10,240 MB/)]);
  });
  test('a token is not judged', () => {
    expect(errorsWith(stack => ({ ephemeralStorageSize: Size.mebibytes(numberToken(stack)) }))).toEqual([]);
  });
});

describe('reservedConcurrentExecutions', () => {
  test.each([0, 1, 900])('%d is accepted with the default account limit', (n) => {
    expect(errorsFor({ reservedConcurrentExecutions: n })).toEqual([]);
  });
  test.each([[901, '901', '0–900'], [5000, '5,000', '0–900'], [-1, '-1', '0–900']])('%d is refused', (n, printed, range) => {
    expect(errorsFor({ reservedConcurrentExecutions: n })).toEqual([
      `[Test/Fn/Function/Resource] LambdaBlueprints-LambdaReservedConcurrency: reservedConcurrentExecutions (ReservedConcurrentExecutions) is ${printed} executions, allowed is a whole number ${range} executions, because at least 100 of the account concurrency limit (1,000) must stay unreserved.`,
    ]);
  });
  test('a raised account limit raises the bound', () => {
    expect(errorsFor({ reservedConcurrentExecutions: 1900, accountConcurrencyLimit: 2000 })).toEqual([]);
    expect(errorsFor({ reservedConcurrentExecutions: 1901, accountConcurrencyLimit: 2000 })).toEqual([expect.stringMatching(/LambdaBlueprints-LambdaReservedConcurrency: reservedConcurrentExecutions \(ReservedConcurrentExecutions\) is 1,901 executions, allowed is a whole number 0–1,900 executions/)]);
  });
  test('a fraction is refused', () => {
    expect(errorsFor({ reservedConcurrentExecutions: 1.5 })).toEqual([expect.stringMatching(/LambdaBlueprints-LambdaReservedConcurrency: reservedConcurrentExecutions \(ReservedConcurrentExecutions\) is 1.5 executions, allowed is a whole number 0–900 executions/)]);
  });
  test('a token is not judged', () => {
    expect(errorsWith(stack => ({ reservedConcurrentExecutions: numberToken(stack) }))).toEqual([]);
  });
});

describe('environment', () => {
  // Key "VV" + value: 4,096 bytes exactly (keys have at least 2 characters).
  const atLimit = 'x'.repeat(4096 - 2);
  test('4,096 bytes of keys and values are accepted', () => {
    expect(errorsFor({ environment: { VV: atLimit } })).toEqual([]);
  });
  test('4,097 bytes are refused with the total', () => {
    expect(errorsFor({ environment: { VV: atLimit + 'x' } })).toEqual([
      '[Test/Fn/Function/Resource] LambdaBlueprints-LambdaEnvironment: environment (Environment, keys + values, UTF-8) is 4,097 bytes, allowed is a whole number 0–4,096 bytes, because Lambda accepts at most 4 KB of environment variables, keys and values together.',
    ]);
  });
  test('sizes count UTF-8 bytes, not characters', () => {
    // 2,048 "é" are 4,096 bytes (2,048 characters); with the 2-byte key the total is over the limit.
    expect(errorsFor({ environment: { VV: 'é'.repeat(2048) } })).toEqual([expect.stringMatching(/LambdaBlueprints-LambdaEnvironment: environment \(Environment, keys \+ values, UTF-8\) is 4,098 bytes/)]);
  });
  test('variables added later with addEnvironment are counted', () => {
    const stack = newStack();
    const fn = new BlueprintFunction(stack, 'Fn', { ...base, environment: { AA: 'x'.repeat(3000) } });
    fn.addEnvironment('BB', 'y'.repeat(2000));
    expect(synthErrors(stack)).toEqual([expect.stringMatching(/LambdaBlueprints-LambdaEnvironment: environment \(Environment, keys \+ values, UTF-8\) is 5,004 bytes/)]);
  });
  test.each(['1ABC', 'A-B', 'has space', '_LEADING', 'V'])('key %s is refused', (key) => {
    const chars = `${key.length} character${key.length === 1 ? '' : 's'}`;
    expect(errorsFor({ environment: { [key]: 'v' } })).toEqual([
      `[Test/Fn/Function/Resource] LambdaBlueprints-LambdaEnvironment: Environment.Variables key ${JSON.stringify(key)} is ${chars} long, allowed is a name matching ^[a-zA-Z][a-zA-Z0-9_]+$, because Lambda accepts variable names of a letter followed by at least one letter, digit or underscore.`,
    ]);
  });
  test.each(['AWS_REGION', 'AWS_LAMBDA_FUNCTION_NAME', 'AWS_LAMBDA_ANYTHING', 'LAMBDA_TASK_ROOT'])('reserved key %s is refused', (key) => {
    expect(errorsFor({ environment: { [key]: 'v' } })).toEqual([
      `[Test/Fn/Function/Resource] LambdaBlueprints-LambdaEnvironment: Environment.Variables key ${JSON.stringify(key)} is a reserved name, allowed is a name Lambda does not reserve (AWS_REGION, AWS_LAMBDA_*, _HANDLER, LAMBDA_TASK_ROOT …), because the Lambda runtime sets it itself and refuses to let a function override it.`,
    ]);
  });
  test('token values are not counted or judged', () => {
    const stack = newStack();
    const p = new CfnParameter(stack, 'Value');
    new BlueprintFunction(stack, 'Fn', { ...base, environment: { VV: p.valueAsString } });
    expect(synthErrors(stack)).toEqual([]);
  });
  test('a literal secret-looking value is warned about', () => {
    const stack = newStack();
    new BlueprintFunction(stack, 'Fn', { ...base, environment: { DB_PASSWORD: 'hunter2', STAGE: 'prod' } });
    Annotations.fromStack(stack).hasWarning('/Test/Fn/Function/Resource', Match.stringLikeRegexp('^Environment.Variables.DB_PASSWORD is a literal value, allowed is a parameter name or secret ARN .*\\[ack: LambdaBlueprints-LambdaEnvironmentSecret\\]$'));
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('STAGE'))).toEqual([]);
  });
});

describe('handler', () => {
  test('an empty handler is refused', () => {
    expect(errorsFor({ handler: '', code: lambda.Code.fromBucket(s3.Bucket.fromBucketName(newStack('B'), 'B', 'code-bucket'), 'k.zip', 'v1') })).toEqual([
      '[Test/Fn/Function/Resource] LambdaBlueprints-LambdaHandler: handler (Handler) is "", allowed is a non-empty handler, because Lambda needs it to find the entry point of a zip package.',
    ]);
  });
  test('a Node.js handler without export is refused', () => {
    expect(errorsFor({ handler: 'index' })).toEqual([
      '[Test/Fn/Function/Resource] LambdaBlueprints-LambdaHandler: handler (Handler) is "index", allowed is file.export (e.g. index.handler), because nodejs24.x loads the entry point from that form.',
    ]);
  });
  test.each([
    [lambda.Runtime.PYTHON_3_14, 'app.handler', true],
    [lambda.Runtime.PYTHON_3_14, 'handler', false],
    [lambda.Runtime.JAVA_25, 'com.example.Handler::handleRequest', true],
    [lambda.Runtime.JAVA_25, 'com.example.Handler', true],
    [lambda.Runtime.JAVA_25, 'com example', false],
    [lambda.Runtime.DOTNET_10, 'App::App.Function::Handler', true],
    [lambda.Runtime.DOTNET_10, 'App.Function.Handler', true],
    [lambda.Runtime.DOTNET_10, 'App::Function', false],
    [lambda.Runtime.PROVIDED_AL2023, 'anything', true],
  ])('%s handler %s accepted: %s', (runtime, handler, ok) => {
    const code = lambda.Code.fromBucket(s3.Bucket.fromBucketName(newStack('B'), 'B', 'code-bucket'), 'k.zip', 'v1');
    const errors = errorsFor({ runtime, handler, code });
    expect(errors.filter(e => /LambdaBlueprints-LambdaHandler: handler \(Handler\) is/.test(e))).toHaveLength(ok ? 0 : 1);
  });
  test('inline code needs an index.* handler', () => {
    expect(errorsFor({ handler: 'app.handler' })).toEqual([expect.stringMatching(/^\[Test\/Fn\/Function\/Resource\] LambdaBlueprints-LambdaHandler: handler \(Handler\) is "app.handler", allowed is index.<export> for inline code/)]);
  });
  test('a token handler is not judged', () => {
    const stack = newStack();
    new BlueprintFunction(stack, 'Fn', { ...base, handler: new CfnParameter(stack, 'H').valueAsString });
    expect(synthErrors(stack)).toEqual([]);
  });
});

describe('runtime and code', () => {
  test('a deprecated runtime is refused', () => {
    expect(errorsFor({ runtime: lambda.Runtime.NODEJS_18_X })).toEqual([
      '[Test/Fn/Function/Resource] LambdaBlueprints-LambdaRuntimeDeprecated: runtime (Runtime) is "nodejs18.x", allowed is a supported runtime, because AWS Lambda no longer supports it: no security patches, and new functions are blocked.',
    ]);
  });
  test('a deprecated runtime is accepted with the explicit opt-out', () => {
    expect(errorsFor({ runtime: lambda.Runtime.NODEJS_18_X, allowDeprecatedRuntime: true })).toEqual([]);
  });
  test('a runtime that is not the newest of its family is warned about', () => {
    const stack = newStack();
    new BlueprintFunction(stack, 'Fn', { ...base, runtime: lambda.Runtime.NODEJS_22_X });
    Annotations.fromStack(stack).hasWarning('/Test/Fn/Function/Resource', Match.stringLikeRegexp('^runtime \\(Runtime\\) is "nodejs22.x", allowed is the newest of its family \\(nodejs24.x\\), because .*\\[ack: LambdaBlueprints-LambdaRuntimeNotNewest\\]$'));
  });
  test('the newest runtime is not warned about', () => {
    const stack = newStack();
    new BlueprintFunction(stack, 'Fn', base);
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('newest'))).toEqual([]);
  });
  test('inline code on Java is refused', () => {
    expect(errorsFor({ runtime: lambda.Runtime.JAVA_25, handler: 'com.example.Handler::handle' })).toEqual([
      '[Test/Fn/Function/Resource] LambdaBlueprints-LambdaInlineCode: Code.ZipFile is inline code on "java25", allowed is inline code only for Node.js and Python, because CloudFormation Code.ZipFile supports only those runtimes; package the handler as an asset.',
    ]);
  });
  test('bucket code without an object version is warned about', () => {
    const stack = newStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'B', 'code-bucket');
    new BlueprintFunction(stack, 'Fn', { ...base, code: lambda.Code.fromBucket(bucket, 'app.zip') });
    Annotations.fromStack(stack).hasWarning('/Test/Fn/Function/Resource', Match.stringLikeRegexp('^Code.S3ObjectVersion is not set for key "app.zip", allowed is the object version .*\\[ack: LambdaBlueprints-LambdaBucketCodeVersion\\]$'));
  });
  test('bucket code with an object version is not warned about', () => {
    const stack = newStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'B', 'code-bucket');
    new BlueprintFunction(stack, 'Fn', { ...base, code: lambda.Code.fromBucket(bucket, 'app.zip', 'v42') });
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('object version'))).toEqual([]);
  });
});

test('every problem of a synth is reported together', () => {
  const stack = newStack();
  new BlueprintFunction(stack, 'A', { ...base, memorySize: 64, timeout: Duration.minutes(20), environment: { AWS_REGION: 'x' } });
  new BlueprintFunction(stack, 'B', { ...base, reservedConcurrentExecutions: 5000, handler: '' });
  expectErrors(stack,
    /^\[Test\/A\/Function\/Resource\] LambdaBlueprints-LambdaMemorySize: memorySize \(MemorySize\) is 64 MB/,
    /^\[Test\/A\/Function\/Resource\] LambdaBlueprints-LambdaTimeout: timeout \(Timeout\) is 1,200 s/,
    /^\[Test\/A\/Function\/Resource\] LambdaBlueprints-LambdaEnvironment: Environment.Variables key "AWS_REGION" is a reserved name/,
    /^\[Test\/B\/Function\/Resource\] LambdaBlueprints-LambdaReservedConcurrency: reservedConcurrentExecutions \(ReservedConcurrentExecutions\) is 5,000/,
    /^\[Test\/B\/Function\/Resource\] LambdaBlueprints-LambdaHandler: handler \(Handler\) is ""/,
  );
});
