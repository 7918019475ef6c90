import * as path from 'path';
import { Duration } from 'aws-cdk-lib';
import { Template, Match } from 'aws-cdk-lib/assertions';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { BlueprintAlarms, BlueprintCode, BlueprintFunction, BlueprintSecret, DeadLetterQueueMode } from '../../src';
import { nagFindings, newStack, statementsFor } from '../helpers';

const fixtures = path.join(__dirname, 'fixtures');
const inline = { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => 1;') };

describe('defaults', () => {
  const stack = newStack();
  const fn = new BlueprintFunction(stack, 'Fn', inline);
  const template = Template.fromStack(stack);

  test('memory, timeout, arm64, tracing and JSON logs are written into the template', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      MemorySize: 1024,
      Timeout: 30,
      Architectures: ['arm64'],
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: Match.stringLikeRegexp('FnLogGroup') } },
      DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('BlueprintAsyncDeadLetterQueue'), 'Arn'] } },
    });
  });

  test('the log group has a retention', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  test('the role has no managed policy and writes only to its own log group', () => {
    template.hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('BlueprintAsyncDeadLetterQueue'), 'Arn'] } }),
          Match.objectLike({ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('FnLogGroup'), 'Arn'] } }),
        ]),
      },
    });
  });

  test('the X-Ray wildcard is acknowledged with its reason, in the template too', () => {
    // Once in the template's Metadata, with the logical ids it covers (the role and its policy).
    const [policyId] = Object.keys(template.findResources('AWS::IAM::Policy'));
    const acknowledgements = template.toJSON().Metadata.cdk_lambda_blueprints_acknowledgements;
    expect(acknowledgements.filter((a: { id: string }) => a.id === 'AwsSolutions-IAM5[Resource::*]')).toEqual([
      { id: 'AwsSolutions-IAM5[Resource::*]', reason: expect.stringMatching(/X-Ray/), resources: [expect.stringMatching(/^FnServiceRole/), policyId] },
    ]);
  });

  test('the shared DLQ is encrypted, TLS-only and alarmed', () => {
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1_209_600 });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: { Statement: [Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })] },
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 0 });
  });

  test('Errors and Throttles alarms exist', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Errors', Namespace: 'AWS/Lambda', Threshold: 0 });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Throttles', Namespace: 'AWS/Lambda', Threshold: 0 });
  });

  test('parts are exposed', () => {
    expect(fn.function).toBeInstanceOf(lambda.Function);
    expect(fn.role).toBe(fn.grantPrincipal);
    expect(stack.resolve(fn.function.logGroup.logGroupName)).toEqual(stack.resolve(fn.logGroup.logGroupName));
    expect(fn.deadLetterQueue?.node.path).toBe('Test/BlueprintAsyncDeadLetterQueue/Queue');
    expect(fn.errorsAlarm?.node.path).toBe('Test/Fn/ErrorsAlarm');
    expect(fn.throttlesAlarm?.node.path).toBe('Test/Fn/ThrottlesAlarm');
  });

  test('cdk-nag AwsSolutions + Serverless: zero unacknowledged findings', () => {
    expect(nagFindings(stack)).toEqual([]);
  });
});

test('functions of one stack share one DLQ; PER_FUNCTION gives each its own', () => {
  const stack = newStack();
  const a = new BlueprintFunction(stack, 'A', inline);
  const b = new BlueprintFunction(stack, 'B', inline);
  const c = new BlueprintFunction(stack, 'C', { ...inline, deadLetterQueueMode: DeadLetterQueueMode.PER_FUNCTION });
  expect(a.deadLetterQueue).toBe(b.deadLetterQueue);
  expect(c.deadLetterQueue).not.toBe(a.deadLetterQueue);
  Template.fromStack(stack).resourceCountIs('AWS::SQS::Queue', 2);
  expect(nagFindings(stack)).toEqual([]);
});

test('a given DLQ topic replaces the queue', () => {
  const stack = newStack();
  const topic = new sns.Topic(stack, 'Dlq', { enforceSSL: true, masterKey: new kms.Key(stack, 'K', { enableKeyRotation: true }) });
  const fn = new BlueprintFunction(stack, 'Fn', { ...inline, deadLetterTopic: topic });
  expect(fn.deadLetterQueue).toBeUndefined();
  Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', { DeadLetterConfig: { TargetArn: { Ref: Match.stringLikeRegexp('Dlq') } } });
  Template.fromStack(stack).resourceCountIs('AWS::SQS::Queue', 0);
});

test('alarms can be turned off and sent to one topic', () => {
  const stack = newStack();
  const quiet = new BlueprintFunction(stack, 'Quiet', { ...inline, alarms: false });
  expect(quiet.errorsAlarm).toBeUndefined();
  const topic = new sns.Topic(stack, 'Alarms');
  new BlueprintFunction(stack, 'Loud', inline);
  BlueprintAlarms.notify(stack, topic);
  expect(BlueprintAlarms.topicOf(stack)).toBe(topic);
  // DLQ depth + Errors + Throttles + p99 Duration of Loud; Quiet has none of its own.
  expect(BlueprintAlarms.alarmsOf(stack)).toHaveLength(4);
  const alarms = Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm');
  for (const alarm of Object.values(alarms)) {
    expect(alarm.Properties.AlarmActions).toEqual([{ Ref: expect.stringMatching(/^Alarms/) }]);
  }
});

describe('secrets by reference', () => {
  const stack = newStack();
  const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
  const param = ssm.StringParameter.fromSecureStringParameterAttributes(stack, 'Param', { parameterName: '/app/db-password', encryptionKey: key });
  const secret = new secretsmanager.Secret(stack, 'Secret');
  new BlueprintFunction(stack, 'Fn', {
    ...inline,
    environmentEncryption: key,
    secrets: { DB_PASSWORD_PARAMETER: BlueprintSecret.fromSsmSecureString(param), API_TOKEN_SECRET: BlueprintSecret.fromSecretsManager(secret) },
  });
  const template = Template.fromStack(stack);

  test('the environment holds the name and the ARN, never the value', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: { DB_PASSWORD_PARAMETER: '/app/db-password', API_TOKEN_SECRET: { Ref: Match.stringLikeRegexp('Secret') } } },
      KmsKeyArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('Key'), 'Arn'] },
    });
  });

  test('the role may read exactly those secrets (and decrypt with their key), nothing else of SSM, Secrets Manager or KMS', () => {
    expect(statementsFor(template, 'ssm', 'secretsmanager', 'kms')).toEqual([
      { Action: ['kms:Decrypt'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [stack.getLogicalId(key.node.defaultChild as kms.CfnKey), 'Arn'] } },
      {
        Action: ['ssm:DescribeParameters', 'ssm:GetParameters', 'ssm:GetParameter', 'ssm:GetParameterHistory'],
        Effect: 'Allow',
        Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ssm:us-east-1:123456789012:parameter/app/db-password']] },
      },
      { Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Effect: 'Allow', Resource: { Ref: stack.getLogicalId(secret.node.defaultChild as secretsmanager.CfnSecret) } },
    ]);
  });
});

describe('BlueprintCode', () => {
  test('a small dependency-free handler is inlined', () => {
    expect(BlueprintCode.wouldInline(path.join(__dirname, '..', '..', 'examples', 'handlers', 'hello.js'))).toBe(true);
    expect(BlueprintCode.wouldInline(path.join(fixtures, 'tiny.py'))).toBe(true);
  });
  test('a handler with a dependency becomes an asset', () => {
    expect(BlueprintCode.wouldInline(path.join(fixtures, 'with-dependency.js'))).toBe(false);
  });
  test('a handler above the threshold becomes an asset', () => {
    expect(BlueprintCode.wouldInline(path.join(fixtures, 'tiny.py'), { inlineThresholdBytes: 10 })).toBe(false);
  });
  test('other files are refused', () => {
    expect(() => BlueprintCode.fromFile(path.join(fixtures, 'nope.ts'))).toThrow(/must be a .js, .mjs, .cjs or .py handler file/);
  });
});

describe('snapshots', () => {
  test('inline Node.js handler (Code.ZipFile)', () => {
    const stack = newStack();
    new BlueprintFunction(stack, 'Fn', { ...inline, code: BlueprintCode.fromFile(path.join(__dirname, '..', '..', 'examples', 'handlers', 'hello.js')) });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::Function', { Code: { ZipFile: Match.stringLikeRegexp('exports.handler') } });
    expect(template.toJSON()).toMatchSnapshot();
  });

  test('asset handler (S3Bucket/S3Key)', () => {
    const stack = newStack();
    new BlueprintFunction(stack, 'Fn', { ...inline, code: BlueprintCode.fromFile(path.join(fixtures, 'with-dependency.js')) });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::Function', { Code: { S3Bucket: Match.anyValue(), S3Key: Match.stringLikeRegexp('^[0-9a-f]{64}\\.zip$') } });
    expect(template.toJSON()).toMatchSnapshot();
  });

  test('bucket code with an object version (S3ObjectVersion)', () => {
    const stack = newStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'Code', 'my-code-bucket');
    new BlueprintFunction(stack, 'Fn', { ...inline, code: lambda.Code.fromBucket(bucket, 'app.zip', '3HL4kqtJlcpXroDTDmJ') });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::Function', { Code: { S3Bucket: 'my-code-bucket', S3Key: 'app.zip', S3ObjectVersion: '3HL4kqtJlcpXroDTDmJ' } });
    expect(template.toJSON()).toMatchSnapshot();
  });

  test('container image from ECR', () => {
    const stack = newStack();
    const repo = ecr.Repository.fromRepositoryName(stack, 'Repo', 'orders');
    new BlueprintFunction(stack, 'Fn', {
      runtime: lambda.Runtime.FROM_IMAGE,
      handler: lambda.Handler.FROM_IMAGE,
      code: lambda.Code.fromEcrImage(repo, { tagOrDigest: 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' }),
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::Function', { PackageType: 'Image', Code: { ImageUri: Match.anyValue() } });
    expect(nagFindings(stack)).toEqual([]);
    expect(template.toJSON()).toMatchSnapshot();
  });
});

test('the L2 surface stays usable: grantInvoke, addToRolePolicy, addEventSource', () => {
  const stack = newStack();
  const fn = new BlueprintFunction(stack, 'Fn', inline);
  const queue = new sqs.Queue(stack, 'Work', { visibilityTimeout: Duration.minutes(3) });
  fn.addEventSource(new SqsEventSource(queue));
  const caller = new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });
  fn.grantInvoke(caller);
  fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::bucket/key'] }));
  const template = Template.fromStack(stack);
  template.hasResourceProperties('AWS::IAM::Policy', {
    Roles: [{ Ref: Match.stringLikeRegexp('Caller') }],
    PolicyDocument: { Statement: [Match.objectLike({ Action: 'lambda:InvokeFunction' })] },
  });
  template.hasResourceProperties('AWS::IAM::Policy', {
    PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/key' })]) },
  });
  template.resourcePropertiesCountIs('AWS::Lambda::EventSourceMapping', {
    FunctionName: { Ref: stack.getLogicalId(fn.cfn) },
    EventSourceArn: { 'Fn::GetAtt': [stack.getLogicalId(queue.node.defaultChild as sqs.CfnQueue), 'Arn'] },
  }, 1);
});
