import { App, CfnParameter, Duration, Lazy, Stack, Stage } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { both, constructMode, FN_PROPS, newStack, ofRule, packMode } from './modes';
import {
  BlueprintFunction, BlueprintLayer, QueueSource, BlueprintStandards, CognitoToFunction, KinesisToFunction, QueueToFunction, RuleResource,
  RuleViolation, S3ToFunction, StandardRule,
} from '../../src';
import { synthErrors } from '../helpers';

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
      'accountConcurrencyLimit is 0 executions, allowed is a whole number 1–1,000,000 executions, because the account concurrency limit is 1,000 per region '
        + 'unless raised (new accounts may start lower); the reserved concurrency check needs it.',
    ]);
  });
});

describe('an imported FIFO queue is known by its ARN', () => {
  const ARN = 'arn:aws:sqs:us-east-1:123456789012:jobs.fifo';
  test.each([
    ['a batching window', { maxBatchingWindow: Duration.seconds(30) },
      'maxBatchingWindow (MaximumBatchingWindowInSeconds) is 30 s, allowed is not set on a FIFO queue, because Lambda does not support a batching window on SQS FIFO sources.'],
    ['a batch of 100', { batchSize: 100 },
      'batchSize (BatchSize) is 100 messages, allowed is a whole number 1–10 messages, because SQS FIFO batches hold 1 to 10 messages.'],
  ])('%s is refused in both modes', (_name, options, message) => {
    const stack = newStack();
    const fn = new BlueprintFunction(stack, 'Fn', FN_PROPS);
    fn.addEventSource(new QueueSource(sqs.Queue.fromQueueArn(stack, 'Q', ARN), options));
    const found = both(stack, 'LambdaSqsMapping');
    expect(found.map(f => f.message)).toEqual([message]);
    expect(found[0].path).toMatch(/^Test\/Fn\/Function\/SqsSourceTestQ[0-9A-F]{8}\/Resource$/);
  });

  test('a standard queue imported by ARN still takes 100 messages with a window', () => {
    const stack = newStack();
    const fn = new BlueprintFunction(stack, 'Fn', FN_PROPS);
    fn.addEventSource(new QueueSource(sqs.Queue.fromQueueArn(stack, 'Q', 'arn:aws:sqs:us-east-1:123456789012:jobs'), { batchSize: 100, maxBatchingWindow: Duration.seconds(1) }));
    expect(both(stack, 'LambdaSqsMapping')).toEqual([]);
  });
});

describe('deploy-time values are shown as the template has them, never as [object Object]', () => {
  test('a CfnParameter provisioned concurrency with weighted routing', () => {
    const stack = newStack();
    new BlueprintFunction(stack, 'Fn', {
      ...FN_PROPS,
      deployment: {
        provisionedConcurrency: new CfnParameter(stack, 'Provisioned', { type: 'Number' }).valueAsNumber,
        weightedRouting: { version: lambda.Version.fromVersionArn(stack, 'V', 'arn:aws:lambda:us-east-1:123456789012:function:f:1'), weight: 0.1 },
      },
    });
    expect(synthErrors(stack)).toEqual(['[Test/Fn/Release/Alias/Resource] LambdaBlueprints-LambdaAliasRouting: provisionedConcurrency (ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions) is {"Ref":"Provisioned"} with weighted routing, allowed is provisioned '
      + 'concurrency or weighted routing, because Lambda cannot change provisioned concurrency on an alias while it routes weighted traffic.']);
  });
});

describe('alarm thresholds CloudWatch takes are accepted', () => {
  test('messageAgeThreshold 1.5 s and iteratorAgeThreshold 0.5 ms', () => {
    const stack = newStack();
    new QueueToFunction(stack, 'Jobs', { functionProps: FN_PROPS, sourceOptions: { messageAgeThreshold: Duration.millis(1500) } });
    new KinesisToFunction(stack, 'Stream', { functionProps: FN_PROPS, sourceOptions: { startingPosition: lambda.StartingPosition.LATEST, iteratorAgeThreshold: Duration.millis(0.5) } });
    expect(synthErrors(stack)).toEqual([]);
    const alarms = Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm');
    const thresholds = Object.values(alarms).map((a: any) => [a.Properties.MetricName, a.Properties.Threshold]);
    expect(thresholds).toEqual(expect.arrayContaining([['ApproximateAgeOfOldestMessage', 1.5], ['IteratorAge', 0.5]]));
  });
});

describe('Runtime.FROM_IMAGE with a zip package is reported with its path and prop (aws-cdk-lib throws without them)', () => {
  test('at the blueprint, under LambdaImageUri, with every other problem', () => {
    const stack = newStack();
    new BlueprintFunction(stack, 'Fn', { ...FN_PROPS, runtime: lambda.Runtime.FROM_IMAGE, memorySize: 64 });
    expect(synthErrors(stack)).toEqual([
      '[Test/Fn] LambdaBlueprints-LambdaImageUri: runtime is Runtime.FROM_IMAGE for a zip package, allowed is the runtime of the code\'s language '
        + '(e.g. Runtime.NODEJS_24_X), because Runtime.FROM_IMAGE goes with container image code only (BlueprintCode.fromImageAsset, '
        + 'BlueprintCode.fromEcr, lambda.Code.fromEcrImage).',
      '[Test/Fn/Function/Resource] LambdaBlueprints-LambdaMemorySize: memorySize (MemorySize) is 64 MB, allowed is a whole number 128–10,240 MB, '
        + 'because Lambda allocates memory in whole MB from 128 to 10,240 MB (CPU scales with it).',
    ]);
  });
});

describe('an imported layer that declares no runtime is reported with its path and prop (aws-cdk-lib throws without them)', () => {
  test('BlueprintLayer.fromLayerVersionAttributes with compatibleRuntimes: []', () => {
    const stack = newStack();
    const layer = BlueprintLayer.fromLayerVersionAttributes(stack, 'Deps', { layerVersionArn: 'arn:aws:lambda:us-east-1:123456789012:layer:deps:1', compatibleRuntimes: [] });
    new BlueprintFunction(stack, 'Fn', { ...FN_PROPS, layers: [layer] });
    expect(synthErrors(stack)).toEqual([
      '[Test/Deps] LambdaBlueprints-LambdaLayers: compatibleRuntimes is [] (no runtime), allowed is at least one runtime, or the prop unset when the '
        + 'runtimes are unknown, because a layer that declares no compatible runtime can be attached to no function.',
    ]);
  });
});

describe('QueueToFunction maxReceiveCount 0 is reported with its path and prop (aws-cdk-lib throws without them)', () => {
  test.each([[0, '0'], [NaN, 'NaN']])('%p', (maxReceiveCount, printed) => {
    const stack = newStack();
    new QueueToFunction(stack, 'Jobs', { functionProps: FN_PROPS, maxReceiveCount });
    expect(synthErrors(stack)).toEqual([
      `[Test/Jobs] LambdaBlueprints-SqsSourceMaxReceiveCount: maxReceiveCount is ${printed} receives, allowed is a whole number 5–1,000 receives, because a redrive maxReceiveCount of at least 5 keeps transient failures out of the DLQ.`,
    ]);
  });
});

describe('what a blueprint wires but does not own is checked as in LambdaBlueprintChecks', () => {
  test('a plain function with its own DLQ, granted write on the bucket that S3ToFunction makes it listen to: the self-trigger loop', () => {
    const stack = newStack();
    const fn = new lambda.Function(stack, 'Plain', { ...FN_PROPS, deadLetterQueue: new sqs.Queue(stack, 'Dlq', { enforceSSL: true }) });
    const bucket = new s3.Bucket(stack, 'Uploads', { enforceSSL: true });
    bucket.grantWrite(fn);
    new S3ToFunction(stack, 'T', { function: fn, bucket });
    const found = both(stack, 'S3NotificationSelfTrigger');
    expect(found).toEqual([{
      id: 'LambdaBlueprints-S3NotificationSelfTrigger',
      severity: 'error',
      path: 'Test/Uploads/Notifications/Resource',
      message: 'NotificationConfiguration is no key filter → Test/Plain/Resource, whose role allows s3:PutObject on keys "*", allowed is '
        + 'a filter no key the function may write can match (or write to another bucket), because every object the function writes there invokes it '
        + 'again: an endless, costly loop.',
    }]);
  });

  test('a plain source queue whose visibility is a Lazy 1,000,000 s', () => {
    const stack = newStack();
    const queue = new sqs.Queue(stack, 'Jobs', { enforceSSL: true });
    (queue.node.defaultChild as sqs.CfnQueue).visibilityTimeout = Lazy.number({ produce: () => 1_000_000 });
    const fn = new BlueprintFunction(stack, 'Fn', FN_PROPS);
    fn.addEventSource(new QueueSource(queue));
    expect(both(stack, 'SqsQueueSettings')).toEqual([{
      id: 'LambdaBlueprints-SqsQueueSettings',
      severity: 'error',
      path: 'Test/Jobs/Resource',
      message: 'visibilityTimeout (VisibilityTimeout) is 1,000,000 s, allowed is a whole number 0–43,200 s, because an SQS visibility timeout is at most 12 hours.',
    }]);
  });
});

describe('an imported function names the check it prevents', () => {
  test('CognitoToFunction: the 5 s timeout could not be checked (warning, both modes)', () => {
    const stack = newStack();
    const pool = new cognito.UserPool(stack, 'Pool');
    new CognitoToFunction(stack, 'T', {
      userPool: pool,
      operation: cognito.UserPoolOperation.PRE_SIGN_UP,
      function: lambda.Function.fromFunctionArn(stack, 'Imported', 'arn:aws:lambda:us-east-1:123456789012:function:signup'),
    });
    expect(both(stack, 'CognitoTriggerUnknownTimeout')).toEqual([{
      id: 'LambdaBlueprints-CognitoTriggerUnknownTimeout',
      severity: 'warning',
      path: 'Test/Pool/Resource',
      message: 'LambdaConfig.PreSignUp is "arn:aws:lambda:us-east-1:123456789012:function:signup" (an imported function: its timeout is unknown at synth), '
        + 'allowed is a function whose Timeout is at most 5 s, because Amazon Cognito invokes a user pool trigger synchronously and waits at most 5 s for it '
        + '(3 attempts in all), then fails the user\'s request: a function allowed to run longer fails sign-ups and sign-ins instead of finishing; '
        + 'check it yourself or define the function in this app.',
    }]);
  });

  test('CognitoToFunction with a function of the app: no such warning', () => {
    const stack = newStack();
    new CognitoToFunction(stack, 'T', {
      userPool: new cognito.UserPool(stack, 'Pool'),
      operation: cognito.UserPoolOperation.PRE_SIGN_UP,
      function: new BlueprintFunction(stack, 'Fn', { ...FN_PROPS, timeout: Duration.seconds(5) }),
    });
    expect(both(stack, 'CognitoTriggerUnknownTimeout')).toEqual([]);
  });

  test('S3ToFunction: the self-trigger check could not read the role (warning, both modes)', () => {
    const stack = newStack();
    const bucket = new s3.Bucket(stack, 'Uploads', { enforceSSL: true });
    new S3ToFunction(stack, 'T', { bucket, function: lambda.Function.fromFunctionArn(stack, 'Imported', 'arn:aws:lambda:us-east-1:123456789012:function:thumbs') });
    expect(both(stack, 'LambdaImportedRole')).toEqual([{
      id: 'LambdaBlueprints-LambdaImportedRole',
      severity: 'warning',
      path: 'Test/Uploads/Notifications/Resource',
      message: 'NotificationConfiguration is no key filter → "arn:aws:lambda:us-east-1:123456789012:function:thumbs" (an imported function: its role\'s grants '
        + 'are unknown at synth), allowed is a function defined in this app, or a manual check that the function cannot write to the bucket, because the '
        + 'S3NotificationSelfTrigger and LambdaEventLoop rules read the role\'s grants to find event loops.',
    }]);
  });
});

describe('an app-level standard\'s tags reach functions in a nested stage (aspects stop at stages)', () => {
  class OwnerTagRequired extends StandardRule {
    constructor() {
      super({ id: 'AcmeOwnerTag' });
    }
    public check(resource: RuleResource): RuleViolation[] {
      const tags: Array<{ Key?: string }> = resource.property('Tags') || [];
      return tags.some(t => t.Key === 'owner') ? [] : [{ property: 'Tags', value: 'no "owner" tag', allowed: 'an "owner" tag', reason: 'on-call needs to know whom to page' }];
    }
  }

  function ownerTags(stack: Stack): unknown[] {
    return Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function'))
      .map((f: any) => (f.Properties.Tags ?? []).find((t: any) => t.Key === 'owner')?.Value);
  }

  test('the README\'s example as it was: the owner tag set at the app, a stage with its own standard', () => {
    const app = new App();
    BlueprintStandards.of(app).apply({ name: 'acme', defaults: { memorySize: 512, tags: { owner: 'orders-team' } }, rules: { customRules: [new OwnerTagRequired()] } });
    const prod = new Stage(app, 'Prod');
    BlueprintStandards.of(prod).apply({ name: 'acme-prod', defaults: { logRetention: logs.RetentionDays.THREE_MONTHS } });
    const orders = new Stack(prod, 'Orders');
    new BlueprintFunction(orders, 'OrdersHandler', FN_PROPS);
    expect(() => app.synth()).not.toThrow();
    expect(ownerTags(orders)).toEqual(['orders-team']);
  });

  test('a stage without a standard of its own, and a plain function beside the blueprint in a stage with one', () => {
    const app = new App();
    BlueprintStandards.of(app).apply({ name: 'acme', defaults: { tags: { owner: 'platform', cost: 'shared' } } });
    const plainStage = new Stage(app, 'Dev');
    const dev = new Stack(plainStage, 'Svc');
    new BlueprintFunction(dev, 'Fn', FN_PROPS);
    const prod = new Stage(app, 'Prod');
    BlueprintStandards.of(prod).apply({ name: 'acme-prod', defaults: { tags: { owner: 'orders-team' } } });
    const svc = new Stack(prod, 'Svc');
    new lambda.Function(svc, 'Plain', FN_PROPS);
    app.synth();
    expect(ownerTags(dev)).toEqual(['platform']);
    // The stage's own standard wins per key; the app's other tags still arrive.
    const plain = Object.values(Template.fromStack(svc).findResources('AWS::Lambda::Function'))[0] as any;
    expect(plain.Properties.Tags).toEqual(expect.arrayContaining([{ Key: 'owner', Value: 'orders-team' }, { Key: 'cost', Value: 'shared' }]));
  });
});
