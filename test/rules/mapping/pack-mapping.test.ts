import { CfnParameter, Duration, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDlq, KinesisEventSource, DynamoEventSource, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { LambdaBlueprintChecks } from '../../../src';
import { newStack } from '../../helpers';
import { blueprintFindings } from '../../nag/nag-helpers';

function fn(stack: Stack, timeout?: Duration, id = 'Fn'): lambda.Function {
  return new lambda.Function(stack, id, { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.h', code: lambda.Code.fromInline('x'), timeout });
}

describe('LambdaSqsVisibilityTimeout', () => {
  test('Compliance: visibility = 6 x timeout + window', () => {
    const stack = newStack();
    const queue = new sqs.Queue(stack, 'Q', { visibilityTimeout: Duration.seconds(6 * 30 + 5) });
    fn(stack, Duration.seconds(30)).addEventSource(new SqsEventSource(queue, { maxBatchingWindow: Duration.seconds(5) }));
    expect(blueprintFindings(stack, 'LambdaSqsVisibilityTimeout')).toEqual([]);
  });
  test('Compliance: defaults (3 s function, 30 s queue) are fine', () => {
    const stack = newStack();
    fn(stack).addEventSource(new SqsEventSource(new sqs.Queue(stack, 'Q')));
    expect(blueprintFindings(stack, 'LambdaSqsVisibilityTimeout')).toEqual([]);
  });
  test('Compliance: a token visibility, or an imported queue, is not judged', () => {
    const stack = newStack();
    const q = new sqs.CfnQueue(stack, 'Q', { visibilityTimeout: new CfnParameter(stack, 'V', { type: 'Number' }).valueAsNumber });
    const f = fn(stack, Duration.seconds(60));
    new lambda.CfnEventSourceMapping(stack, 'M', { functionName: f.functionName, eventSourceArn: q.attrArn });
    f.addEventSource(new SqsEventSource(sqs.Queue.fromQueueArn(stack, 'I', 'arn:aws:sqs:us-east-1:123456789012:q')));
    expect(blueprintFindings(stack, 'LambdaSqsVisibilityTimeout')).toEqual([]);
  });
  test('Noncompliance: visibility one second short of 6 x timeout + window', () => {
    const stack = newStack();
    const queue = new sqs.Queue(stack, 'Q', { visibilityTimeout: Duration.seconds(6 * 30 + 4) });
    fn(stack, Duration.seconds(30)).addEventSource(new SqsEventSource(queue, { maxBatchingWindow: Duration.seconds(5) }));
    expect(blueprintFindings(stack, 'LambdaSqsVisibilityTimeout'))
      .toEqual(['LambdaBlueprints-LambdaSqsVisibilityTimeout @ Test/Fn/SqsEventSource:TestQ2A027E0C/Resource']);
  });
  test('Noncompliance: mapping on an alias of a function with the default queue visibility', () => {
    const stack = newStack();
    const alias = fn(stack, Duration.seconds(10)).addAlias('live');
    alias.addEventSource(new SqsEventSource(new sqs.Queue(stack, 'Q')));
    expect(blueprintFindings(stack, 'LambdaSqsVisibilityTimeout')).toHaveLength(1);
  });
});

describe('stream mapping rules', () => {
  /** LambdaStreamFailureHandling findings as `severity @ path: <message up to the reason>`. */
  function failureHandling(stack: Stack): string[] {
    const out: string[] = [];
    for (const v of new LambdaBlueprintChecks().validateScope(stack).violations) {
      if (v.ruleName !== 'LambdaBlueprints-LambdaStreamFailureHandling') continue;
      for (const r of v.violatingResources) out.push(`${v.severity} @ ${r.constructPath}: ${v.description.split(', because ')[0]}`);
    }
    return out.sort();
  }
  function mappingPath(stack: Stack): string {
    return stack.node.findAll().find(c => c instanceof lambda.CfnEventSourceMapping)!.node.path;
  }
  function kinesisMapping(props: Partial<lambda.CfnEventSourceMappingProps>): Stack {
    const stack = newStack();
    const stream = new kinesis.CfnStream(stack, 'S', { shardCount: 2 });
    new lambda.CfnEventSourceMapping(stack, 'M', { functionName: 'fn', eventSourceArn: stream.attrArn, startingPosition: 'LATEST', ...props });
    return stack;
  }
  const safe = { bisectBatchOnFunctionError: true, maximumRetryAttempts: 3, maximumRecordAgeInSeconds: 3_600 };

  test('Compliance: a fully bounded Kinesis mapping', () => {
    expect(blueprintFindings(kinesisMapping(safe))).toEqual([]);
  });
  test('Compliance: an L2 DynamoDB stream source with bisect, retries and an on-failure destination', () => {
    const stack = newStack();
    const table = new dynamodb.Table(stack, 'T', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, stream: dynamodb.StreamViewType.NEW_IMAGE });
    fn(stack).addEventSource(new DynamoEventSource(table, {
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      bisectBatchOnError: true,
      retryAttempts: 2,
      onFailure: new SqsDlq(new sqs.Queue(stack, 'Dlq')),
    }));
    expect(blueprintFindings(stack).filter(f => /Stream/.test(f))).toEqual([]);
  });
  test('Compliance: tokens are not judged', () => {
    const stack = kinesisMapping({});
    const m = stack.node.findChild('M') as lambda.CfnEventSourceMapping;
    const p = new CfnParameter(stack, 'P', { type: 'String' });
    m.bisectBatchOnFunctionError = p.valueAsString as any;
    m.maximumRetryAttempts = new CfnParameter(stack, 'R', { type: 'Number' }).valueAsNumber;
    m.maximumRecordAgeInSeconds = new CfnParameter(stack, 'A', { type: 'Number' }).valueAsNumber;
    expect(blueprintFindings(stack)).toEqual([]);
  });
  test('Noncompliance: an L2 Kinesis source with defaults breaks all three', () => {
    const stack = newStack();
    fn(stack).addEventSource(new KinesisEventSource(new kinesis.Stream(stack, 'S'), { startingPosition: lambda.StartingPosition.LATEST }));
    expect(failureHandling(stack)).toEqual([
      `warning @ ${mappingPath(stack)}: bisectBatchOnError (BisectBatchOnFunctionError) is not set, allowed is true`,
      `warning @ ${mappingPath(stack)}: maxRecordAge (MaximumRecordAgeInSeconds) is not set (-1, infinite) without an on-failure destination, allowed is 60–604,800 s, or an on-failure destination`,
      `warning @ ${mappingPath(stack)}: retryAttempts (MaximumRetryAttempts) is not set (-1, retry until the record expires), allowed is 0–10,000`,
    ]);
  });
  test('Noncompliance: explicit -1 and false on a stream given by ARN', () => {
    const stack = newStack();
    new lambda.CfnEventSourceMapping(stack, 'M', {
      functionName: 'fn',
      startingPosition: 'LATEST',
      eventSourceArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/2024-01-01T00:00:00.000',
      bisectBatchOnFunctionError: false,
      maximumRetryAttempts: -1,
      maximumRecordAgeInSeconds: -1,
    });
    expect(blueprintFindings(stack)).toEqual(Array(3).fill('LambdaBlueprints-LambdaStreamFailureHandling @ Test/M'));
    expect(failureHandling(stack)).toEqual([
      'warning @ Test/M: bisectBatchOnError (BisectBatchOnFunctionError) is false, allowed is true',
      'warning @ Test/M: maxRecordAge (MaximumRecordAgeInSeconds) is -1 without an on-failure destination, allowed is 60–604,800 s, or an on-failure destination',
      'warning @ Test/M: retryAttempts (MaximumRetryAttempts) is -1, allowed is 0–10,000',
    ]);
  });
  test('Compliance: record age unbounded but an on-failure destination keeps failed records', () => {
    const stack = kinesisMapping({ ...safe, maximumRecordAgeInSeconds: -1, destinationConfig: { onFailure: { destination: 'arn:aws:sqs:us-east-1:123456789012:dlq' } } });
    expect(blueprintFindings(stack, 'LambdaStreamFailureHandling')).toEqual([]);
  });
  test('not applicable to queues, Kafka and unknown sources', () => {
    const stack = newStack();
    new lambda.CfnEventSourceMapping(stack, 'Q', { functionName: 'fn', eventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:q' });
    new lambda.CfnEventSourceMapping(stack, 'K', { functionName: 'fn', eventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/c/x', startingPosition: 'LATEST' });
    new lambda.CfnEventSourceMapping(stack, 'U', { functionName: 'fn', eventSourceArn: new CfnParameter(stack, 'Arn', { type: 'String' }).valueAsString });
    const other = new sqs.CfnQueue(stack, 'Other');
    new lambda.CfnEventSourceMapping(stack, 'O', { functionName: 'fn', eventSourceArn: other.attrArn });
    // No stream rule applies; only the warnings that the function 'fn' (and so its timeout) is not in the app remain,
    // and that the plain queue has no redrive dead-letter queue.
    expect(blueprintFindings(stack)).toEqual([
      'LambdaBlueprints-LambdaMappingUnknownFacts @ Test/O', 'LambdaBlueprints-LambdaMappingUnknownFacts @ Test/Q', 'LambdaBlueprints-LambdaMappingUnknownFacts @ Test/Q',
      'LambdaBlueprints-LambdaSqsSourceRedrive @ Test/O',
    ]);
  });
});
