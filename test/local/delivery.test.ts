import { Outbox } from '../../src/local/private/delivery/outbox';
import { deliverSqs, SqsMapping } from '../../src/local/private/delivery/sqs';
import { deliverStream, StreamMapping, UNBOUNDED_RETRY_CAP } from '../../src/local/private/delivery/stream';
import { dynamodbRecord, kinesisRecord } from '../../src/local/private/events';
import { InvokeOutcome } from '../../src/local/private/types';

// The delivery semantics alone, against a scripted function (no processes): what Lambda's pollers do.

interface FakeFunction {
  readonly invoke: (p: string) => Promise<InvokeOutcome>;
  readonly events: any[];
}

function fakeFunction(respond: (event: any) => { payload?: unknown; errorType?: string }): FakeFunction {
  const events: any[] = [];
  const invoke = async (payload: string): Promise<InvokeOutcome> => {
    const event = JSON.parse(payload);
    events.push(event);
    const r = respond(event);
    return {
      requestId: `req-${events.length}`,
      payload: JSON.stringify(r.payload ?? null),
      errorType: r.errorType,
      errorMessage: r.errorType ? 'failed' : undefined,
      coldStart: false,
      durationMs: 1,
      billedDurationMs: 1,
      memorySizeMb: 128,
      maxMemoryUsedMb: 1,
      logs: [],
      environmentId: 1,
    };
  };
  return { invoke, events };
}

const sqs: SqsMapping = {
  batchSize: 10,
  reportBatchItemFailures: true,
  concurrency: 2,
  maxReceiveCount: 3,
  deadLetterId: 'Dlq',
  receivesUntilExpiry: 100,
  context: { region: 'us-east-1', account: '123456789012', sourceArn: 'arn:aws:sqs:us-east-1:123456789012:q' },
};

const stream: StreamMapping = {
  kind: 'kinesis',
  batchSize: 8,
  bisectOnError: true,
  maxRetries: 2,
  maxRecordAgeSeconds: -1,
  reportBatchItemFailures: false,
  onFailureId: 'OnFailure',
  functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f',
  streamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/s',
};

const bodies = (e: any): string[] => e.Records.map((r: any) => r.body ?? Buffer.from(r.kinesis?.data ?? '', 'base64').toString());

describe('SQS', () => {
  test('a function error returns the whole batch; receive counts grow; the DLQ takes a message after maxReceiveCount', async () => {
    const fn = fakeFunction(e => (bodies(e).includes('bad') ? { errorType: 'Error' } : {}));
    const outbox = new Outbox('/S/F', 'sqs:Q');
    await deliverSqs(['a', 'bad', 'c'], { ...sqs, batchSize: 3 }, fn.invoke, outbox);
    expect(fn.events.map(e => e.Records.map((r: any) => r.attributes.ApproximateReceiveCount))).toEqual([['1', '1', '1'], ['2', '2', '2'], ['3', '3', '3']]);
    expect(outbox.destinations.Dlq).toHaveLength(3);
    expect([outbox.succeeded, outbox.failed, outbox.invocations]).toEqual([0, 3, 3]);
    expect(fn.events[0].Records[0]).toEqual(expect.objectContaining({ eventSource: 'aws:sqs', eventSourceARN: sqs.context.sourceArn, md5OfBody: expect.any(String) }));
  });

  test('an invalid partial batch response fails the whole batch; without ReportBatchItemFailures the response is ignored', async () => {
    const invalid = fakeFunction(() => ({ payload: { batchItemFailures: [{ itemIdentifier: 'not-in-batch' }] } }));
    const outbox = new Outbox('/S/F', 'sqs:Q');
    await deliverSqs(['a'], sqs, invalid.invoke, outbox);
    expect([outbox.succeeded, outbox.failed, invalid.events.length]).toEqual([0, 1, 3]);
    const ignored = fakeFunction(e => ({ payload: { batchItemFailures: [{ itemIdentifier: e.Records[0].messageId }] } }));
    const outbox2 = new Outbox('/S/F', 'sqs:Q');
    await deliverSqs(['a'], { ...sqs, reportBatchItemFailures: false }, ignored.invoke, outbox2);
    expect([outbox2.succeeded, ignored.events.length]).toEqual([1, 1]);
  });

  test('without a redrive policy a failing message is received until its retention ends, then dropped with a warning', async () => {
    const fn = fakeFunction(() => ({ errorType: 'Error' }));
    const outbox = new Outbox('/S/F', 'sqs:Q');
    await deliverSqs(['a'], { ...sqs, maxReceiveCount: undefined, deadLetterId: undefined, receivesUntilExpiry: 4 }, fn.invoke, outbox);
    expect([fn.events.length, outbox.failed]).toEqual([4, 1]);
    expect(outbox.warnings[0]).toMatch(/expired after 4 receives \(no redrive policy\)/);
  });
});

describe('Kinesis and DynamoDB Streams', () => {
  test('a function error is bisected down to the poison record, which goes to the on-failure destination after MaximumRetryAttempts', async () => {
    const fn = fakeFunction(e => (bodies(e).includes('poison') ? { errorType: 'Error' } : {}));
    const outbox = new Outbox('/S/F', 'kinesis:S');
    const records = ['r0', 'r1', 'r2', 'poison', 'r4', 'r5', 'r6', 'r7', 'r8'].map(d => kinesisRecord(d));
    await deliverStream(records, stream, fn.invoke, outbox);
    // [r0..r7] -> [r0..r3] -> [r0,r1] ok, [r2,poison] -> [r2] ok, [poison] x3 -> given up; [r4..r7] ok; then [r8]
    expect(fn.events.map(e => e.Records.length)).toEqual([8, 4, 2, 2, 1, 1, 1, 1, 4, 1]);
    const [failure] = outbox.destinations.OnFailure as any[];
    expect(failure.KinesisBatchInfo).toEqual(expect.objectContaining({
      batchSize: 1, startSequenceNumber: (records[3] as any).kinesis.sequenceNumber, streamArn: stream.streamArn,
    }));
    expect(failure.requestContext).toEqual(expect.objectContaining({ condition: 'RetryAttemptsExhausted', approximateInvokeCount: 3, functionArn: stream.functionArn }));
    expect(failure.responseContext).toEqual({ statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' });
    expect([outbox.succeeded, outbox.failed]).toEqual([8, 1]);
  });

  test('without bisection the whole batch is retried and then given up on; -1 retries stop at the local cap with a warning', async () => {
    const fn = fakeFunction(() => ({ errorType: 'Error' }));
    const outbox = new Outbox('/S/F', 'kinesis:S');
    await deliverStream([kinesisRecord('a'), kinesisRecord('b')], { ...stream, bisectOnError: false }, fn.invoke, outbox);
    expect(fn.events.map(e => e.Records.length)).toEqual([2, 2, 2]);
    expect((outbox.destinations.OnFailure[0] as any).KinesisBatchInfo.batchSize).toBe(2);
    const unbounded = fakeFunction(() => ({ errorType: 'Error' }));
    const outbox2 = new Outbox('/S/F', 'kinesis:S');
    await deliverStream([kinesisRecord('a')], { ...stream, maxRetries: -1, onFailureId: undefined }, unbounded.invoke, outbox2);
    expect(unbounded.events).toHaveLength(UNBOUNDED_RETRY_CAP + 1);
    expect(outbox2.warnings).toEqual([
      expect.stringMatching(/MaximumRetryAttempts is -1/),
      expect.stringMatching(/1 record\(s\) dropped \(RetryAttemptsExhausted\) without an on-failure destination/),
    ]);
  });

  test('a partial batch response checkpoints before the first failed record and retries from it', async () => {
    const fn = fakeFunction(e => {
      const failed = e.Records.filter((r: any) => r.dynamodb.NewImage.id.S === 'bad');
      return { payload: { batchItemFailures: failed.map((r: any) => ({ itemIdentifier: r.dynamodb.SequenceNumber })) } };
    });
    const outbox = new Outbox('/S/F', 'dynamodb:T');
    const records = ['a', 'b', 'bad', 'c'].map(id => dynamodbRecord({ id }));
    await deliverStream(records, { ...stream, kind: 'dynamodb', reportBatchItemFailures: true, bisectOnError: false, maxRetries: 1 }, fn.invoke, outbox);
    expect(fn.events.map(e => e.Records.map((r: any) => r.dynamodb.NewImage.id.S))).toEqual([['a', 'b', 'bad', 'c'], ['bad', 'c']]);
    const [failure] = outbox.destinations.OnFailure as any[];
    const start = (records[2] as any).dynamodb.SequenceNumber;
    expect(failure.DDBStreamBatchInfo).toEqual(expect.objectContaining({ batchSize: 2, startSequenceNumber: start }));
    expect([outbox.succeeded, outbox.failed]).toEqual([2, 2]);
  });

  test('records older than MaximumRecordAgeInSeconds are not delivered: their batch info goes to the destination', async () => {
    const fn = fakeFunction(() => ({}));
    const outbox = new Outbox('/S/F', 'kinesis:S');
    const old = kinesisRecord('old') as any;
    old.kinesis.approximateArrivalTimestamp = Date.now() / 1000 - 7200;
    await deliverStream([old, kinesisRecord('new')], { ...stream, maxRecordAgeSeconds: 3600 }, fn.invoke, outbox);
    expect(fn.events.map(e => e.Records.length)).toEqual([1]);
    expect((outbox.destinations.OnFailure[0] as any).requestContext).toEqual(expect.objectContaining({ condition: 'RecordAgeExceeded', approximateInvokeCount: 0 }));
  });
});
