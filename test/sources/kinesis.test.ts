import { CfnParameter, Duration } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { KinesisSource, DurableQueue, StreamFailureDestination } from '../../src';
import { nagFindings, newStack, synthErrors, statementsFor } from '../helpers';
import { kinesisErrors, newFunction, newStream } from './fixtures';

const TRIM = lambda.StartingPosition.TRIM_HORIZON;

describe('KinesisSource defaults', () => {
  const stack = newStack();
  const fn = newFunction(stack);
  const stream = newStream(stack);
  const source = new KinesisSource(stream, { startingPosition: TRIM });
  fn.addEventSource(source);
  const template = Template.fromStack(stack);

  test('bisect, bounded retries and record age, partial batch response, on-failure queue, explicit start', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 100,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      MaximumRecordAgeInSeconds: 86_400,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      StartingPosition: 'TRIM_HORIZON',
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Stream'), 'Arn'] },
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('OnFailureQueue'), 'Arn'] } } },
    });
  });

  test('the on-failure queue is a DurableQueue (encrypted, TLS-only, alarmed)', () => {
    expect(source.failureQueue!.node.scope).toBeInstanceOf(DurableQueue);
    expect(source.failureDepthAlarm).toBe((source.failureQueue!.node.scope as DurableQueue).depthAlarm);
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1_209_600 });
  });

  test('the role reads exactly the stream, on its ARN, and may send to the failure queue', () => {
    expect(statementsFor(template, 'kinesis')).toEqual([{
      Action: ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards'],
      Effect: 'Allow',
      Resource: { 'Fn::GetAtt': [expect.stringMatching(/^Stream/), 'Arn'] },
    }]);
    const sends = statementsFor(template, 'sqs').map(s => s.Resource['Fn::GetAtt'][0]);
    expect(sends).toContainEqual(expect.stringMatching(/OnFailureQueue/));
    const policies = JSON.stringify(template.findResources('AWS::IAM::Policy'));
    expect(policies).not.toContain('kms:Decrypt');
    expect(JSON.stringify(template.findResources('AWS::IAM::Role'))).not.toContain('ManagedPolicyArns');
  });

  test('an IteratorAge alarm on the FunctionName dimension', () => {
    expect(source.iteratorAgeAlarm).toBeDefined();
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'IteratorAge',
      Namespace: 'AWS/Lambda',
      Statistic: 'Maximum',
      Threshold: 60_000,
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: Match.stringLikeRegexp('^FnFunction') } }],
    });
  });

  test('exposes the mapping, no topic, and the required concurrency', () => {
    expect(source.mapping).toBeInstanceOf(lambda.CfnEventSourceMapping);
    expect(source.failureTopic).toBeUndefined();
    expect(source.consumer).toBeUndefined();
    expect(source.requiredConcurrency).toBe(2);
  });

  test('zero cdk-nag findings', () => {
    expect(nagFindings(stack)).toEqual([]);
  });

  test('snapshot', () => {
    expect(template.toJSON()).toMatchSnapshot();
  });
});

describe('KinesisSource options', () => {
  test('batching, parallelization, tumbling window, filters, enabled', () => {
    const stack = newStack();
    newFunction(stack).addEventSource(new KinesisSource(newStream(stack), {
      startingPosition: lambda.StartingPosition.LATEST,
      batchSize: 500,
      maxBatchingWindow: Duration.seconds(5),
      parallelizationFactor: 4,
      tumblingWindow: Duration.seconds(60),
      retryAttempts: 3,
      maxRecordAge: Duration.hours(2),
      bisectBatchOnError: false,
      reportBatchItemFailures: false,
      enabled: false,
      filters: ['{"data":{"kind":["order"]}}'],
    }));
    const mapping = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::EventSourceMapping'))[0].Properties;
    expect(mapping).toMatchObject({
      StartingPosition: 'LATEST',
      BatchSize: 500,
      MaximumBatchingWindowInSeconds: 5,
      ParallelizationFactor: 4,
      TumblingWindowInSeconds: 60,
      MaximumRetryAttempts: 3,
      MaximumRecordAgeInSeconds: 7_200,
      BisectBatchOnFunctionError: false,
      Enabled: false,
      FilterCriteria: { Filters: [{ Pattern: '{"data":{"kind":["order"]}}' }] },
    });
    expect(mapping.FunctionResponseTypes).toBeUndefined();
  });

  test('AT_TIMESTAMP with a timestamp', () => {
    const stack = newStack();
    const options = { startingPosition: lambda.StartingPosition.AT_TIMESTAMP, startingPositionTimestamp: 1_700_000_000 };
    newFunction(stack).addEventSource(new KinesisSource(newStream(stack), options));
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::EventSourceMapping', { StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: 1_700_000_000 });
  });

  test('enhanced fan-out: a consumer, the mapping reads it, the role may subscribe to it', () => {
    const stack = newStack();
    const source = new KinesisSource(newStream(stack), { startingPosition: TRIM, enhancedFanOut: true });
    newFunction(stack).addEventSource(source);
    const template = Template.fromStack(stack);
    expect(source.consumer).toBeInstanceOf(kinesis.StreamConsumer);
    template.resourceCountIs('AWS::Kinesis::StreamConsumer', 1);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('EnhancedFanOut'), 'ConsumerARN'] } });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([{ Action: ['kinesis:DescribeStreamConsumer', 'kinesis:SubscribeToShard'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('EnhancedFanOut'), 'ConsumerARN'] } }]) },
    });
    expect(nagFindings(stack)).toEqual([]);
  });

  test('an SNS topic as on-failure destination gets publish rights and no queue', () => {
    const stack = newStack();
    const topic = new sns.Topic(stack, 'Failures', { enforceSSL: true, masterKey: kms.Alias.fromAliasName(stack, 'SnsKey', 'alias/aws/sns') });
    const source = new KinesisSource(newStream(stack), { startingPosition: TRIM, onFailure: StreamFailureDestination.toTopic(topic) });
    newFunction(stack).addEventSource(source);
    const template = Template.fromStack(stack);
    expect(source.failureTopic).toBe(topic);
    expect(source.failureQueue).toBeUndefined();
    expect(source.failureDepthAlarm).toBeUndefined();
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { DestinationConfig: { OnFailure: { Destination: { Ref: Match.stringLikeRegexp('^Failures') } } } });
    template.hasResourceProperties('AWS::IAM::Policy', { PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'sns:Publish' })]) } });
  });

  test('an existing standard queue as on-failure destination gets a depth alarm', () => {
    const stack = newStack();
    const queue = new sqs.Queue(stack, 'Failures');
    const source = new KinesisSource(newStream(stack), { startingPosition: TRIM, onFailure: StreamFailureDestination.toQueue(queue) });
    newFunction(stack).addEventSource(source);
    expect(source.failureQueue).toBe(queue);
    expect(source.failureDepthAlarm).toBeDefined();
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Failures'), 'QueueName'] } }],
    });
  });

  test('StreamFailureDestination.toDurableQueue() is the default', () => {
    const stack = newStack();
    const source = new KinesisSource(newStream(stack), { startingPosition: TRIM, onFailure: StreamFailureDestination.toDurableQueue() });
    newFunction(stack).addEventSource(source);
    expect(source.failureQueue!.node.scope).toBeInstanceOf(DurableQueue);
  });

  test('alarms: false creates no IteratorAge alarm', () => {
    const stack = newStack();
    const source = new KinesisSource(newStream(stack), { startingPosition: TRIM, alarms: false });
    newFunction(stack, 'Fn', { alarms: false }).addEventSource(source);
    expect(source.iteratorAgeAlarm).toBeUndefined();
    expect(JSON.stringify(Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm'))).not.toContain('IteratorAge');
  });

  test('a custom iterator age threshold', () => {
    const stack = newStack();
    const source = new KinesisSource(newStream(stack), { startingPosition: TRIM, iteratorAgeThreshold: Duration.minutes(10) });
    newFunction(stack).addEventSource(source);
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'IteratorAge', Threshold: 600_000 });
  });

  test('two streams on one function share one IteratorAge alarm', () => {
    const stack = newStack();
    const fn = newFunction(stack);
    const a = new KinesisSource(newStream(stack, 'A'), { startingPosition: TRIM });
    const b = new KinesisSource(newStream(stack, 'B'), { startingPosition: TRIM });
    fn.addEventSource(a);
    fn.addEventSource(b);
    expect(a.iteratorAgeAlarm).toBe(b.iteratorAgeAlarm);
    Template.fromStack(stack).resourceCountIs('AWS::Lambda::EventSourceMapping', 2);
  });

  test('a customer-managed stream key adds kms:Decrypt on that key only', () => {
    const stack = newStack();
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    const stream = new kinesis.Stream(stack, 'Stream', { encryption: kinesis.StreamEncryption.KMS, encryptionKey: key });
    newFunction(stack).addEventSource(new KinesisSource(stream, { startingPosition: TRIM }));
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([{ Action: 'kms:Decrypt', Effect: 'Allow', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] } }]) },
    });
  });

  test('an imported stream works and has no known concurrency', () => {
    const stack = newStack();
    const stream = kinesis.Stream.fromStreamArn(stack, 'Imported', 'arn:aws:kinesis:us-east-1:123456789012:stream/orders');
    const source = new KinesisSource(stream, { startingPosition: TRIM });
    newFunction(stack).addEventSource(source);
    expect(source.requiredConcurrency).toBeUndefined();
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::EventSourceMapping', { EventSourceArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders' });
  });

  test('an on-demand stream has no known concurrency', () => {
    const stack = newStack();
    const stream = new kinesis.Stream(stack, 'S', { streamMode: kinesis.StreamMode.ON_DEMAND });
    expect(new KinesisSource(stream, { startingPosition: TRIM }).requiredConcurrency).toBeUndefined();
  });

  test('requiredConcurrency before binding uses the options', () => {
    const stack = newStack();
    expect(new KinesisSource(newStream(stack, 'S', 3), { parallelizationFactor: 5 }).requiredConcurrency).toBe(15);
  });

  test('accessors before binding and binding twice throw clearly', () => {
    const stack = newStack();
    const source = new KinesisSource(newStream(stack), { startingPosition: TRIM });
    expect(() => source.mapping).toThrow(/not bound yet/);
    newFunction(stack, 'A').addEventSource(source);
    expect(() => newFunction(stack, 'B').addEventSource(source)).toThrow(/already bound/);
  });
});

describe('concurrency: shards x parallelization vs reserved concurrency', () => {
  test('a warning when reserved concurrency is lower', () => {
    const stack = newStack();
    newFunction(stack, 'Fn', { reservedConcurrentExecutions: 5 }).addEventSource(new KinesisSource(newStream(stack, 'Stream', 2), { startingPosition: TRIM, parallelizationFactor: 3 }));
    Annotations.fromStack(stack).hasWarning('/Test/Fn/Function/Resource', Match.stringLikeRegexp('^reservedConcurrentExecutions \\(ReservedConcurrentExecutions\\) is 5, allowed is at least 6 \\(2 shards x ParallelizationFactor 3\\), because .*\\[ack: LambdaBlueprints-LambdaStreamConcurrency\\]$'));
  });

  test('no warning when reserved concurrency suffices', () => {
    const stack = newStack();
    newFunction(stack, 'Fn', { reservedConcurrentExecutions: 6 }).addEventSource(new KinesisSource(newStream(stack, 'Stream', 2), { startingPosition: TRIM, parallelizationFactor: 3 }));
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('LambdaStreamConcurrency'));
  });
});

describe('KinesisSource validation', () => {
  const P = 'Test/Fn/Function/KinesisSourceTestStream[A-F0-9]+';
  const cases: Array<[string, object, RegExp | undefined]> = [
    ['batchSize 0', { batchSize: 0 }, /LambdaStreamMapping: batchSize \(BatchSize\) is 0 records, allowed is a whole number 1–10,000 records, because Kinesis and DynamoDB Streams batches hold 1 to 10,000 records/],
    ['batchSize 1', { batchSize: 1 }, undefined],
    ['batchSize 10,000', { batchSize: 10_000 }, undefined],
    ['batchSize 10,001', { batchSize: 10_001 }, /LambdaStreamMapping: batchSize \(BatchSize\) is 10,001 records, allowed is a whole number 1–10,000 records/],
    ['batchSize 1.5', { batchSize: 1.5 }, /LambdaStreamMapping: batchSize \(BatchSize\) is 1.5 records, allowed is a whole number 1–10,000 records/],
    ['window 300 s', { maxBatchingWindow: Duration.seconds(300) }, undefined],
    ['window 301 s', { maxBatchingWindow: Duration.seconds(301) }, /LambdaMappingBatchingWindow: maxBatchingWindow \(MaximumBatchingWindowInSeconds\) is 301 s, allowed is a whole number 0–300 s, because the maximum batching window is 300 s/],
    ['window 1.5 s', { maxBatchingWindow: Duration.millis(1500) }, /LambdaMappingBatchingWindow: maxBatchingWindow \(MaximumBatchingWindowInSeconds\) is 1.5 s, allowed is a whole number 0–300 s/],
    ['retries -2', { retryAttempts: -2 }, /LambdaStreamMapping: retryAttempts \(MaximumRetryAttempts\) is -2 retries, allowed is a whole number -1–10,000 retries/],
    ['retries -1', { retryAttempts: -1 }, undefined],
    ['retries 0', { retryAttempts: 0 }, undefined],
    ['retries 10,000', { retryAttempts: 10_000 }, undefined],
    ['retries 10,001', { retryAttempts: 10_001 }, /LambdaStreamMapping: retryAttempts \(MaximumRetryAttempts\) is 10,001 retries, allowed is a whole number -1–10,000 retries/],
    ['retries 2.5', { retryAttempts: 2.5 }, /LambdaStreamMapping: retryAttempts \(MaximumRetryAttempts\) is 2.5 retries, allowed is a whole number -1–10,000 retries/],
    ['record age 59 s', { maxRecordAge: Duration.seconds(59) }, /LambdaStreamMapping: maxRecordAge \(MaximumRecordAgeInSeconds\) is 59 s, allowed is a whole number in 60–604,800 s or -1, because the maximum record age is -1 \(infinite\) or 60 s to 7 days/],
    ['record age 60 s', { maxRecordAge: Duration.seconds(60) }, undefined],
    ['record age 7 days', { maxRecordAge: Duration.days(7) }, undefined],
    ['record age 7 days + 1 s', { maxRecordAge: Duration.seconds(604_801) }, /LambdaStreamMapping: maxRecordAge \(MaximumRecordAgeInSeconds\) is 604,801 s, allowed is a whole number in 60–604,800 s or -1/],
    ['parallelization 0', { parallelizationFactor: 0 }, /LambdaStreamMapping: parallelizationFactor \(ParallelizationFactor\) is 0 batches per shard, allowed is a whole number 1–10 batches per shard/],
    ['parallelization 1', { parallelizationFactor: 1 }, undefined],
    ['parallelization 10', { parallelizationFactor: 10 }, undefined],
    ['parallelization 11', { parallelizationFactor: 11 }, /LambdaStreamMapping: parallelizationFactor \(ParallelizationFactor\) is 11 batches per shard, allowed is a whole number 1–10 batches per shard/],
    ['parallelization 1.5', { parallelizationFactor: 1.5 }, /LambdaStreamMapping: parallelizationFactor \(ParallelizationFactor\) is 1.5 batches per shard, allowed is a whole number 1–10 batches per shard/],
    ['tumbling 900 s', { tumblingWindow: Duration.seconds(900) }, undefined],
    ['tumbling 901 s', { tumblingWindow: Duration.seconds(901) }, /LambdaStreamMapping: tumblingWindow \(TumblingWindowInSeconds\) is 901 s, allowed is a whole number 0–900 s, because a tumbling window lasts at most 900 s/],
    ['5 filters', { filters: ['{"a":[1]}', '{"a":[2]}', '{"a":[3]}', '{"a":[4]}', '{"a":[5]}'] }, undefined],
    ['6 filters', { filters: ['{"a":[1]}', '{"a":[2]}', '{"a":[3]}', '{"a":[4]}', '{"a":[5]}', '{"a":[6]}'] }, /LambdaMappingFilters: FilterCriteria.Filters \(count\) is 6 filters, allowed is a whole number 0–5 filters, because an event source mapping accepts at most 5 filter patterns/],
    ['a filter that is not JSON', { filters: ['kind=order'] }, /LambdaMappingFilters: FilterCriteria.Filters is "kind=order", allowed is a JSON object pattern/],
    ['a filter that is a JSON array', { filters: ['[1]'] }, /LambdaMappingFilters: FilterCriteria.Filters is "\[1\]", allowed is a JSON object pattern/],
    ['maxConcurrency on a stream', { maxConcurrency: 5 }, /LambdaStreamMapping: ScalingConfig is \{"MaximumConcurrency":5\}, allowed is not set on a stream source, because maximum concurrency applies to SQS sources only/],
    ['AT_TIMESTAMP without timestamp', { startingPosition: lambda.StartingPosition.AT_TIMESTAMP }, /LambdaStreamMapping: startingPositionTimestamp \(StartingPositionTimestamp\) is not set, allowed is a Unix time in seconds with AT_TIMESTAMP/],
    ['timestamp without AT_TIMESTAMP', { startingPositionTimestamp: 1 }, /LambdaStreamMapping: startingPositionTimestamp \(StartingPositionTimestamp\) is 1, allowed is only with StartingPosition AT_TIMESTAMP/],
    ['no starting position', { startingPosition: undefined }, /LambdaStreamMapping: startingPosition \(StartingPosition\) is not set, allowed is TRIM_HORIZON or LATEST \(Kinesis also AT_TIMESTAMP\), because a stream mapping must say where it starts reading/],
  ];
  test.each(cases)('%s', (_name, options, expected) => {
    const errors = kinesisErrors(options);
    if (!expected) {
      expect(errors).toEqual([]);
    } else {
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(new RegExp(`^\\[${P}/Resource\\] LambdaBlueprints-${expected.source}`));
    }
  });

  test('a FIFO queue as on-failure destination is refused', () => {
    const stack = newStack();
    const fifo = new sqs.Queue(stack, 'Fifo', { fifo: true });
    expect(kinesisErrors({ onFailure: StreamFailureDestination.toQueue(fifo) }, stack)).toEqual([
      expect.stringMatching(/^\[Test\/Fn\/Function\/KinesisSourceTestStream[A-F0-9]+\/Resource\] LambdaBlueprints-LambdaStreamMapping: DestinationConfig.OnFailure.Destination is the FIFO queue or topic Test\/Fifo\/Resource, allowed is a standard SQS queue or an SNS topic, because Lambda cannot send failure records of a stream mapping to a FIFO queue/),
    ]);
  });

  test('-1 record age written through the escape hatch is accepted', () => {
    const stack = newStack();
    const source = new KinesisSource(newStream(stack), { startingPosition: TRIM });
    newFunction(stack).addEventSource(source);
    source.mapping.maximumRecordAgeInSeconds = -1;
    expect(synthErrors(stack)).toEqual([]);
  });

  test('a value changed through the escape hatch after binding is still checked', () => {
    const stack = newStack();
    const source = new KinesisSource(newStream(stack), { startingPosition: TRIM });
    newFunction(stack).addEventSource(source);
    source.mapping.batchSize = 20_000;
    expect(synthErrors(stack)).toEqual([expect.stringMatching(/LambdaBlueprints-LambdaStreamMapping: batchSize \(BatchSize\) is 20,000 records, allowed is a whole number 1–10,000 records/)]);
  });

  test('tokens are accepted', () => {
    const stack = newStack();
    const n = (id: string) => new CfnParameter(stack, id, { type: 'Number' }).valueAsNumber;
    expect(kinesisErrors({
      batchSize: n('B'),
      retryAttempts: n('R'),
      parallelizationFactor: n('P'),
      maxRecordAge: Duration.seconds(n('A')),
      maxBatchingWindow: Duration.seconds(n('W')),
      tumblingWindow: Duration.seconds(n('T')),
      filters: [new CfnParameter(stack, 'F', { type: 'String' }).valueAsString],
    }, stack)).toEqual([]);
  });

  test('all problems are reported together', () => {
    expect(kinesisErrors({ batchSize: 0, parallelizationFactor: 11, retryAttempts: -5 })).toHaveLength(3);
  });
});
