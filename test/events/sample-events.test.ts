import * as path from 'path';
import { SampleEvents } from '../../src';

// The documented fields of each event kind (AWS developer guides, linked from each generator).
const keys = (o: object) => Object.keys(o).sort();

describe('SampleEvents', () => {
  test('SQS: one record per body with every documented field; FIFO records carry group, dedup id and sequence', () => {
    const event = SampleEvents.sqs({ bodies: ['a', 'b'], messageAttributes: { kind: 'order' } });
    expect(event.Records).toHaveLength(2);
    const r = event.Records[0];
    expect(keys(r)).toEqual(['attributes', 'awsRegion', 'body', 'eventSource', 'eventSourceARN', 'md5OfBody', 'md5OfMessageAttributes', 'messageAttributes', 'messageId', 'receiptHandle']);
    expect(keys(r.attributes)).toEqual(['ApproximateFirstReceiveTimestamp', 'ApproximateReceiveCount', 'SenderId', 'SentTimestamp']);
    expect(r).toMatchObject({ body: 'a', md5OfBody: '0cc175b9c0f1b6a831c399e269772661', eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:orders', awsRegion: 'us-east-1' });
    expect(r.messageAttributes).toEqual({ kind: { stringValue: 'order', stringListValues: [], binaryListValues: [], dataType: 'String' } });
    expect(event.Records[1].messageId).not.toBe(r.messageId);

    const fifo = SampleEvents.sqs({ queueName: 'orders.fifo', account: '111122223333', region: 'eu-west-1' }).Records[0];
    expect(keys(fifo.attributes)).toEqual(['ApproximateFirstReceiveTimestamp', 'ApproximateReceiveCount', 'MessageDeduplicationId', 'MessageGroupId', 'SenderId', 'SentTimestamp', 'SequenceNumber']);
    expect(fifo.eventSourceARN).toBe('arn:aws:sqs:eu-west-1:111122223333:orders.fifo');
    expect(fifo.md5OfMessageAttributes).toBeUndefined();
  });

  test('SNS: one record, the documented Sns fields', () => {
    const r = SampleEvents.sns({ message: 'hi', subject: 'Test', messageAttributes: { a: 'b' } }).Records[0];
    expect(keys(r)).toEqual(['EventSource', 'EventSubscriptionArn', 'EventVersion', 'Sns']);
    expect(keys(r.Sns)).toEqual(['Message', 'MessageAttributes', 'MessageId', 'Signature', 'SignatureVersion', 'SigningCertUrl', 'Subject', 'Timestamp', 'TopicArn', 'Type', 'UnsubscribeUrl']);
    expect(r.Sns).toMatchObject({ Message: 'hi', Subject: 'Test', Type: 'Notification', TopicArn: 'arn:aws:sns:us-east-1:123456789012:notifications', MessageAttributes: { a: { Type: 'String', Value: 'b' } } });
    expect(SampleEvents.sns().Records[0].Sns.Subject).toBeNull();
  });

  test('S3: one record per key, keys URL-encoded as S3 sends them', () => {
    const event = SampleEvents.s3({ bucketName: 'data', keys: ['incoming/Happy Face.jpg', 'incoming/a.csv'] });
    const r = event.Records[0];
    expect(keys(r)).toEqual(['awsRegion', 'eventName', 'eventSource', 'eventTime', 'eventVersion', 'requestParameters', 'responseElements', 's3', 'userIdentity']);
    expect(keys(r.s3)).toEqual(['bucket', 'configurationId', 'object', 's3SchemaVersion']);
    expect(r.s3.bucket).toMatchObject({ name: 'data', arn: 'arn:aws:s3:::data' });
    expect(r.s3.object.key).toBe('incoming/Happy+Face.jpg');
    expect(r.eventName).toBe('ObjectCreated:Put');
    expect(event.Records[1].s3.object.sequencer).not.toBe(r.s3.object.sequencer);
  });

  test('Kinesis: payloads base64-encoded, unique sequence numbers', () => {
    const event = SampleEvents.kinesis({ payloads: ['one', 'two'], streamName: 'clicks' });
    const [a, b] = event.Records;
    expect(keys(a)).toEqual(['awsRegion', 'eventID', 'eventName', 'eventSource', 'eventSourceARN', 'eventVersion', 'invokeIdentityArn', 'kinesis']);
    expect(keys(a.kinesis)).toEqual(['approximateArrivalTimestamp', 'data', 'kinesisSchemaVersion', 'partitionKey', 'sequenceNumber']);
    expect(Buffer.from(b.kinesis.data, 'base64').toString()).toBe('two');
    expect(a.kinesis.sequenceNumber).toMatch(/^\d{56}$/);
    expect(a.kinesis.sequenceNumber).not.toBe(b.kinesis.sequenceNumber);
    expect(a.eventID).toBe(`shardId-000000000000:${a.kinesis.sequenceNumber}`);
    expect(a.eventSourceARN).toBe('arn:aws:kinesis:us-east-1:123456789012:stream/clicks');
  });

  test('DynamoDB: images in DynamoDB JSON, per event name', () => {
    const insert = SampleEvents.dynamoDb({ keys: { pk: 'o#1', n: 2 }, newImage: { pk: 'o#1', n: 2, ok: true, tags: ['x'], meta: { a: null } } }).Records[0];
    expect(keys(insert)).toEqual(['awsRegion', 'dynamodb', 'eventID', 'eventName', 'eventSource', 'eventSourceARN', 'eventVersion']);
    expect(insert.dynamodb.Keys).toEqual({ pk: { S: 'o#1' }, n: { N: '2' } });
    expect(insert.dynamodb.NewImage).toEqual({ pk: { S: 'o#1' }, n: { N: '2' }, ok: { BOOL: true }, tags: { L: [{ S: 'x' }] }, meta: { M: { a: { NULL: true } } } });
    expect(insert.dynamodb.OldImage).toBeUndefined();
    const remove = SampleEvents.dynamoDb({ eventName: 'REMOVE' }).Records[0];
    expect(remove.dynamodb.NewImage).toBeUndefined();
    expect(remove.dynamodb.OldImage).toEqual({ pk: { S: 'order#1' }, status: { S: 'OLD' } });
    expect(keys(SampleEvents.dynamoDb({ eventName: 'MODIFY' }).Records[0].dynamodb)).toEqual(['ApproximateCreationDateTime', 'Keys', 'NewImage', 'OldImage', 'SequenceNumber', 'SizeBytes', 'StreamViewType']);
  });

  test('EventBridge: the documented envelope', () => {
    const e = SampleEvents.eventBridge({ source: 'my.app', detailType: 'Thing', detail: { a: 1 } });
    expect(keys(e)).toEqual(['account', 'detail', 'detail-type', 'id', 'region', 'resources', 'source', 'time', 'version']);
    expect(e).toMatchObject({ 'source': 'my.app', 'detail-type': 'Thing', 'detail': { a: 1 } });
  });

  test('API Gateway REST (payload 1.0): single and multi-value headers and query', () => {
    const e = SampleEvents.apiGatewayRest({ method: 'POST', path: '/orders/1', query: { a: 'b' }, body: '{}' });
    expect(keys(e)).toEqual(['body', 'headers', 'httpMethod', 'isBase64Encoded', 'multiValueHeaders', 'multiValueQueryStringParameters', 'path', 'pathParameters', 'queryStringParameters', 'requestContext', 'resource', 'stageVariables']);
    expect(e).toMatchObject({ httpMethod: 'POST', path: '/orders/1', queryStringParameters: { a: 'b' }, multiValueQueryStringParameters: { a: ['b'] }, pathParameters: { proxy: 'orders/1' }, body: '{}', isBase64Encoded: false });
    expect(SampleEvents.apiGatewayRest()).toMatchObject({ body: null, queryStringParameters: null });
  });

  test('ALB: headers or multi-value headers (never both), lower-case names, empty body as ""', () => {
    const single = SampleEvents.alb({ headers: { 'X-Custom': '1' }, query: { key: 'hello' } });
    expect(keys(single)).toEqual(['body', 'headers', 'httpMethod', 'isBase64Encoded', 'path', 'queryStringParameters', 'requestContext']);
    expect(single).toMatchObject({ headers: { 'x-custom': '1' }, queryStringParameters: { key: 'hello' }, body: '' });
    const multi = SampleEvents.alb({ query: { key: 'hello' }, multiValueHeaders: true, body: 'x', base64Body: true });
    expect(keys(multi)).toEqual(['body', 'httpMethod', 'isBase64Encoded', 'multiValueHeaders', 'multiValueQueryStringParameters', 'path', 'requestContext']);
    expect(multi).toMatchObject({ multiValueQueryStringParameters: { key: ['hello'] }, body: 'eA==', isBase64Encoded: true });
    expect(multi.requestContext.elb.targetGroupArn).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup\//);
  });

  test('function URL (payload 2.0): raw query string, lower-case headers', () => {
    const e = SampleEvents.functionUrl({ method: 'POST', path: '/my/path', query: { p: 'v 1' }, body: 'hi', headers: { 'User-Agent': 'x' } });
    expect(keys(e)).toEqual(['body', 'headers', 'isBase64Encoded', 'queryStringParameters', 'rawPath', 'rawQueryString', 'requestContext', 'routeKey', 'version']);
    expect(e).toMatchObject({ version: '2.0', rawPath: '/my/path', rawQueryString: 'p=v+1', headers: { 'user-agent': 'x' }, body: 'hi' });
    expect(e.requestContext.http).toEqual({ method: 'POST', path: '/my/path', protocol: 'HTTP/1.1', sourceIp: '203.0.113.10', userAgent: 'x' });
    expect(SampleEvents.functionUrl().body).toBeUndefined();
  });

  test('deterministic: same options, same event', () => {
    expect(SampleEvents.sqs({ bodies: ['x'] })).toEqual(SampleEvents.sqs({ bodies: ['x'] }));
    expect(JSON.parse(JSON.stringify(SampleEvents.dynamoDb()))).toEqual(SampleEvents.dynamoDb());
  });

  test('the example batch handler reports no failures for SQS, Kinesis and DynamoDB samples', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { handler } = require(path.join(__dirname, '..', '..', 'examples', 'handlers', 'batch-processor.js'));
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    for (const event of [SampleEvents.sqs({ bodies: ['a', 'b'] }), SampleEvents.kinesis(), SampleEvents.dynamoDb()]) {
      expect(await handler(event)).toEqual({ batchItemFailures: [] });
    }
    expect(log).toHaveBeenCalledTimes(4);
    log.mockRestore();
  });
});
