import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { BlueprintFunction, QueueSource, S3ToFunction, SnsToFunction } from '../../../src';
import { both, constructMode, FN_PROPS, newStack, ofRule, packMode } from '../modes';

const fnProps = FN_PROPS;


function s3Worker(grant: (bucket: s3.Bucket, fn: BlueprintFunction) => void, prefix = 'in/'): Stack {
  const stack = newStack();
  const bucket = new s3.Bucket(stack, 'Data');
  const fn = new BlueprintFunction(stack, 'Fn', fnProps);
  grant(bucket, fn);
  new S3ToFunction(stack, 'OnUpload', { function: fn, bucket, prefix });
  return stack;
}

describe('S3 self-trigger from the role\'s real grants', () => {
  test('grantWrite on out/* with a trigger on in/ is accepted (no false positive)', () => {
    expect(both(s3Worker((bucket, fn) => bucket.grantWrite(fn.function, 'out/*')), 'S3NotificationSelfTrigger')).toEqual([]);
  });
  test('a whole-bucket grant with a trigger on in/ is refused (no false negative)', () => {
    expect(both(s3Worker((bucket, fn) => bucket.grantWrite(fn.function)), 'S3NotificationSelfTrigger')).toEqual([{
      id: 'LambdaBlueprints-S3NotificationSelfTrigger',
      severity: 'error',
      path: expect.stringMatching(/^Test\/Data\/Notifications\/Resource$/),
      message: 'NotificationConfiguration is prefix "in/" → Test/Fn/Function/Resource, whose role allows s3:PutObject on keys "*", allowed is a filter no key the function may write can match (or write to another bucket), because every object the function writes there invokes it again: an endless, costly loop.',
    }]);
  });
  test('a grant on in/processed/* with a trigger on in/ is refused (the written keys match the prefix)', () => {
    const stack = s3Worker((bucket, fn) => fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [bucket.arnForObjects('in/processed/*')] })));
    expect(both(stack, 'S3NotificationSelfTrigger')).toHaveLength(1);
  });
  test('a suffix keeps them apart: write *.json, trigger on *.csv', () => {
    const stack = newStack();
    const bucket = new s3.Bucket(stack, 'Data');
    const fn = new BlueprintFunction(stack, 'Fn', fnProps);
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [bucket.arnForObjects('*.json')] }));
    new S3ToFunction(stack, 'OnUpload', { function: fn, bucket, suffix: '.csv' });
    expect(both(stack, 'S3NotificationSelfTrigger')).toEqual([]);
  });
});

describe('S3 notification filters', () => {
  test('an empty prefix is reported, not thrown', () => {
    const stack = newStack();
    new S3ToFunction(stack, 'OnUpload', { function: new BlueprintFunction(stack, 'Fn', fnProps), bucket: new s3.Bucket(stack, 'Data'), prefix: '' });
    expect(ofRule(constructMode(stack), 'S3NotificationFilter')).toEqual([{
      id: 'LambdaBlueprints-S3NotificationFilter',
      severity: 'error',
      path: 'Test/OnUpload',
      message: 'prefix is "", allowed is a non-empty key prefix or suffix, or none (every key), because S3 refuses an empty filter rule value.',
    }]);
  });
  test('overlapping notifications on one bucket are refused', () => {
    const stack = newStack();
    const bucket = new s3.Bucket(stack, 'Data');
    new S3ToFunction(stack, 'A', { function: new BlueprintFunction(stack, 'FnA', fnProps), bucket, prefix: 'in/' });
    new S3ToFunction(stack, 'B', { function: new BlueprintFunction(stack, 'FnB', fnProps), bucket, prefix: 'in/csv/' });
    expect(both(stack, 'S3NotificationOverlap').map(r => r.message)).toEqual([
      'NotificationConfiguration is s3:ObjectCreated:* with prefix "in/" → Test/FnA/Function/Resource and s3:ObjectCreated:* with prefix "in/csv/" → Test/FnB/Function/Resource, allowed is configurations whose event types or key filters do not overlap, because S3 refuses overlapping notification configurations for the same event type ("Configurations overlap").',
    ]);
  });
  test('disjoint prefixes on one bucket are accepted', () => {
    const stack = newStack();
    const bucket = new s3.Bucket(stack, 'Data');
    new S3ToFunction(stack, 'A', { function: new BlueprintFunction(stack, 'FnA', fnProps), bucket, prefix: 'in/' });
    new S3ToFunction(stack, 'B', { function: new BlueprintFunction(stack, 'FnB', fnProps), bucket, prefix: 'out/' });
    expect(both(stack, 'S3NotificationOverlap')).toEqual([]);
  });
});

describe('event loops through a chain', () => {
  test('a function that publishes to the topic that triggers it', () => {
    const stack = newStack();
    const topic = new sns.Topic(stack, 'Events', { enforceSSL: true });
    const fn = new BlueprintFunction(stack, 'Fn', fnProps);
    new SnsToFunction(stack, 'OnEvent', { function: fn, topic });
    topic.grantPublish(fn);
    expect(both(stack, 'LambdaEventLoop')).toEqual([{
      id: 'LambdaBlueprints-LambdaEventLoop',
      severity: 'warning',
      path: 'Test/Fn/Function/Resource',
      message: 'event path is Test/Fn/Function/Resource (sns:Publish) → Test/Events/Resource (subscription) → Test/Fn/Function/Resource, allowed is no path from the function back to itself (or a filter, condition or stop the function enforces, acknowledged with its reason), because each event the function emits invokes it again: an endless, costly loop (AWS stops some recursive loops only after about 16 rounds).',
    }]);
  });
  test('S3 → SQS → function → S3: a loop through a queue', () => {
    const stack = newStack();
    const bucket = new s3.Bucket(stack, 'Data');
    const queue = new sqs.Queue(stack, 'Uploads', { visibilityTimeout: Duration.minutes(3) });
    bucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.SqsDestination(queue));
    const fn = new BlueprintFunction(stack, 'Fn', fnProps);
    fn.addEventSource(new QueueSource(queue));
    bucket.grantPut(fn.function);
    const found = both(stack, 'LambdaEventLoop');
    expect(found.map(r => r.message)).toEqual([
      expect.stringMatching(/^event path is Test\/Fn\/Function\/Resource \(s3:PutObject on keys "\*"\) → Test\/Data\/Resource \(notification\) → Test\/Uploads\/Resource \(event source mapping\) → Test\/Fn\/Function\/Resource, allowed is no path/),
    ]);
  });
  test('no loop when the function writes elsewhere', () => {
    const stack = newStack();
    const topic = new sns.Topic(stack, 'Events', { enforceSSL: true });
    const out = new sns.Topic(stack, 'Out', { enforceSSL: true });
    const fn = new BlueprintFunction(stack, 'Fn', fnProps);
    new SnsToFunction(stack, 'OnEvent', { function: fn, topic });
    out.grantPublish(fn);
    expect(both(stack, 'LambdaEventLoop')).toEqual([]);
  });
  test('an acknowledged loop is not reported in either mode', () => {
    const stack = newStack();
    const topic = new sns.Topic(stack, 'Events', { enforceSSL: true });
    const fn = new BlueprintFunction(stack, 'Fn', fnProps);
    new SnsToFunction(stack, 'OnEvent', { function: fn, topic });
    topic.grantPublish(fn);
    Validations.of(fn).acknowledge({ id: 'LambdaBlueprints-LambdaEventLoop', reason: 'The handler republishes only events without the processed attribute.' });
    expect(both(stack, 'LambdaEventLoop')).toEqual([]);
  });
});

describe('imported roles', () => {
  test('a triggered function with an imported role says which checks it cannot make', () => {
    const stack = newStack();
    const topic = new sns.Topic(stack, 'Events', { enforceSSL: true });
    const role = iam.Role.fromRoleArn(stack, 'Role', 'arn:aws:iam::123456789012:role/legacy');
    const fn = new lambda.Function(stack, 'Legacy', { ...fnProps, role });
    topic.addSubscription(new subscriptions.LambdaSubscription(fn));
    expect(ofRule(packMode(stack), 'LambdaImportedRole').map(r => r.message)).toEqual([
      'Role is "arn:aws:iam::123456789012:role/legacy" (imported: its grants are unknown at synth), allowed is a role defined in this app, or a manual check that the function cannot write to what triggers it, because the S3NotificationSelfTrigger and LambdaEventLoop rules read the role\'s grants to find event loops.',
    ]);
  });
});
