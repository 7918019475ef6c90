import { CfnParameter, Duration } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { BlueprintFunction, BlueprintFunctionProps, DynamoStreamToFunction, KinesisToFunction, QueueToFunction } from '../../src';
import { nagFindings, newStack, synthErrors } from '../helpers';
import { newFunction } from '../sources/fixtures';

const functionProps: BlueprintFunctionProps = {
  runtime: lambda.Runtime.NODEJS_24_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => ({ batchItemFailures: [] });'),
};

describe('KinesisToFunction', () => {
  test('defaults: encrypted stream, TRIM_HORIZON, failure queue, alarms, zero findings, snapshot', () => {
    const stack = newStack();
    const p = new KinesisToFunction(stack, 'Orders', { functionProps });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Kinesis::Stream', { ShardCount: 1, StreamEncryption: { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' } });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { StartingPosition: 'TRIM_HORIZON', BisectBatchOnFunctionError: true });
    expect(p.failureQueue).toBeDefined();
    expect(p.iteratorAgeAlarm).toBeDefined();
    expect(p.mapping).toBe(p.source.mapping);
    expect(p.requiredConcurrency).toBe(1);
    expect(nagFindings(stack)).toEqual([]);
    expect(template.toJSON()).toMatchSnapshot();
  });

  test('shards x parallelization and a warning when reserved concurrency is lower', () => {
    const stack = newStack();
    const p = new KinesisToFunction(stack, 'Orders', {
      functionProps: { ...functionProps, reservedConcurrentExecutions: 3 },
      streamProps: { shardCount: 2 },
      sourceOptions: { parallelizationFactor: 2 },
    });
    expect(p.requiredConcurrency).toBe(4);
    Annotations.fromStack(stack).hasWarning('/Test/Orders/Function/Function/Resource', Match.stringLikeRegexp('^reservedConcurrentExecutions \\(ReservedConcurrentExecutions\\) is 3, allowed is at least 4 \\(2 shards x ParallelizationFactor 2\\), because .*\\[ack: LambdaBlueprints-LambdaStreamConcurrency\\]$'));
  });

  test('a customer key on the created stream is acknowledged for KDS3 and decryptable', () => {
    const stack = newStack();
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    new KinesisToFunction(stack, 'Orders', { functionProps, streamProps: { encryptionKey: key } });
    Template.fromStack(stack).hasResourceProperties('AWS::Kinesis::Stream', { StreamEncryption: { EncryptionType: 'KMS' } });
    expect(nagFindings(stack)).toEqual([]);
  });

  test('an on-demand stream has no known concurrency', () => {
    const stack = newStack();
    const p = new KinesisToFunction(stack, 'Orders', { functionProps, streamProps: { streamMode: kinesis.StreamMode.ON_DEMAND } });
    expect(p.requiredConcurrency).toBeUndefined();
  });

  test('an unencrypted created stream is refused', () => {
    const stack = newStack();
    new KinesisToFunction(stack, 'Orders', { functionProps, streamProps: { encryption: kinesis.StreamEncryption.UNENCRYPTED } });
    expect(synthErrors(stack)).toEqual([expect.stringMatching(/^\[Test\/Orders\] LambdaBlueprints-KinesisStreamEncryption: streamProps.encryption is UNENCRYPTED, allowed is MANAGED or KMS/)]);
  });

  test('an existing stream and an existing function', () => {
    const stack = newStack();
    const fn = newFunction(stack);
    const stream = kinesis.Stream.fromStreamArn(stack, 'S', 'arn:aws:kinesis:us-east-1:123456789012:stream/s');
    const p = new KinesisToFunction(stack, 'Orders', { function: fn, existingStream: stream, sourceOptions: { startingPosition: lambda.StartingPosition.LATEST } });
    expect(p.function).toBe(fn);
    expect(p.stream).toBe(stream);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Kinesis::Stream', 0);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { StartingPosition: 'LATEST' });
  });

  test('function given twice or not at all is refused', () => {
    const stack = newStack();
    expect(() => new KinesisToFunction(stack, 'A', {})).toThrow(/give function or functionProps/);
    expect(() => new KinesisToFunction(stack, 'B', { functionProps, function: newFunction(stack) })).toThrow(/not both/);
  });

  test('alarmTopic sends the blueprint alarms to the topic', () => {
    const stack = newStack();
    const topic = new sns.Topic(stack, 'Alarms');
    new KinesisToFunction(stack, 'Orders', { functionProps, alarmTopic: topic });
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'IteratorAge', AlarmActions: [{ Ref: Match.stringLikeRegexp('^Alarms') }] });
  });
});

describe('DynamoStreamToFunction', () => {
  test('defaults: table with stream, PITR, KMS, TRIM_HORIZON, zero findings, snapshot', () => {
    const stack = newStack();
    const p = new DynamoStreamToFunction(stack, 'Cdc', { functionProps });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { StartingPosition: 'TRIM_HORIZON', EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^CdcTable'), 'StreamArn'] } });
    expect(p.failureQueue).toBeDefined();
    expect(p.iteratorAgeAlarm).toBeDefined();
    expect(p.mapping).toBe(p.source.mapping);
    expect(nagFindings(stack)).toEqual([]);
    expect(template.toJSON()).toMatchSnapshot();
  });

  test('table props keep the stream unless it is set', () => {
    const stack = newStack();
    new DynamoStreamToFunction(stack, 'Cdc', { functionProps, tableProps: { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING }, stream: dynamodb.StreamViewType.KEYS_ONLY } });
    Template.fromStack(stack).hasResourceProperties('AWS::DynamoDB::Table', { StreamSpecification: { StreamViewType: 'KEYS_ONLY' }, KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }] });
  });

  test('an existing table without a stream is refused', () => {
    const stack = newStack();
    const table = dynamodb.Table.fromTableName(stack, 'T', 'orders');
    new DynamoStreamToFunction(stack, 'Cdc', { functionProps, existingTable: table });
    expect(synthErrors(stack)).toEqual([expect.stringMatching(/table is Test\/T without a stream/)]);
  });
});

describe('QueueToFunction', () => {
  test('defaults: visibility 6 x timeout, DurableQueue DLQ with 5 receives, zero findings, snapshot', () => {
    const stack = newStack();
    const p = new QueueToFunction(stack, 'Jobs', { functionProps });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: 180,
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 345_600,
      RedrivePolicy: { maxReceiveCount: 5, deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^JobsDeadLetterQueue'), 'Arn'] } },
    });
    expect(p.deadLetterQueue!.node.path).toBe(`${stack.node.path}/Jobs/DeadLetterQueue/Queue`);
    expect(p.deadLetterDepthAlarm!.node.path).toBe(`${stack.node.path}/Jobs/DeadLetterQueue/DepthAlarm`);
    expect(p.messageAgeAlarm!.node.path).toMatch(/\/MessageAgeAlarm$/);
    expect(p.mapping).toBe(p.source.mapping);
    expect(nagFindings(stack)).toEqual([]);
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
    expect(template.toJSON()).toMatchSnapshot();
  });

  test('visibility follows a timeout changed later and the batching window', () => {
    const stack = newStack();
    const p = new QueueToFunction(stack, 'Jobs', { functionProps, sourceOptions: { batchSize: 100, maxBatchingWindow: Duration.seconds(20) } });
    (p.function as BlueprintFunction).cfn.timeout = 60;
    Template.fromStack(stack).hasResourceProperties('AWS::SQS::Queue', { VisibilityTimeout: 380, RedrivePolicy: Match.anyValue() });
  });

  test('an unknown (token) timeout or window: visibility assumes the longest', () => {
    const stack = newStack();
    const p = new QueueToFunction(stack, 'Jobs', { functionProps, sourceOptions: { maxBatchingWindow: Duration.seconds(new CfnParameter(stack, 'W', { type: 'Number' }).valueAsNumber) } });
    (p.function as BlueprintFunction).cfn.timeout = new CfnParameter(stack, 'T', { type: 'Number' }).valueAsNumber;
    Template.fromStack(stack).hasResourceProperties('AWS::SQS::Queue', { VisibilityTimeout: 6 * 900 + 300, RedrivePolicy: Match.anyValue() });
  });

  test('FIFO: FIFO queue and FIFO DLQ, zero findings, snapshot', () => {
    const stack = newStack();
    new QueueToFunction(stack, 'Ordered', { functionProps, fifo: true, maxReceiveCount: 10 });
    const template = Template.fromStack(stack);
    template.resourcePropertiesCountIs('AWS::SQS::Queue', { FifoQueue: true }, 2);
    template.hasResourceProperties('AWS::SQS::Queue', { FifoQueue: true, RedrivePolicy: { maxReceiveCount: 10, deadLetterTargetArn: Match.anyValue() } });
    expect(nagFindings(stack)).toEqual([]);
    expect(template.toJSON()).toMatchSnapshot();
  });

  test.each([
    [4, [/^\[Test\/Jobs\] LambdaBlueprints-SqsSourceMaxReceiveCount: maxReceiveCount is 4 receives, allowed is a whole number 5–1,000 receives, because a redrive maxReceiveCount of at least 5 keeps transient failures out of the DLQ/]],
    [5, []],
    [1_000, []],
    // Outside what SQS accepts (1–1,000, whole): the blueprint's own bound and the rule SqsQueueSettings both report it.
    [1_001, [/^\[Test\/Jobs\] LambdaBlueprints-SqsSourceMaxReceiveCount: maxReceiveCount is 1,001 receives/, /^\[Test\/Jobs\/Queue\/Resource\] LambdaBlueprints-SqsQueueSettings: deadLetterQueue.maxReceiveCount \(RedrivePolicy.maxReceiveCount\) is 1,001 receives, allowed is a whole number 1–1,000 receives/]],
    [5.5, [/^\[Test\/Jobs\] LambdaBlueprints-SqsSourceMaxReceiveCount: maxReceiveCount is 5.5 receives/, /^\[Test\/Jobs\/Queue\/Resource\] LambdaBlueprints-SqsQueueSettings: deadLetterQueue.maxReceiveCount \(RedrivePolicy.maxReceiveCount\) is 5.5 receives, allowed is a whole number 1–1,000 receives/]],
  ] as Array<[number, RegExp[]]>)('maxReceiveCount %s', (maxReceiveCount, expected) => {
    const stack = newStack();
    new QueueToFunction(stack, 'Jobs', { functionProps, maxReceiveCount });
    expect(synthErrors(stack)).toEqual(expected.map(e => expect.stringMatching(e)));
  });

  test('a customer key encrypts queue and DLQ and is decryptable', () => {
    const stack = newStack();
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    new QueueToFunction(stack, 'Jobs', { functionProps, encryptionKey: key });
    const template = Template.fromStack(stack);
    template.resourcePropertiesCountIs('AWS::SQS::Queue', { KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] } }, 2);
    template.hasResourceProperties('AWS::IAM::Policy', { PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'kms:Decrypt' })]) } });
  });

  test('an existing queue with a short visibility is refused', () => {
    const stack = newStack();
    const queue = new sqs.Queue(stack, 'Q', { visibilityTimeout: Duration.seconds(10) });
    const p = new QueueToFunction(stack, 'Jobs', { functionProps, existingQueue: queue });
    expect(p.deadLetterQueue).toBeUndefined();
    expect(synthErrors(stack)).toEqual([expect.stringMatching(/^\[Test\/Jobs\/Function\/Function\/SqsSourceTestQ[A-F0-9]+\/Resource\] LambdaBlueprints-LambdaSqsVisibilityBelowTimeout: visibilityTimeout \(queue VisibilityTimeout\) is 10 s \(Test\/Q\/Resource\), allowed is at least the function timeout \(30 s\), best 180 s/)]);
  });
});
