import { CfnParameter, Duration } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { QueueSource, StreamSourceOptions, DurableQueue, StreamFailureDestination } from '../../src';
import { BlueprintEventSourceOptions } from '../../src/sources/options';
import { nagFindings, newStack, synthErrors, statementsFor } from '../helpers';
import { newFunction } from './fixtures';
import { both } from '../rules/modes';

type Stack = ReturnType<typeof newStack>;

/** A source queue with a DurableQueue redrive DLQ and 180 s visibility (6 x 30 s). */
function newQueue(stack: Stack, props: Partial<sqs.QueueProps> = {}): sqs.Queue {
  const dlq = new DurableQueue(stack, 'Dlq', { fifo: props.fifo });
  return new sqs.Queue(stack, 'Queue', {
    enforceSSL: true,
    visibilityTimeout: Duration.seconds(180),
    deadLetterQueue: { queue: dlq.queue, maxReceiveCount: 5 },
    ...props,
  });
}

/** The path of the mapping resource (where mapping findings are reported), as a regex source. */
const MAPPING = 'Test/Fn/Function/SqsSourceTestQueue[A-F0-9]+/Resource';

function queueErrors(options: BlueprintEventSourceOptions, props: Partial<sqs.QueueProps> = {}, stack: Stack = newStack()): string[] {
  newFunction(stack).addEventSource(new QueueSource(newQueue(stack, props), options));
  return synthErrors(stack);
}

describe('QueueSource defaults (standard)', () => {
  const stack = newStack();
  const source = new QueueSource(newQueue(stack));
  newFunction(stack).addEventSource(source);
  const template = Template.fromStack(stack);

  test('partial batch response, no stream options, no destination', () => {
    const mapping = Object.values(template.findResources('AWS::Lambda::EventSourceMapping'))[0].Properties;
    expect(mapping).toEqual({
      EventSourceArn: { 'Fn::GetAtt': [expect.stringMatching(/^Queue/), 'Arn'] },
      FunctionName: { Ref: expect.stringMatching(/^FnFunction/) },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  test('the role consumes exactly the queue, on its ARN (besides sending to its own DLQ)', () => {
    const consume = statementsFor(template, 'sqs').filter(s => !s.Action.includes('sqs:SendMessage'));
    expect(consume).toEqual([{
      Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ChangeMessageVisibility'],
      Effect: 'Allow',
      Resource: { 'Fn::GetAtt': [expect.stringMatching(/^Queue/), 'Arn'] },
    }]);
  });

  test('an ApproximateAgeOfOldestMessage alarm; the DurableQueue DLQ keeps its own depth alarm', () => {
    expect(source.messageAgeAlarm).toBeDefined();
    expect(source.deadLetterDepthAlarm).toBeUndefined();
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateAgeOfOldestMessage', Threshold: 300, Statistic: 'Maximum' });
  });

  test('the destination finding is acknowledged on the mapping with its reason', () => {
    // Acknowledgements are recorded once in the template's Metadata, with the logical ids they cover.
    const [mappingId] = Object.keys(template.findResources('AWS::Lambda::EventSourceMapping'));
    template.templateMatches({
      Metadata: {
        cdk_lambda_blueprints_acknowledgements: Match.arrayWith([
          Match.objectLike({ id: 'Serverless-LambdaEventSourceMappingDestination', reason: Match.stringLikeRegexp('redrive dead-letter queue is its failure path'), resources: [mappingId] }),
        ]),
      },
    });
  });

  test('zero cdk-nag findings and no warnings', () => {
    expect(nagFindings(stack)).toEqual([]);
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('visibility'));
  });

  test('snapshot', () => {
    expect(template.toJSON()).toMatchSnapshot();
  });
});

describe('QueueSource FIFO', () => {
  test('a FIFO queue: defaults, zero findings, snapshot', () => {
    const stack = newStack();
    const source = new QueueSource(newQueue(stack, { fifo: true }), { batchSize: 10 });
    newFunction(stack).addEventSource(source);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { BatchSize: 10, FunctionResponseTypes: ['ReportBatchItemFailures'] });
    expect(nagFindings(stack)).toEqual([]);
    expect(template.toJSON()).toMatchSnapshot();
  });

  test.each([
    ['batch 0', { batchSize: 0 }, /LambdaSqsMapping: batchSize \(BatchSize\) is 0 messages, allowed is a whole number 1–10 messages, because SQS FIFO batches hold 1 to 10 messages/],
    ['batch 1', { batchSize: 1 }, undefined],
    ['batch 10', { batchSize: 10 }, undefined],
    ['batch 11', { batchSize: 11 }, /LambdaSqsMapping: batchSize \(BatchSize\) is 11 messages, allowed is a whole number 1–10 messages, because SQS FIFO batches hold 1 to 10 messages/],
    ['batch 1.5', { batchSize: 1.5 }, /LambdaSqsMapping: batchSize \(BatchSize\) is 1.5 messages, allowed is a whole number 1–10 messages/],
    ['a batching window', { maxBatchingWindow: Duration.seconds(1) }, /LambdaSqsMapping: maxBatchingWindow \(MaximumBatchingWindowInSeconds\) is 1 s, allowed is not set on a FIFO queue, because Lambda does not support a batching window on SQS FIFO sources/],
  ] as Array<[string, BlueprintEventSourceOptions, RegExp | undefined]>)('%s', (_n, options, expected) => {
    const errors = queueErrors(options, { fifo: true });
    expect(errors).toEqual(expected ? [expect.stringMatching(new RegExp(`^\\[${MAPPING}\\] LambdaBlueprints-${expected.source}`))] : []);
  });
});

describe('QueueSource validation (standard)', () => {
  test.each([
    ['batch 0', { batchSize: 0 }, /LambdaSqsMapping: batchSize \(BatchSize\) is 0 messages, allowed is a whole number 1–10,000 messages, because SQS standard batches hold 1 to 10,000 messages/],
    ['batch 10 without window', { batchSize: 10 }, undefined],
    ['batch 11 without window', { batchSize: 11 }, /LambdaSqsMapping: batchSize \(BatchSize\) is 11 messages without a batching window of at least 1 s, allowed is 10 messages or a MaximumBatchingWindowInSeconds of at least 1 s, because an SQS batch above 10 messages needs a batching window of at least 1 s/],
    ['batch 11 with a 0 s window', { batchSize: 11, maxBatchingWindow: Duration.seconds(0) }, /LambdaSqsMapping: batchSize \(BatchSize\) is 11 messages without a batching window of at least 1 s/],
    ['batch 11 with a 1 s window', { batchSize: 11, maxBatchingWindow: Duration.seconds(1) }, undefined],
    ['batch 10,000 with window', { batchSize: 10_000, maxBatchingWindow: Duration.seconds(1) }, undefined],
    ['batch 10,001 with window', { batchSize: 10_001, maxBatchingWindow: Duration.seconds(1) }, /LambdaSqsMapping: batchSize \(BatchSize\) is 10,001 messages, allowed is a whole number 1–10,000 messages/],
    ['window 300 s', { maxBatchingWindow: Duration.seconds(300) }, undefined],
    ['window 301 s', { maxBatchingWindow: Duration.seconds(301) }, /LambdaMappingBatchingWindow: maxBatchingWindow \(MaximumBatchingWindowInSeconds\) is 301 s, allowed is a whole number 0–300 s/],
    ['max concurrency 1', { maxConcurrency: 1 }, /LambdaSqsMapping: maxConcurrency \(ScalingConfig.MaximumConcurrency\) is 1 instances, allowed is a whole number 2–1,000 instances, because the maximum concurrency of an SQS mapping is 2 to 1,000/],
    ['max concurrency 2', { maxConcurrency: 2 }, undefined],
    ['max concurrency 1,000', { maxConcurrency: 1_000 }, undefined],
    ['max concurrency 1,001', { maxConcurrency: 1_001 }, /LambdaSqsMapping: maxConcurrency \(ScalingConfig.MaximumConcurrency\) is 1,001 instances, allowed is a whole number 2–1,000 instances/],
    ['max concurrency 2.5', { maxConcurrency: 2.5 }, /LambdaSqsMapping: maxConcurrency \(ScalingConfig.MaximumConcurrency\) is 2.5 instances, allowed is a whole number 2–1,000 instances/],
    ['bisect', { bisectBatchOnError: true }, /LambdaSqsMapping: bisectBatchOnError \(BisectBatchOnFunctionError\) is true, allowed is not set on an SQS source, because it applies to Kinesis and DynamoDB Streams only/],
    ['retries', { retryAttempts: 2 }, /LambdaSqsMapping: retryAttempts \(MaximumRetryAttempts\) is 2, allowed is not set on an SQS source/],
    ['record age', { maxRecordAge: Duration.minutes(5) }, /LambdaSqsMapping: maxRecordAge \(MaximumRecordAgeInSeconds\) is 300, allowed is not set on an SQS source/],
    ['parallelization', { parallelizationFactor: 2 }, /LambdaSqsMapping: parallelizationFactor \(ParallelizationFactor\) is 2, allowed is not set on an SQS source/],
    ['tumbling window', { tumblingWindow: Duration.seconds(30) }, /LambdaSqsMapping: tumblingWindow \(TumblingWindowInSeconds\) is 30, allowed is not set on an SQS source/],
    ['starting position', { startingPosition: lambda.StartingPosition.LATEST }, /LambdaSqsMapping: startingPosition \(StartingPosition\) is "LATEST", allowed is not set on an SQS source/],
    ['6 filters', { filters: ['{"a":[1]}', '{"a":[2]}', '{"a":[3]}', '{"a":[4]}', '{"a":[5]}', '{"a":[6]}'] }, /LambdaMappingFilters: FilterCriteria.Filters \(count\) is 6 filters, allowed is a whole number 0–5 filters/],
  ] as Array<[string, BlueprintEventSourceOptions, RegExp | undefined]>)('%s', (_n, options, expected) => {
    const errors = queueErrors(options);
    expect(errors).toEqual(expected ? [expect.stringMatching(new RegExp(`^\\[${MAPPING}\\] LambdaBlueprints-${expected.source}`))] : []);
  });

  test('an on-failure destination is refused', () => {
    const stack = newStack();
    const errors = queueErrors({ onFailure: StreamFailureDestination.toQueue(new sqs.Queue(stack, 'Other')) }, {}, stack);
    expect(errors).toEqual([expect.stringMatching(/^\[Test\/Fn\/Function\/SqsSourceTestQueue[A-F0-9]+\/Resource\] LambdaBlueprints-LambdaSqsMapping: DestinationConfig is \{"OnFailure":\{"Destination":\{"Fn::GetAtt":\["Other[A-F0-9]+","Arn"\]\}\}\}, allowed is not set on an SQS source/)]);
  });

  test('tokens are accepted', () => {
    const stack = newStack();
    const n = (id: string) => new CfnParameter(stack, id, { type: 'Number' }).valueAsNumber;
    expect(queueErrors({ batchSize: n('B'), maxConcurrency: n('C'), maxBatchingWindow: Duration.seconds(n('W')) }, { visibilityTimeout: Duration.seconds(n('V')) }, stack)).toEqual([]);
  });

  test('a token batch size above 10 without a window is not judged', () => {
    const stack = newStack();
    const batch = new CfnParameter(stack, 'B', { type: 'Number' }).valueAsNumber;
    expect(queueErrors({ batchSize: batch }, {}, stack)).toEqual([]);
  });
});

describe('visibility timeout vs function timeout (checked at synth)', () => {
  test('below the function timeout: error', () => {
    expect(queueErrors({}, { visibilityTimeout: Duration.seconds(29) })).toEqual([
      expect.stringMatching(/^\[Test\/Fn\/Function\/SqsSourceTestQueue[A-F0-9]+\/Resource\] LambdaBlueprints-LambdaSqsVisibilityBelowTimeout: visibilityTimeout \(queue VisibilityTimeout\) is 29 s \(Test\/Queue\/Resource\), allowed is at least the function timeout \(30 s\), best 180 s, because Lambda refuses to create an SQS mapping whose queue visibility timeout is below the function timeout/),
    ]);
  });

  test('equal to the timeout: a warning about 6 x timeout + window', () => {
    const stack = newStack();
    expect(queueErrors({ maxBatchingWindow: Duration.seconds(10) }, { visibilityTimeout: Duration.seconds(30) }, stack)).toEqual([]);
    Annotations.fromStack(stack).hasWarning('/Test/Fn/Function/SqsSourceTestQueueCC385424/Resource', Match.stringLikeRegexp('^visibilityTimeout \\(queue VisibilityTimeout\\) is 30 s \\(Test/Queue/Resource\\), allowed is at least 6 x the function timeout \\(30 s\\) plus the batching window \\(10 s\\) = 190 s, because .*\\[ack: LambdaBlueprints-LambdaSqsVisibilityTimeout\\]$'));
  });

  test('at 6 x timeout + window: no warning', () => {
    const stack = newStack();
    expect(queueErrors({ maxBatchingWindow: Duration.seconds(10) }, { visibilityTimeout: Duration.seconds(190) }, stack)).toEqual([]);
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('visibility'));
  });

  test('the SQS default of 30 s is used when the queue sets none', () => {
    const stack = newStack();
    const dlq = new DurableQueue(stack, 'Dlq');
    const queue = new sqs.Queue(stack, 'Queue', { enforceSSL: true, deadLetterQueue: { queue: dlq.queue, maxReceiveCount: 5 } });
    newFunction(stack, 'Fn', { timeout: Duration.seconds(31) }).addEventSource(new QueueSource(queue));
    expect(synthErrors(stack)).toEqual([expect.stringMatching(/LambdaBlueprints-LambdaSqsVisibilityBelowTimeout: visibilityTimeout \(queue VisibilityTimeout\) is 30 s \(Test\/Queue\/Resource\), allowed is at least the function timeout \(31 s\), best 186 s/)]);
  });

  test('a timeout raised after the source was added is still checked', () => {
    const stack = newStack();
    const fn = newFunction(stack);
    fn.addEventSource(new QueueSource(newQueue(stack)));
    fn.cfn.timeout = 200;
    expect(synthErrors(stack)).toEqual([expect.stringMatching(/LambdaBlueprints-LambdaSqsVisibilityBelowTimeout: visibilityTimeout \(queue VisibilityTimeout\) is 180 s \(Test\/Queue\/Resource\), allowed is at least the function timeout \(200 s\), best 1,200 s/)]);
  });

  test('an imported queue: a warning that the visibility is unknown', () => {
    const stack = newStack();
    const queue = sqs.Queue.fromQueueArn(stack, 'Imported', 'arn:aws:sqs:us-east-1:123456789012:jobs');
    newFunction(stack).addEventSource(new QueueSource(queue));
    expect(synthErrors(stack)).toEqual([]);
    Annotations.fromStack(stack).hasWarning('/Test/Fn/Function/SqsSourceTestImported24776030/Resource', Match.stringLikeRegexp('^EventSourceArn is "arn:aws:sqs:us-east-1:123456789012:jobs" \\(an imported queue: its visibility timeout is unknown at synth\\), allowed is a queue whose visibility timeout fits the function \\(at least 180 s\\), because .*\\[ack: LambdaBlueprints-LambdaMappingUnknownFacts\\]$'));
  });

  test('an imported function: the timeout is unknown and not judged', () => {
    const stack = newStack();
    const fn = lambda.Function.fromFunctionAttributes(stack, 'F', { functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f', sameEnvironment: true });
    fn.addEventSource(new QueueSource(newQueue(stack, { visibilityTimeout: Duration.seconds(1) })));
    expect(synthErrors(stack)).toEqual([]);
  });
});

describe('QueueSource redrive and alarms', () => {
  test('a queue without a redrive DLQ gets a warning (rule LambdaSqsSourceRedrive, the same in LambdaBlueprintChecks)', () => {
    const stack = newStack();
    const queue = new sqs.Queue(stack, 'Queue', { visibilityTimeout: Duration.seconds(180) });
    newFunction(stack).addEventSource(new QueueSource(queue));
    const found = both(stack, 'LambdaSqsSourceRedrive');
    expect(found.map(f => [f.severity, f.message])).toEqual([['warning', 'queue RedrivePolicy is not set (Test/Queue/Resource), allowed is a dead-letter '
      + 'queue with a maxReceiveCount of at least 5, because a message that keeps failing is retried until its retention period ends and then lost.']]);
  });

  test('a plain DLQ gets a depth alarm', () => {
    const stack = newStack();
    const dlq = new sqs.Queue(stack, 'PlainDlq');
    const source = new QueueSource(new sqs.Queue(stack, 'Queue', { visibilityTimeout: Duration.seconds(180), deadLetterQueue: { queue: dlq, maxReceiveCount: 7 } }));
    newFunction(stack).addEventSource(source);
    expect(source.deadLetterDepthAlarm).toBeDefined();
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PlainDlq'), 'QueueName'] } }],
      AlarmDescription: Match.stringLikeRegexp('failed 7 receives'),
    });
  });

  test('alarms: false, custom message age threshold ignored', () => {
    const stack = newStack();
    const source = new QueueSource(newQueue(stack), { alarms: false });
    newFunction(stack).addEventSource(source);
    expect(source.messageAgeAlarm).toBeUndefined();
  });

  test('a custom message age threshold and maximum concurrency', () => {
    const stack = newStack();
    newFunction(stack).addEventSource(new QueueSource(newQueue(stack), { messageAgeThreshold: Duration.minutes(30), maxConcurrency: 50 }));
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateAgeOfOldestMessage', Threshold: 1_800 });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { ScalingConfig: { MaximumConcurrency: 50 } });
  });

  test('a customer-managed queue key adds kms:Decrypt', () => {
    const stack = newStack();
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    newFunction(stack).addEventSource(new QueueSource(newQueue(stack, { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: key })));
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([{ Action: 'kms:Decrypt', Effect: 'Allow', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] } }]) },
    });
  });

  test('accessors before binding throw; binding twice throws', () => {
    const stack = newStack();
    const source = new QueueSource(newQueue(stack));
    expect(() => source.mapping).toThrow(/not bound yet/);
    expect(() => source.deadLetterDepthAlarm).toThrow(/not bound yet/);
    newFunction(stack, 'A').addEventSource(source);
    expect(() => newFunction(stack, 'B').addEventSource(source)).toThrow(/already bound/);
  });
});

describe('separate option types for queues and streams', () => {
  test('a stream-only option on a queue source, or an SQS-only option on a stream source, fails to compile', () => {
    const stack = newStack();
    const queue = new sqs.Queue(stack, 'Q', { visibilityTimeout: Duration.minutes(3) });
    // @ts-expect-error bisectBatchOnError is not a QueueSourceOptions property
    const q = new QueueSource(queue, { bisectBatchOnError: true });
    const streamOptions: StreamSourceOptions = {
      startingPosition: lambda.StartingPosition.LATEST,
      // @ts-expect-error maxConcurrency is not a StreamSourceOptions property
      maxConcurrency: 5,
    };
    // What compiles is what each source takes; what slips through (escape hatches, casts) is refused at synth.
    newFunction(stack).addEventSource(q);
    expect(synthErrors(stack)).toEqual([expect.stringMatching(/^\[Test\/Fn\/Function\/SqsSource[^\]]+\/Resource\] LambdaBlueprints-LambdaSqsMapping: bisectBatchOnError \(BisectBatchOnFunctionError\) is true, allowed is not set on an SQS source/)]);
    expect(streamOptions.startingPosition).toBe(lambda.StartingPosition.LATEST);
  });
});
