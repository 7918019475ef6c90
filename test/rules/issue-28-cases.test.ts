import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { both, constructMode, FN_PROPS, newStack, ofRule, packMode } from './modes';
import { BlueprintFunction } from '../../src';

// Inputs that got the wrong answer (issue 28), each identical in construct mode and in LambdaBlueprintChecks.

function zipCode(stack: ReturnType<typeof newStack>): lambda.Code {
  return lambda.Code.fromBucket(s3.Bucket.fromBucketName(stack, 'CodeBucket', 'code-bucket'), 'k.zip', 'v1');
}

describe('valid handlers are accepted', () => {
  test.each([
    ['a .NET executable assembly', lambda.Runtime.DOTNET_8, 'GetProductHandler'],
    ['a .NET class library', lambda.Runtime.DOTNET_8, 'App::App.Function::Handler'],
    ['a Ruby class method (AWS\'s own example)', lambda.Runtime.RUBY_3_4, 'source.LambdaFunctions::Handler.process'],
    ['a Ruby method', lambda.Runtime.RUBY_3_4, 'function.handler'],
  ])('%s: %s %s', (_name, runtime, handler) => {
    const stack = newStack();
    new BlueprintFunction(stack, 'Fn', { ...FN_PROPS, runtime, handler, code: zipCode(stack) });
    expect(both(stack, 'LambdaHandler')).toEqual([]);
  });

  test.each([
    [lambda.Runtime.DOTNET_8, 'App::Handler', 'Assembly::Namespace.Class::Method, or the assembly name of an executable assembly'],
    [lambda.Runtime.RUBY_3_4, 'source.Handler::process', 'file.method (e.g. function.handler) or file.Module::Class.method'],
  ])('and a malformed one is still refused: %s %s', (runtime, handler, allowed) => {
    const stack = newStack();
    new BlueprintFunction(stack, 'Fn', { ...FN_PROPS, runtime, handler, code: zipCode(stack) });
    expect(both(stack, 'LambdaHandler')).toEqual([{
      id: 'LambdaBlueprints-LambdaHandler',
      severity: 'error',
      path: 'Test/Fn/Function/Resource',
      message: `handler (Handler) is ${JSON.stringify(handler)}, allowed is ${allowed}, because ${runtime.name} loads the entry point from that form.`,
    }]);
  });
});

describe('an account with a reduced concurrency quota', () => {
  test('accountConcurrencyLimit 10 is accepted; no reservation fits, so one is refused with the range 0–0', () => {
    const stack = newStack();
    new BlueprintFunction(stack, 'Fn', { ...FN_PROPS, accountConcurrencyLimit: 10 });
    expect(constructMode(stack)).toEqual(packMode(stack, { accountConcurrencyLimit: 10 }).filter(r => r.severity === 'error'));
    expect(ofRule(constructMode(stack), 'LambdaReservedConcurrency')).toEqual([]);

    const reserved = newStack();
    new BlueprintFunction(reserved, 'Fn', { ...FN_PROPS, accountConcurrencyLimit: 10, reservedConcurrentExecutions: 5 });
    const expected = [{
      id: 'LambdaBlueprints-LambdaReservedConcurrency',
      severity: 'error',
      path: 'Test/Fn/Function/Resource',
      message: 'reservedConcurrentExecutions (ReservedConcurrentExecutions) is 5 executions, allowed is a whole number 0–0 executions, '
        + 'because at least 100 of the account concurrency limit (10) must stay unreserved.',
    }];
    expect(ofRule(constructMode(reserved), 'LambdaReservedConcurrency')).toEqual(expected);
    expect(ofRule(packMode(reserved, { accountConcurrencyLimit: 10 }), 'LambdaReservedConcurrency')).toEqual(expected);
  });

  test('0 is still refused, at the blueprint', () => {
    const stack = newStack();
    new BlueprintFunction(stack, 'Fn', { ...FN_PROPS, accountConcurrencyLimit: 0 });
    expect(ofRule(constructMode(stack), 'LambdaReservedConcurrency').map(r => r.message)).toEqual([
      'accountConcurrencyLimit is 0, allowed is a whole number 1–1,000,000 executions, because the account concurrency limit is 1,000 per region '
        + 'unless raised (new accounts may start lower); the reserved concurrency check needs it.',
    ]);
  });
});
void Duration;
