import { Duration, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import {
  DynamoStreamSource, BlueprintFunction, KinesisSource, QueueSource,
  KinesisToFunction, QueueToFunction, StreamFailureDestination,
} from '../../../src';
import { both, constructMode, FN_PROPS, newStack, ofRule, packMode } from '../modes';

const fnProps = FN_PROPS;


function queueWorker(visibility: number, timeout = 30, after?: (fn: BlueprintFunction) => void): Stack {
  const stack = newStack();
  const queue = new sqs.Queue(stack, 'Queue', { visibilityTimeout: Duration.seconds(visibility) });
  const fn = new BlueprintFunction(stack, 'Fn', { ...fnProps, timeout: Duration.seconds(timeout) });
  fn.addEventSource(new QueueSource(queue));
  after?.(fn);
  return stack;
}

function kinesisWorker(options: ConstructorParameters<typeof KinesisSource>[1] = {}): Stack {
  const stack = newStack();
  const stream = new kinesis.Stream(stack, 'Stream', { shardCount: 1 });
  const fn = new BlueprintFunction(stack, 'Fn', fnProps);
  fn.addEventSource(new KinesisSource(stream, { startingPosition: lambda.StartingPosition.TRIM_HORIZON, ...options }));
  return stack;
}

describe('SQS visibility timeout vs the final function timeout: one severity in both modes', () => {
  test('below the timeout is an error', () => {
    expect(both(queueWorker(20, 30), 'LambdaSqsVisibilityBelowTimeout')).toEqual([{
      id: 'LambdaBlueprints-LambdaSqsVisibilityBelowTimeout',
      severity: 'error',
      path: expect.stringMatching(/SqsSource.*\/Resource$/),
      message: 'visibilityTimeout (queue VisibilityTimeout) is 20 s (Test/Queue/Resource), allowed is at least the function timeout (30 s), best 180 s, because Lambda refuses to create an SQS mapping whose queue visibility timeout is below the function timeout.',
    }]);
  });
  test('below 6 x timeout + window is a warning', () => {
    expect(both(queueWorker(60, 30), 'LambdaSqsVisibilityTimeout')).toEqual([{
      id: 'LambdaBlueprints-LambdaSqsVisibilityTimeout',
      severity: 'warning',
      path: expect.stringMatching(/SqsSource.*\/Resource$/),
      message: 'visibilityTimeout (queue VisibilityTimeout) is 60 s (Test/Queue/Resource), allowed is at least 6 x the function timeout (30 s) plus the batching window (0 s) = 180 s, because AWS advises a queue visibility timeout of at least 6 x the function timeout plus the batching window: messages of a slow or retried batch become visible again and are processed twice.',
    }]);
  });
  test('6 x is compliant in both modes', () => {
    expect(both(queueWorker(180, 30), 'LambdaSqsVisibilityTimeout')).toEqual([]);
  });
  test('a timeout overridden above the queue\'s visibility is refused', () => {
    const stack = queueWorker(180, 30, fn => fn.cfn.addPropertyOverride('Timeout', 300));
    expect(both(stack, 'LambdaSqsVisibilityBelowTimeout').map(r => r.message)).toEqual([
      'visibilityTimeout (queue VisibilityTimeout) is 180 s (Test/Queue/Resource), allowed is at least the function timeout (300 s), best 1,800 s, because Lambda refuses to create an SQS mapping whose queue visibility timeout is below the function timeout.',
    ]);
  });
});

describe('imported functions', () => {
  test('a queue source on an imported function names the fact it could not check', () => {
    const stack = newStack();
    const queue = new sqs.Queue(stack, 'Queue', { visibilityTimeout: Duration.seconds(1) });
    const fn = lambda.Function.fromFunctionArn(stack, 'Imported', 'arn:aws:lambda:us-east-1:123456789012:function:orders');
    fn.addEventSource(new QueueSource(queue));
    const constructs = ofRule(constructMode(stack), 'LambdaMappingUnknownFacts');
    // The role warning comes from the construct (an input the template cannot show); the rest is the same.
    expect(constructs.filter(r => r.message.startsWith('function role is unknown'))).toHaveLength(1);
    expect(constructs.filter(r => !r.message.startsWith('function role is unknown'))).toEqual(ofRule(packMode(stack), 'LambdaMappingUnknownFacts'));
    expect(ofRule(packMode(stack), 'LambdaMappingUnknownFacts')).toEqual([{
      id: 'LambdaBlueprints-LambdaMappingUnknownFacts',
      severity: 'warning',
      path: expect.stringMatching(/^Test\/Imported\/SqsSource.*\/Resource$/),
      message: 'FunctionName is "orders" (an imported function: its timeout is unknown at synth), allowed is a function whose timeout fits the queue (visibility 1 s), because the queue visibility timeout must be at least the function timeout (Lambda refuses the mapping otherwise), best 6 x the timeout plus the batching window; check it yourself or define the function in this app.',
    }]);
  });
  test('a DynamoDB stream source on an imported function synthesizes', () => {
    const stack = newStack();
    const table = new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES });
    const fn = lambda.Function.fromFunctionArn(stack, 'Imported', 'arn:aws:lambda:us-east-1:123456789012:function:orders');
    fn.addEventSource(new DynamoStreamSource(table, { startingPosition: lambda.StartingPosition.LATEST }));
    const found = constructMode(stack);
    expect(found.filter(r => r.severity === 'error')).toEqual([]);
    expect(ofRule(found, 'LambdaMappingUnknownFacts').map(r => r.message)).toEqual([
      'function role is unknown (Test/Imported is imported without a role), allowed is a role that allows dynamodb:DescribeStream, dynamodb:GetRecords, dynamodb:GetShardIterator, dynamodb:ListStreams, sqs:SendMessage on the failure queue, because the mapping reads the source and sends failures with the function\'s role; grant these yourself.',
    ]);
  });
});

describe('stream mappings', () => {
  test('retryAttempts -1 is the same warning in both modes', () => {
    expect(both(kinesisWorker({ retryAttempts: -1 }), 'LambdaStreamFailureHandling').map(r => [r.severity, r.message])).toEqual([
      ['warning', 'retryAttempts (MaximumRetryAttempts) is -1, allowed is 0–10,000, because a failing batch is retried until it expires and blocks its shard meanwhile.'],
    ]);
  });
  test.each([
    [NaN, 'startingPositionTimestamp (StartingPositionTimestamp) is NaN s'],
    [-1, 'startingPositionTimestamp (StartingPositionTimestamp) is -1 s'],
  ])('startingPositionTimestamp %p', (startingPositionTimestamp, shown) => {
    const stack = kinesisWorker({ startingPosition: lambda.StartingPosition.AT_TIMESTAMP, startingPositionTimestamp });
    expect(both(stack, 'LambdaStreamMapping').map(r => r.message)).toEqual([
      `${shown}, allowed is 0–253,402,300,799 s, because the starting position timestamp is a Unix time in seconds.`,
    ]);
  });
  test('a duplicate filter pattern and one over 4,096 characters', () => {
    const long = JSON.stringify({ data: { id: ['x'.repeat(4100)] } });
    const stack = kinesisWorker({ filters: ['{"data":{"a":[1]}}', '{"data":{"a":[1]}}', long] });
    expect(both(stack, 'LambdaMappingFilters').map(r => r.message)).toEqual([
      'FilterCriteria pattern length is 4,120 characters ("{\\"data\\":{\\"id\\":[\\"xxxxxxxxxxxxxxxxxxxxxxxx"…), allowed is a whole number 1–4,096 characters, because a filter pattern holds at most 4,096 characters.',
      'FilterCriteria.Filters is "{\\"data\\":{\\"a\\":[1]}}" twice, allowed is each pattern once, because Lambda refuses duplicate filter patterns.',
    ].sort());
  });
  test('onFailure on an SQS source does not compile, and if forced (plain JavaScript) is refused, not dropped', () => {
    const stack = newStack();
    const queue = new sqs.Queue(stack, 'Queue', { visibilityTimeout: Duration.minutes(3) });
    const fn = new BlueprintFunction(stack, 'Fn', fnProps);
    // @ts-expect-error onFailure is a stream source option (StreamSourceOptions)
    fn.addEventSource(new QueueSource(queue, { onFailure: StreamFailureDestination.toQueue(new sqs.Queue(stack, 'Failures')) }));
    expect(both(stack, 'LambdaSqsMapping').map(r => r.message)).toEqual([
      expect.stringMatching(/^DestinationConfig is \{"OnFailure":\{"Destination":\{"Fn::GetAtt":\["Failures[0-9A-F]+","Arn"\]\}\}\}, allowed is not set on an SQS source, because it applies to Kinesis and DynamoDB Streams only/),
    ]);
  });
  test('two streams: the sum is reported once, on the function', () => {
    const stack = newStack();
    const fn = new BlueprintFunction(stack, 'Fn', { ...fnProps, reservedConcurrentExecutions: 3 });
    for (const id of ['A', 'B']) fn.addEventSource(new KinesisSource(new kinesis.Stream(stack, id, { shardCount: 2 }), { startingPosition: lambda.StartingPosition.TRIM_HORIZON }));
    expect(both(stack, 'LambdaStreamConcurrency')).toEqual([{
      id: 'LambdaBlueprints-LambdaStreamConcurrency',
      severity: 'warning',
      path: 'Test/Fn/Function/Resource',
      message: 'reservedConcurrentExecutions (ReservedConcurrentExecutions) is 3, allowed is at least 4 (2 shards x ParallelizationFactor 1 + 2 shards x ParallelizationFactor 1), because batches beyond the reservation are throttled and the iterator age grows.',
    }]);
  });
  test('stream concurrency beyond the reservation is reported once', () => {
    const stack = newStack();
    const stream = new kinesis.Stream(stack, 'Stream', { shardCount: 4 });
    const fn = new BlueprintFunction(stack, 'Fn', { ...fnProps, reservedConcurrentExecutions: 2 });
    fn.addEventSource(new KinesisSource(stream, { startingPosition: lambda.StartingPosition.TRIM_HORIZON, parallelizationFactor: 2 }));
    expect(both(stack, 'LambdaStreamConcurrency').map(r => r.message)).toEqual([
      'reservedConcurrentExecutions (ReservedConcurrentExecutions) is 2, allowed is at least 8 (4 shards x ParallelizationFactor 2), because batches beyond the reservation are throttled and the iterator age grows.',
    ]);
  });
  test.each([[0, '0 shards'], [1.5, '1.5 shards']])('shard count %p', (shardCount, shown) => {
    const stack = newStack();
    new KinesisToFunction(stack, 'Pipe', { functionProps: fnProps, streamProps: { shardCount } });
    expect(both(stack, 'KinesisStreamSettings').map(r => r.message)).toEqual([
      `shardCount (ShardCount) is ${shown}, allowed is a whole number 1–100,000 shards, because a provisioned Kinesis stream has a whole number of at least 1 shard.`,
    ]);
  });
});

describe('patterns: values aws-cdk-lib would throw on', () => {
  test.each([[23, '23 hours'], [48.5, '48.5 hours']])('stream retention %p h', (hours, shown) => {
    const stack = newStack();
    new KinesisToFunction(stack, 'Pipe', { functionProps: fnProps, streamProps: { retentionPeriod: Duration.hours(hours) } });
    expect(both(stack, 'KinesisStreamSettings').map(r => r.message)).toEqual([
      `retentionPeriod (RetentionPeriodHours) is ${shown}, allowed is a whole number 24–8,760 hours, because a Kinesis stream keeps records for 24 to 8,760 whole hours (365 days).`,
    ]);
  });
  test('queue retention 59 s', () => {
    const stack = newStack();
    new QueueToFunction(stack, 'Worker', { functionProps: fnProps, retentionPeriod: Duration.seconds(59) });
    expect(both(stack, 'SqsQueueSettings').map(r => r.message)).toEqual([
      'retentionPeriod (MessageRetentionPeriod) is 59 s, allowed is a whole number 60–1,209,600 s, because SQS keeps a message from 60 s to 14 days.',
    ]);
  });
  test('sourceOptions with startingPosition: undefined is the default', () => {
    const stack = newStack();
    new KinesisToFunction(stack, 'Pipe', { functionProps: fnProps, sourceOptions: { startingPosition: undefined } });
    expect(constructMode(stack).filter(r => r.severity === 'error')).toEqual([]);
  });
});
