import { CfnParameter, Duration } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { newFunction } from './fixtures';
import { AsyncDestination, DurableQueue, EventBridgeToFunction, S3ToFunction, SnsToFunction } from '../../src';
import { expectErrors, nagFindings, newStack, synthErrors } from '../helpers';

function newBucket(scope: import('constructs').Construct, id = 'Bucket', versioned = true): s3.Bucket {
  return new s3.Bucket(scope, id, {
    versioned,
    enforceSSL: true,
    encryption: s3.BucketEncryption.S3_MANAGED,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    serverAccessLogsPrefix: 'access-logs/',
  });
}

describe('S3ToFunction', () => {
  test('notifications with filters and a permission scoped to the bucket ARN and account (snapshot)', () => {
    const stack = newStack();
    const fn = newFunction(stack);
    const bucket = newBucket(stack);
    const trigger = new S3ToFunction(stack, 'Uploads', { function: fn, bucket, prefix: 'incoming/', suffix: '.csv' });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [{
          Events: ['s3:ObjectCreated:*'],
          Filter: { Key: { FilterRules: [{ Name: 'suffix', Value: '.csv' }, { Name: 'prefix', Value: 'incoming/' }] } },
          LambdaFunctionArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^FnFunction'), 'Arn'] },
        }],
      },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Principal: 's3.amazonaws.com',
      SourceAccount: '123456789012',
      SourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Bucket'), 'Arn'] },
    });
    expect(trigger.events).toEqual([s3.EventType.OBJECT_CREATED]);
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('S3NotificationVersioning'));
    expect(nagFindings(stack)).toEqual([]);
    expect(template.toJSON()).toMatchSnapshot();
  });

  test('several events without filters; an unversioned bucket gets a warning', () => {
    const stack = newStack();
    const bucket = newBucket(stack, 'Bucket', false);
    new S3ToFunction(stack, 'T', { function: newFunction(stack), bucket, events: [s3.EventType.OBJECT_CREATED, s3.EventType.OBJECT_REMOVED] });
    const config = Template.fromStack(stack).findResources('Custom::S3BucketNotifications');
    const rules = Object.values(config)[0].Properties.NotificationConfiguration.LambdaFunctionConfigurations;
    expect(rules.map((r: any) => r.Events[0])).toEqual(['s3:ObjectCreated:*', 's3:ObjectRemoved:*']);
    expect(rules[0].Filter).toBeUndefined();
    // A rule of the library (S3NotificationVersioning), reported at the bucket's notifications as LambdaBlueprintChecks does.
    Annotations.fromStack(stack).hasWarning('/Test/Bucket/Notifications/Resource', 'VersioningConfiguration is not set on Test/Bucket/Resource, which invokes a '
      + 'function (no key filter), allowed is Status "Enabled", because with versions every write is one object version and one event, and an overwrite '
      + 'the function has not processed yet is not lost. [ack: LambdaBlueprints-S3NotificationVersioning]');
  });

  test('a trigger on a bucket the function writes to is refused without separating filters', () => {
    const stack = newStack();
    const fn = newFunction(stack);
    const bucket = newBucket(stack);
    bucket.grantWrite(fn);
    new S3ToFunction(stack, 'T', { function: fn, bucket });
    expectErrors(stack, /^\[Test\/Bucket\/Notifications\/Resource\] LambdaBlueprints-S3NotificationSelfTrigger: NotificationConfiguration is no key filter → Test\/Fn\/Function\/Resource, whose role allows s3:PutObject on keys "\*", allowed is a filter no key the function may write can match \(or write to another bucket\), because every object the function writes there invokes it again: an endless, costly loop\.$/);
  });

  // What the function writes is read from its role's s3:PutObject grants (writesToPrefix/writesToSuffix are gone).
  test.each([
    ['overlapping prefixes', { prefix: 'in/' }, 'in/out/*', 'prefix "in/"'],
    ['same suffix', { suffix: '.csv' }, '*.csv', 'suffix ".csv"'],
    ['a grant on every key', { prefix: 'in/' }, '*', 'prefix "in/"'],
  ])('self-trigger with %s is refused (bucket of the stack)', (_name, filters, written, filter) => {
    const stack = newStack();
    const fn = newFunction(stack);
    const bucket = newBucket(stack);
    bucket.grantWrite(fn, written);
    new S3ToFunction(stack, 'T', { function: fn, bucket, ...filters });
    expectErrors(stack, new RegExp(`^\\[Test/Bucket/Notifications/Resource\\] LambdaBlueprints-S3NotificationSelfTrigger: NotificationConfiguration is ${filter} → Test/Fn/Function/Resource, whose role allows s3:PutObject on keys ${JSON.stringify(written).replace(/\*/g, '\\*')}, allowed is a filter no key`));
  });

  test.each([
    ['overlapping prefixes', { prefix: 'in/' }, 'in/out/*', 'prefix "in/"'],
    ['same suffix', { suffix: '.csv' }, '*.csv', 'suffix ".csv"'],
    ['a grant on every key', { prefix: 'in/' }, '*', 'prefix "in/"'],
  ])('self-trigger with %s is refused (imported bucket)', (_name, filters, written, filter) => {
    const stack = newStack();
    const fn = newFunction(stack);
    const bucket = s3.Bucket.fromBucketName(stack, 'Imported', 'my-data-bucket');
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [bucket.arnForObjects(written)] }));
    new S3ToFunction(stack, 'T', { function: fn, bucket, ...filters });
    expectErrors(stack, new RegExp(`^\\[Test/Imported/Notifications/Resource\\] LambdaBlueprints-S3NotificationSelfTrigger: NotificationConfiguration is ${filter} → Test/Fn/Function/Resource, whose role allows s3:PutObject on keys ${JSON.stringify(written).replace(/\*/g, '\\*')}, allowed is a filter no key`));
  });

  test.each([
    ['disjoint prefixes', { prefix: 'in/' }, 'out/*'],
    ['different suffixes', { suffix: '.csv' }, '*.json'],
    ['a token prefix', { prefix: 'in/' }, 'TOKEN'],
  ])('self-trigger separated by %s is accepted', (_name, filters, written) => {
    const stack = newStack();
    const fn = newFunction(stack);
    const bucket = newBucket(stack);
    bucket.grantRead(fn);
    bucket.grantWrite(fn, written === 'TOKEN' ? `${new CfnParameter(stack, 'P').valueAsString}*` : written);
    new S3ToFunction(stack, 'T', { function: fn, bucket, ...filters });
    expect(synthErrors(stack)).toEqual([]);
  });

  test('writing to another bucket or reading the trigger bucket is no self-trigger', () => {
    const stack = newStack();
    const fn = newFunction(stack);
    const bucket = newBucket(stack);
    bucket.grantRead(fn);
    newBucket(stack, 'Other').grantWrite(fn);
    new S3ToFunction(stack, 'T', { function: fn, bucket });
    expect(synthErrors(stack)).toEqual([]);
  });

  test('a wildcard write statement counts as writing to the bucket', () => {
    const stack = newStack();
    const fn = newFunction(stack);
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
    new S3ToFunction(stack, 'T', { function: fn, bucket: newBucket(stack) });
    expect(synthErrors(stack)).toEqual([expect.stringMatching(/^\[Test\/Bucket\/Notifications\/Resource\] LambdaBlueprints-S3NotificationSelfTrigger: NotificationConfiguration is no key filter → Test\/Fn\/Function\/Resource, whose role allows s3:PutObject on keys "\*"/)]);
  });

  test('a function without any failure path is refused', () => {
    const stack = newStack();
    const fn = newFunction(stack);
    fn.cfn.deadLetterConfig = undefined;
    new S3ToFunction(stack, 'T', { function: fn, bucket: newBucket(stack) });
    expectErrors(stack, /^\[Test\/Fn\/Function\/Resource\] LambdaBlueprints-LambdaAsyncFailurePath: DeadLetterConfig is not set and no on-failure destination, but Test\/Bucket\/Notifications\/Resource \(S3 notification\) invokes it asynchronously, allowed is a dead-letter queue \(DeadLetterConfig\) or an EventInvokeConfig with an on-failure destination, because Lambda drops an asynchronous event after its retries unless a failure path catches it\.$/);
  });

  test('an on-failure destination is a failure path too', () => {
    const stack = newStack();
    const fn = newFunction(stack, 'Fn', { asyncInvoke: { onFailure: AsyncDestination.toQueue(new DurableQueue(stack, 'F').queue) } });
    fn.cfn.deadLetterConfig = undefined;
    new S3ToFunction(stack, 'T', { function: fn, bucket: newBucket(stack) });
    expect(synthErrors(stack)).toEqual([]);
  });
});

describe('SnsToFunction', () => {
  test('a subscription with a redrive DLQ and a scoped permission (snapshot)', () => {
    const stack = newStack();
    const topic = new sns.Topic(stack, 'Orders', { enforceSSL: true, masterKey: undefined });
    const trigger = new SnsToFunction(stack, 'OrdersTrigger', {
      function: newFunction(stack),
      topic,
      filterPolicy: { type: sns.SubscriptionFilter.stringFilter({ allowlist: ['created'] }) },
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: { Ref: Match.stringLikeRegexp('^Orders') },
      Endpoint: { 'Fn::GetAtt': [Match.stringLikeRegexp('^FnFunction'), 'Arn'] },
      FilterPolicy: { type: ['created'] },
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^OrdersTriggerDeadLetterQueue'), 'Arn'] } },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Principal: 'sns.amazonaws.com', SourceAccount: '123456789012', SourceArn: { Ref: Match.stringLikeRegexp('^Orders') },
    });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'sqs:SendMessage', Principal: { Service: 'sns.amazonaws.com' } })]) },
    });
    expect(trigger.subscription.deadLetterQueue).toBe(trigger.deadLetterQueue);
    expect(trigger.deadLetterQueue.node.path).toBe('Test/OrdersTrigger/DeadLetterQueue/Queue');
    expect(nagFindings(stack).filter(f => !f.includes('/Orders/'))).toEqual([]);
    expect(template.toJSON()).toMatchSnapshot();
  });

  test('an imported topic and a given DLQ', () => {
    const stack = newStack();
    const topic = sns.Topic.fromTopicArn(stack, 'T', 'arn:aws:sns:us-east-1:210987654321:shared');
    const dlq = new DurableQueue(stack, 'Dlq').queue;
    const trigger = new SnsToFunction(stack, 'Trigger', { function: newFunction(stack), topic, deadLetterQueue: dlq });
    expect(trigger.deadLetterQueue).toBe(dlq);
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Permission', {
      SourceAccount: '210987654321', SourceArn: 'arn:aws:sns:us-east-1:210987654321:shared',
    });
    Template.fromStack(stack).resourceCountIs('AWS::SQS::Queue', 2);
  });

  test('a function without any failure path is refused', () => {
    const stack = newStack();
    const fn = newFunction(stack);
    fn.cfn.deadLetterConfig = undefined;
    new SnsToFunction(stack, 'T', { function: fn, topic: new sns.Topic(stack, 'Topic') });
    expectErrors(stack, /^\[Test\/Fn\/Function\/Resource\] LambdaBlueprints-LambdaAsyncFailurePath: DeadLetterConfig is not set and no on-failure destination, but Test\/T\/Subscription\/Resource \(SNS subscription\) invokes it asynchronously/);
  });
});

describe('EventBridgeToFunction', () => {
  test('a schedule with a target DLQ, retry policy and a scoped permission (snapshot)', () => {
    const stack = newStack();
    const trigger = new EventBridgeToFunction(stack, 'Nightly', {
      function: newFunction(stack),
      schedule: events.Schedule.cron({ minute: '0', hour: '3' }),
      retryAttempts: 4,
      maxEventAge: Duration.hours(2),
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(0 3 * * ? *)',
      Targets: [Match.objectLike({
        Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^FnFunction'), 'Arn'] },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^NightlyDeadLetterQueue'), 'Arn'] } },
        RetryPolicy: { MaximumRetryAttempts: 4, MaximumEventAgeInSeconds: 7200 },
      })],
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Principal: 'events.amazonaws.com', SourceAccount: '123456789012', SourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^NightlyRule'), 'Arn'] },
    });
    expect(trigger.rule.node.path).toBe('Test/Nightly/Rule');
    expect(nagFindings(stack)).toEqual([]);
    expect(template.toJSON()).toMatchSnapshot();
  });

  test('an event pattern on a custom bus with the default retry policy', () => {
    const stack = newStack();
    const bus = new events.EventBus(stack, 'Bus');
    new EventBridgeToFunction(stack, 'T', { function: newFunction(stack), eventBus: bus, eventPattern: { source: ['orders'] } });
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      EventBusName: { Ref: Match.stringLikeRegexp('^Bus') },
      EventPattern: { source: ['orders'] },
      Targets: [Match.objectLike({ RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86400 } })],
    });
  });

  function withRetry(retryAttempts?: number, maxEventAge?: Duration) {
    const stack = newStack();
    new EventBridgeToFunction(stack, 'T', { function: newFunction(stack), schedule: events.Schedule.rate(Duration.hours(1)), retryAttempts, maxEventAge });
    return stack;
  }

  test.each([0, 185])('retryAttempts %d is accepted', (n) => expect(synthErrors(withRetry(n))).toEqual([]));
  test.each([-1, 186])('retryAttempts %d is refused', (n) => {
    expectErrors(withRetry(n), new RegExp(`^\\[Test/T/Rule/Resource\\] LambdaBlueprints-EventBridgeTargetRetry: retryAttempts \\(RetryPolicy.MaximumRetryAttempts\\) is ${n} retries, allowed is a whole number 0–185 retries, because an EventBridge target retries 0 to 185 times\\.`));
  });
  test('a fractional retryAttempts is refused', () => expectErrors(withRetry(1.5), /retryAttempts \(RetryPolicy.MaximumRetryAttempts\) is 1\.5 retries/));
  test.each([60, 86_400])('maxEventAge %d s is accepted', (s) => expect(synthErrors(withRetry(undefined, Duration.seconds(s)))).toEqual([]));
  test.each([59, 86_401])('maxEventAge %d s is refused', (s) => {
    expectErrors(withRetry(undefined, Duration.seconds(s)),
      new RegExp(`^\\[Test/T/Rule/Resource\\] LambdaBlueprints-EventBridgeTargetRetry: maxEventAge \\(RetryPolicy.MaximumEventAgeInSeconds\\) is ${s.toLocaleString('en-US')} s, allowed is a whole number 60–86,400 s, because EventBridge keeps an event for a target between 60 s and 24 h\\.`));
  });
  test('tokens are accepted', () => {
    const stack = newStack();
    const n = new CfnParameter(stack, 'N', { type: 'Number' }).valueAsNumber;
    new EventBridgeToFunction(stack, 'T', { function: newFunction(stack), schedule: events.Schedule.rate(Duration.hours(1)), retryAttempts: n, maxEventAge: Duration.seconds(n) });
    expect(synthErrors(stack)).toEqual([]);
  });

  test('neither or both of schedule and eventPattern are refused', () => {
    const stack = newStack();
    new EventBridgeToFunction(stack, 'Both', { function: newFunction(stack), schedule: events.Schedule.rate(Duration.hours(1)), eventPattern: { source: ['x'] } });
    expect(synthErrors(stack).filter(e => /^\[Test\/Both\] LambdaBlueprints-EventBridgeToFunctionSource: schedule \/ eventPattern is both set, allowed is exactly one of them/.test(e))).toHaveLength(1);
    const stack2 = newStack();
    new EventBridgeToFunction(stack2, 'None', { function: newFunction(stack2) });
    expect(synthErrors(stack2).filter(e => /^\[Test\/None\] LambdaBlueprints-EventBridgeToFunctionSource: schedule \/ eventPattern is both missing, allowed is exactly one of them/.test(e))).toHaveLength(1);
  });

  test('a function without any failure path is refused', () => {
    const stack = newStack();
    const fn = newFunction(stack);
    fn.cfn.deadLetterConfig = undefined;
    new EventBridgeToFunction(stack, 'T', { function: fn, schedule: events.Schedule.rate(Duration.hours(1)) });
    expectErrors(stack, /^\[Test\/Fn\/Function\/Resource\] LambdaBlueprints-LambdaAsyncFailurePath: DeadLetterConfig is not set and no on-failure destination, but Test\/T\/Rule\/Resource \(EventBridge rule target\) invokes it asynchronously/);
  });
});
