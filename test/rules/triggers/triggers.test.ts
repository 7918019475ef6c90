import { CfnParameter, CfnResource, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { enforceRules } from '../../../src/rules/private/enforce';
import { l1Function as fn } from '../l1';
import { both, newStack } from '../modes';


/** Both modes over the whole stack (construct mode as a blueprint at its root). */
function run(stack: Stack, rule: string) {
  enforceRules(stack);
  return both(stack, rule);
}

function filter(stack: Stack, id: string, logGroupName: unknown, destination: lambda.CfnFunction): void {
  new CfnResource(stack, id, { type: 'AWS::Logs::SubscriptionFilter', properties: { LogGroupName: logGroupName, DestinationArn: destination.attrArn, FilterPattern: '' } });
}

describe('CognitoTriggerTimeout', () => {
  test.each([
    ['5 s', { Timeout: 5 }, 0],
    ['Lambda\'s default (3 s)', { Timeout: undefined }, 0],
    ['an intrinsic', { Timeout: { Ref: 'Seconds' } }, 0],
    ['6 s', { Timeout: 6 }, 1],
  ])('a trigger function with %s', (_name, props, count) => {
    const s = newStack();
    new CfnParameter(s, 'Seconds', { type: 'Number' });
    new cognito.CfnUserPool(s, 'Pool', { lambdaConfig: { preAuthentication: fn(s, 'Fn', props).attrArn } });
    const found = run(s, 'CognitoTriggerTimeout');
    expect(found).toHaveLength(count);
    if (count) expect(found[0]).toEqual({ id: 'LambdaBlueprints-CognitoTriggerTimeout', severity: 'error', path: 'Test/Pool', message: expect.stringMatching(/^LambdaConfig\.PreAuthentication is Test\/Fn, whose Timeout is 6 s, allowed is a function whose Timeout is at most 5 s, because /) });
  });

  test('custom senders, the KMS key and functions outside the stack are not checked', () => {
    const s = newStack();
    const slow = fn(s, 'Fn', { Timeout: 60 });
    new cognito.CfnUserPool(s, 'Pool', {
      lambdaConfig: {
        kmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/1',
        customEmailSender: { lambdaArn: slow.attrArn, lambdaVersion: 'V1_0' },
        preSignUp: 'arn:aws:lambda:us-east-1:123456789012:function:elsewhere',
      },
    });
    expect(run(s, 'CognitoTriggerTimeout')).toEqual([]);
  });
});

describe('LogsSubscriptionOwnLogGroup', () => {
  test.each([
    ['its LoggingConfig log group (Ref)', (s: Stack, f: lambda.CfnFunction) => {
      const g = new logs.CfnLogGroup(s, 'Logs', { retentionInDays: 30 });
      f.addPropertyOverride('LoggingConfig', { LogGroup: g.ref });
      return g.ref;
    }],
    ['/aws/lambda/<FunctionName>', (_s: Stack, f: lambda.CfnFunction) => {
      f.addPropertyOverride('FunctionName', 'shipper');
      return '/aws/lambda/shipper';
    }],
    ['a log group resource named /aws/lambda/<FunctionName>', (s: Stack, f: lambda.CfnFunction) => {
      f.addPropertyOverride('FunctionName', 'shipper');
      return new logs.CfnLogGroup(s, 'Logs', { logGroupName: '/aws/lambda/shipper', retentionInDays: 30 }).ref;
    }],
    ['Fn::Join of /aws/lambda/ and its Ref', (_s: Stack, f: lambda.CfnFunction) => ({ 'Fn::Join': ['', ['/aws/lambda/', { Ref: f.logicalId }]] })],
    ['Fn::Sub of /aws/lambda/${Fn}', (_s: Stack, f: lambda.CfnFunction) => ({ 'Fn::Sub': `/aws/lambda/\${${f.logicalId}}` })],
  ])('refuses a function subscribed to %s', (_name, group) => {
    const s = newStack();
    const f = fn(s, 'Fn');
    filter(s, 'Filter', group(s, f), f);
    const found = run(s, 'LogsSubscriptionOwnLogGroup');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', path: 'Test/Filter', message: expect.stringMatching(/, the log group of Test\/Fn \(the filter's destination\), allowed is a log group the destination function does not write its own logs to/) })]);
  });

  test.each([
    ['another function\'s log group', (s: Stack) => ({ 'Fn::Join': ['', ['/aws/lambda/', { Ref: fn(s, 'Other').logicalId }]] })],
    ['/aws/lambda/<name> when its LoggingConfig names another log group', (s: Stack, f: lambda.CfnFunction) => {
      f.addPropertyOverride('FunctionName', 'shipper');
      f.addPropertyOverride('LoggingConfig', { LogGroup: new logs.CfnLogGroup(s, 'Logs', { retentionInDays: 30 }).ref });
      return '/aws/lambda/shipper';
    }],
    ['an unknown log group', (s: Stack) => new CfnParameter(s, 'GroupParameter').valueAsString],
  ])('accepts %s', (_name, group) => {
    const s = newStack();
    const f = fn(s, 'Fn');
    filter(s, 'Filter', group(s, f), f);
    expect(run(s, 'LogsSubscriptionOwnLogGroup')).toEqual([]);
  });
});

describe('LogsSubscriptionFilterCount', () => {
  test('two filters per log group are accepted; the third is refused, at the third', () => {
    const s = newStack();
    const g = new logs.CfnLogGroup(s, 'Logs', { retentionInDays: 30 });
    const other = new logs.CfnLogGroup(s, 'Other', { logGroupName: '/app/other', retentionInDays: 30 });
    const f = fn(s, 'Fn');
    filter(s, 'A', g.ref, f);
    filter(s, 'B', g.ref, f);
    filter(s, 'C', other.ref, f);
    filter(s, 'D', '/app/other', f);
    expect(run(s, 'LogsSubscriptionFilterCount')).toEqual([]);
    filter(s, 'E', g.ref, f);
    expect(run(s, 'LogsSubscriptionFilterCount')).toEqual([expect.objectContaining({
      severity: 'error', path: 'Test/E', message: expect.stringMatching(/^LogGroupName is \{"Ref":"Logs"\}, whose filter number 3 this is \(Test\/A, Test\/B, Test\/E\), allowed is at most 2 subscription filters per log group/),
    })]);
  });
});
