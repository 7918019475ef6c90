import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import { newStack } from '../../helpers';
import { blueprintFindings } from '../../nag/nag-helpers';

const RULE = 'S3NotificationSelfTrigger';

/** An L2 bucket notifying an L2 function; `write` grants s3:PutObject on every key (true) or on that key pattern. */
function l2(stack: Stack, write: boolean | string, filters: s3.NotificationKeyFilter[] = []): void {
  const bucket = new s3.Bucket(stack, 'Bucket');
  const fn = new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.h', code: lambda.Code.fromInline('x') });
  if (write) bucket.grantWrite(fn, write === true ? '*' : write);
  else bucket.grantRead(fn);
  bucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(fn), ...filters);
}

/** A native L1 bucket notification to an L1 function whose role has the given statement. */
function l1(stack: Stack, statement: Record<string, unknown>, filter?: s3.CfnBucket.NotificationFilterProperty, attach: 'inline' | 'policy' | 'managed' = 'inline'): void {
  const doc = { Version: '2012-10-17', Statement: [statement] };
  const role = new iam.CfnRole(stack, 'Role', {
    assumeRolePolicyDocument: {},
    policies: attach === 'inline' ? [{ policyName: 'p', policyDocument: doc }] : undefined,
  });
  if (attach === 'policy') new iam.CfnPolicy(stack, 'Policy', { policyName: 'p', policyDocument: doc, roles: [role.ref] });
  if (attach === 'managed') role.managedPolicyArns = [new iam.CfnManagedPolicy(stack, 'Managed', { policyDocument: doc }).ref];
  const fn = new lambda.CfnFunction(stack, 'Fn', { role: role.attrArn, code: { zipFile: 'x' }, runtime: 'nodejs22.x', handler: 'index.h' });
  new s3.CfnBucket(stack, 'Bucket', {
    bucketName: 'my-bucket',
    notificationConfiguration: { lambdaConfigurations: [{ event: 's3:ObjectCreated:*', function: fn.attrArn, filter }] },
  });
}

describe('S3NotificationSelfTrigger', () => {
  test('Compliance: the function only reads the bucket', () => {
    const stack = newStack();
    l2(stack, false);
    expect(blueprintFindings(stack, RULE)).toEqual([]);
  });
  // What the function may write is read from its grants: a filter separates only if no granted key matches it.
  test('Compliance: the function writes under out/, the notification is filtered by prefix incoming/', () => {
    const stack = newStack();
    l2(stack, 'out/*', [{ prefix: 'incoming/' }]);
    expect(blueprintFindings(stack, RULE)).toEqual([]);
  });
  test('Noncompliance: the function may write every key, so a prefix filter does not separate', () => {
    const stack = newStack();
    l2(stack, true, [{ prefix: 'incoming/' }]);
    expect(blueprintFindings(stack, RULE)).toEqual(['LambdaBlueprints-S3NotificationSelfTrigger @ Test/Bucket/Notifications/Resource']);
  });
  test('Compliance: an L1 notification with a suffix filter the granted keys cannot match', () => {
    const stack = newStack();
    l1(stack, { Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::my-bucket/*.json' }, { s3Key: { rules: [{ name: 'suffix', value: '.csv' }] } });
    expect(blueprintFindings(stack, RULE)).toEqual([]);
  });
  test('Compliance: writes to another bucket, or denied', () => {
    const a = newStack();
    l1(a, { Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::other-bucket/*' });
    const b = newStack();
    l1(b, { Effect: 'Deny', Action: 's3:*', Resource: '*' });
    expect([...blueprintFindings(a, RULE), ...blueprintFindings(b, RULE)]).toEqual([]);
  });
  test('Noncompliance: an L2 bucket notifying a function that may write to it (Custom::S3BucketNotifications)', () => {
    const stack = newStack();
    l2(stack, true);
    expect(blueprintFindings(stack, RULE)).toEqual(['LambdaBlueprints-S3NotificationSelfTrigger @ Test/Bucket/Notifications/Resource']);
  });
  test.each([
    ['inline', { Effect: 'Allow', Action: ['s3:Put*'], Resource: ['arn:aws:s3:::my-bucket/*'] }],
    ['policy', { Effect: 'Allow', Action: 's3:*', Resource: '*' }],
    ['managed', { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::my-*' }],
  ] as const)('Noncompliance: an unfiltered L1 notification, write access through a %s policy', (attach, statement) => {
    const stack = newStack();
    l1(stack, statement, undefined, attach);
    expect(blueprintFindings(stack, RULE)).toEqual(['LambdaBlueprints-S3NotificationSelfTrigger @ Test/Bucket']);
  });
});
