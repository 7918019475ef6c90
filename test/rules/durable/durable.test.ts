import { CfnParameter, Duration, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { BlueprintFunction, BlueprintFunctionProps } from '../../../src';
import { l1Function } from '../l1';
import { both, FN_PROPS, newStack, ofRule, packMode } from '../modes';

const FN = 'Test/Fn/Function/Resource';

/** A blueprint made durable through the escape hatch (BlueprintFunction has no durableConfig prop). */
function durableBlueprint(stack: Stack, config: Record<string, unknown>, props: Partial<BlueprintFunctionProps> = {}): BlueprintFunction {
  const fn = new BlueprintFunction(stack, 'Fn', { ...FN_PROPS, ...props });
  fn.cfn.addPropertyOverride('DurableConfig', config);
  return fn;
}

/** A plain L2 durable function. */
function plainDurable(stack: Stack, executionTimeout = Duration.hours(1)): lambda.Function {
  return new lambda.Function(stack, 'Plain', { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromInline('x'), durableConfig: { executionTimeout } });
}

function messages(stack: Stack, rule: string): string[] {
  return ofRule(packMode(stack), rule).map(r => r.message);
}

describe('LambdaDurableConfig', () => {
  test('construct mode: a retention of 1.5 days written by an escape hatch is refused', () => {
    const s = newStack();
    durableBlueprint(s, { ExecutionTimeout: 3600, RetentionPeriodInDays: 1.5 });
    expect(both(s, 'LambdaDurableConfig')).toEqual([{
      id: 'LambdaBlueprints-LambdaDurableConfig',
      severity: 'error',
      path: FN,
      message: 'durableConfig.retentionPeriod (DurableConfig.RetentionPeriodInDays) is 1.5 days, allowed is a whole number 1–90 days, because Lambda keeps the history of a durable execution for 1 to 90 whole days.',
    }]);
  });
  test('pack mode: an execution timeout of 0 s and above 366 days, a retention of 91 days', () => {
    const s = newStack();
    l1Function(s, 'A', { DurableConfig: { ExecutionTimeout: 0 } });
    l1Function(s, 'B', { DurableConfig: { ExecutionTimeout: 31_622_401, RetentionPeriodInDays: 91 } });
    expect(ofRule(packMode(s), 'LambdaDurableConfig').map(r => `${r.path}: ${r.message}`)).toEqual([
      'Test/A: durableConfig.executionTimeout (DurableConfig.ExecutionTimeout) is 0 s, allowed is a whole number 1–31,622,400 s, because a durable execution runs from 1 s to 366 days.',
      'Test/B: durableConfig.executionTimeout (DurableConfig.ExecutionTimeout) is 31,622,401 s, allowed is a whole number 1–31,622,400 s, because a durable execution runs from 1 s to 366 days.',
      'Test/B: durableConfig.retentionPeriod (DurableConfig.RetentionPeriodInDays) is 91 days, allowed is a whole number 1–90 days, because Lambda keeps the history of a durable execution for 1 to 90 whole days.',
    ]);
  });
  test('compliant: the L2 durableConfig; tokens are not judged', () => {
    const s = newStack();
    new lambda.Function(s, 'Plain', { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromInline('x'), durableConfig: { executionTimeout: Duration.days(366), retentionPeriod: Duration.days(90) } });
    l1Function(s, 'Tokens', { DurableConfig: { ExecutionTimeout: new CfnParameter(s, 'T', { type: 'Number' }).valueAsNumber, RetentionPeriodInDays: new CfnParameter(s, 'R', { type: 'Number' }).valueAsNumber } });
    expect(messages(s, 'LambdaDurableConfig')).toEqual([]);
  });
});

describe('LambdaDurableRuntime', () => {
  test('construct mode: a durable Python 3.12 blueprint is refused', () => {
    const s = newStack();
    durableBlueprint(s, { ExecutionTimeout: 60 }, { runtime: lambda.Runtime.PYTHON_3_12, code: lambda.Code.fromInline('def handler(event, context):\n    return 1\n') });
    expect(both(s, 'LambdaDurableRuntime')).toEqual([{
      id: 'LambdaBlueprints-LambdaDurableRuntime',
      severity: 'error',
      path: FN,
      message: 'runtime (Runtime) is "python3.12" with DurableConfig, allowed is Node.js 22+, Python 3.13+, Java 17+, .NET 8+ or a container image, because durable functions run only on the runtimes AWS lists for durable execution.',
    }]);
  });
  test.each(['nodejs22.x', 'nodejs24.x', 'python3.13', 'python3.14', 'java17', 'java21', 'java25', 'dotnet8', 'dotnet10'])('compliant: %s', runtime => {
    const s = newStack();
    l1Function(s, 'Fn', { DurableConfig: { ExecutionTimeout: 60 }, Runtime: runtime });
    expect(messages(s, 'LambdaDurableRuntime')).toEqual([]);
  });
  test.each(['nodejs20.x', 'python3.12', 'java11', 'ruby3.4', 'provided.al2023'])('noncompliant: %s', runtime => {
    const s = newStack();
    l1Function(s, 'Fn', { DurableConfig: { ExecutionTimeout: 60 }, Runtime: runtime });
    expect(messages(s, 'LambdaDurableRuntime')).toHaveLength(1);
  });
  test('a container image function (no Runtime) and a function without DurableConfig are not judged', () => {
    const s = newStack();
    l1Function(s, 'Image', { DurableConfig: { ExecutionTimeout: 60 }, PackageType: 'Image', Runtime: undefined, Handler: undefined, Code: { ImageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha256:${'a'.repeat(64)}`, ZipFile: undefined } });
    l1Function(s, 'Ruby', { Runtime: 'ruby3.4' });
    expect(messages(s, 'LambdaDurableRuntime')).toEqual([]);
  });
});

describe('LambdaDurableUnqualified', () => {
  const TAIL = 'allowed is triggers on a published version or an alias (its qualified ARN), because a durable execution replays the function on every resume, so it must stay on one version of the code: AWS invokes durable functions through a qualified ARN and advises against $LATEST.';
  test('construct mode: a durable blueprint fed by a queue on its unqualified function is warned', () => {
    const s = newStack();
    durableBlueprint(s, { ExecutionTimeout: 600 }).addEventSource(new sources.SqsEventSource(new sqs.Queue(s, 'Queue')));
    expect(both(s, 'LambdaDurableUnqualified')).toEqual([{
      id: 'LambdaBlueprints-LambdaDurableUnqualified',
      severity: 'warning',
      path: FN,
      message: `durableConfig (DurableConfig) is set, but Test/Fn/Function/SqsEventSource:TestQueueCC385424/Resource (event source mapping) invokes the unqualified function ($LATEST), ${TAIL}`,
    }]);
  });
  test('construct mode: a released durable blueprint routes its triggers through the alias (compliant)', () => {
    const s = newStack();
    durableBlueprint(s, { ExecutionTimeout: 600 }, { deployment: {} }).addEventSource(new sources.SqsEventSource(new sqs.Queue(s, 'Queue')));
    expect(both(s, 'LambdaDurableUnqualified')).toEqual([]);
  });
  test('pack mode: an EventBridge rule targeting the unqualified function (its permission named once); the alias is compliant', () => {
    const s = newStack();
    const fn = plainDurable(s);
    const alias = new lambda.Alias(s, 'Live', { aliasName: 'live', version: fn.currentVersion });
    new events.Rule(s, 'Nightly', { schedule: events.Schedule.cron({ hour: '2', minute: '0' }), targets: [new targets.LambdaFunction(alias)] });
    expect(messages(s, 'LambdaDurableUnqualified')).toEqual([]);
    new events.Rule(s, 'Hourly', { schedule: events.Schedule.rate(Duration.hours(1)), targets: [new targets.LambdaFunction(fn)] });
    expect(messages(s, 'LambdaDurableUnqualified')).toEqual([`durableConfig (DurableConfig) is set, but Test/Hourly/Resource (EventBridge rule target) invokes the unqualified function ($LATEST), ${TAIL}`]);
  });
});

describe('LambdaDurableMappingTimeout', () => {
  const TAIL = 'allowed is at most 900 s for a function an event source mapping invokes (5,400 s on Lambda Managed Instances), or an asynchronous invocation for longer executions, because an event source mapping invokes a durable function synchronously, so the whole durable execution must finish within the longest function timeout, or it fails.';
  test('construct mode: a one-hour durable execution fed by a queue through the alias is warned', () => {
    const s = newStack();
    const fn = durableBlueprint(s, { ExecutionTimeout: 3600 }, { deployment: {} });
    fn.addEventSource(new sources.SqsEventSource(new sqs.Queue(s, 'Queue')));
    expect(both(s, 'LambdaDurableMappingTimeout')).toEqual([{
      id: 'LambdaBlueprints-LambdaDurableMappingTimeout',
      severity: 'warning',
      path: FN,
      message: `durableConfig.executionTimeout (DurableConfig.ExecutionTimeout) is 3,600 s, and Test/Fn/Release/Alias/SqsEventSource:TestQueueCC385424/Resource (event source mapping) invokes the function, ${TAIL}`,
    }]);
  });
  test('compliant: 900 s with a mapping, and a long execution without one', () => {
    const s = newStack();
    plainDurable(s, Duration.minutes(15)).addEventSource(new sources.SqsEventSource(new sqs.Queue(s, 'Queue')));
    const t = newStack();
    plainDurable(t, Duration.days(30));
    expect(messages(s, 'LambdaDurableMappingTimeout')).toEqual([]);
    expect(messages(t, 'LambdaDurableMappingTimeout')).toEqual([]);
  });
  test('on Lambda Managed Instances a mapping may run 5,400 s, except Amazon MQ', () => {
    const s = newStack();
    const lmi = { MemorySize: 4096, CapacityProviderConfig: { LambdaManagedInstancesCapacityProviderConfig: { CapacityProviderArn: 'arn:aws:lambda:us-east-1:123456789012:capacity-provider:cp' } } };
    const fn = l1Function(s, 'Fn', { ...lmi, DurableConfig: { ExecutionTimeout: 5400 } });
    new lambda.CfnEventSourceMapping(s, 'Queue', { functionName: fn.ref, eventSourceArn: new sqs.CfnQueue(s, 'Q', { visibilityTimeout: 43200 }).attrArn });
    expect(messages(s, 'LambdaDurableMappingTimeout')).toEqual([]);
    new lambda.CfnEventSourceMapping(s, 'Broker', { functionName: fn.ref, eventSourceArn: 'arn:aws:mq:us-east-1:123456789012:broker:b:b-1', queues: ['q'] });
    expect(messages(s, 'LambdaDurableMappingTimeout')).toEqual([`durableConfig.executionTimeout (DurableConfig.ExecutionTimeout) is 5,400 s, and Test/Broker (event source mapping) invokes the function, ${TAIL}`]);
  });
  test('a token execution timeout is not judged', () => {
    const s = newStack();
    const fn = l1Function(s, 'Fn', { DurableConfig: { ExecutionTimeout: new CfnParameter(s, 'T', { type: 'Number' }).valueAsNumber } });
    new lambda.CfnEventSourceMapping(s, 'Queue', { functionName: fn.ref, eventSourceArn: new sqs.CfnQueue(s, 'Q', { visibilityTimeout: 180 }).attrArn });
    expect(messages(s, 'LambdaDurableMappingTimeout')).toEqual([]);
  });
});
