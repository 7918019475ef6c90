import * as path from 'path';
import { gunzipSync } from 'zlib';
import { LocalEvents, SampleEvents } from '../../src';
import { EVENT_KINDS } from '../../src/local/private/events';

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

  test('S3: object keys are form-URL-encoded as S3 notifications write them (space +, "+" %2B, "(" %28), "/" kept', () => {
    const key = (k: string) => SampleEvents.s3({ keys: [k] }).Records[0].s3.object.key;
    expect(key('red flower.jpg')).toBe('red+flower.jpg');
    expect(key('in/a+b (1).txt')).toBe('in/a%2Bb+%281%29.txt');
    expect(key("it's~x!*.csv")).toBe('it%27s%7Ex%21*.csv');
    expect(key('é/ü.txt')).toBe('%C3%A9/%C3%BC.txt');
    // A handler gets the key back with decodeURIComponent after turning '+' into spaces.
    expect(decodeURIComponent(key('in/a+b (1).txt').replace(/\+/g, ' '))).toBe('in/a+b (1).txt');
    // The emulator's events come from the same builder.
    expect(JSON.parse(LocalEvents.s3('b', 'in/a+b (1).txt')).Records[0].s3.object.key).toBe('in/a%2Bb+%281%29.txt');
  });

  test('the emulator\'s events have the fields of the sample events (one builder for both)', () => {
    // Field names and value types; the names inside items, details and headers are the caller's.
    const OPAQUE = new Set(['Keys', 'NewImage', 'OldImage', 'detail', 'headers', 'multiValueHeaders', 'queryStringParameters', 'multiValueQueryStringParameters', 'pathParameters', 'resources']);
    const shape = (o: any): any => (Array.isArray(o) ? o.slice(0, 1).map(shape) : o && typeof o === 'object'
      ? Object.fromEntries(Object.keys(o).sort().map(k => [k, OPAQUE.has(k) ? 'object' : shape(o[k])])) : o === null ? 'null' : typeof o);
    const samples: Array<[string, any]> = [
      ['sqs', SampleEvents.sqs()], ['kinesis', SampleEvents.kinesis()], ['dynamodb', SampleEvents.dynamoDb()], ['s3', SampleEvents.s3()],
      ['sns', SampleEvents.sns({ subject: 'x' })], ['eventbridge', SampleEvents.eventBridge()], ['alb', SampleEvents.alb()],
      ['alb-multi-value', SampleEvents.alb({ multiValueHeaders: true })], ['apigateway', SampleEvents.apiGatewayRest()], ['function-url', SampleEvents.functionUrl()],
    ];
    const mismatched: string[] = [];
    for (const [kind, sample] of samples) {
      const local: any = EVENT_KINDS[kind]();
      if (kind === 'sns') local.Records[0].Sns.Subject = 'x';
      mismatched.push(...(JSON.stringify(shape(local)) === JSON.stringify(shape(sample)) ? [] : [`${kind}: ${JSON.stringify(shape(local))} vs ${JSON.stringify(shape(sample))}`]));
    }
    expect(mismatched).toEqual([]);
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

describe('SampleEvents for Lambda@Edge, Cognito and CloudWatch Logs', () => {
  test.each([
    ['viewer-request', () => SampleEvents.cloudFrontViewerRequest(), false, false],
    ['origin-request', () => SampleEvents.cloudFrontOriginRequest(), true, false],
    ['origin-response', () => SampleEvents.cloudFrontOriginResponse(), true, true],
    ['viewer-response', () => SampleEvents.cloudFrontViewerResponse(), false, true],
  ])('CloudFront %s: Records[0].cf with config, request (origin at the origin) and response', (eventType, make, atOrigin, withResponse) => {
    const event = make();
    expect(event.Records).toHaveLength(1);
    const cf = event.Records[0].cf;
    expect(keys(cf)).toEqual(withResponse ? ['config', 'request', 'response'] : ['config', 'request']);
    expect(keys(cf.config)).toEqual(['distributionDomainName', 'distributionId', 'eventType', 'requestId']);
    expect(cf.config.eventType).toBe(eventType);
    expect(keys(cf.request)).toEqual(atOrigin ? ['clientIp', 'headers', 'method', 'origin', 'querystring', 'uri'] : ['clientIp', 'headers', 'method', 'querystring', 'uri']);
    expect(cf.request).toMatchObject({ method: 'GET', uri: '/index.html', querystring: '' });
    expect(cf.request.headers.host).toEqual([{ key: 'Host', value: 'd111111abcdef8.cloudfront.net' }]);
    expect(cf.request.headers['x-forwarded-for'] !== undefined).toBe(atOrigin);
    if (atOrigin) expect(keys(cf.request.origin.custom)).toEqual(['customHeaders', 'domainName', 'keepaliveTimeout', 'path', 'port', 'protocol', 'readTimeout', 'sslProtocols']);
    if (withResponse) {
      expect(keys(cf.response)).toEqual(['headers', 'status', 'statusDescription']);
      expect(cf.response).toMatchObject({ status: '200', statusDescription: 'OK' });
      expect(cf.response.headers['content-type']).toEqual([{ key: 'Content-Type', value: 'text/html' }]);
    }
  });

  test('CloudFront options: method, uri, query string, headers (lower-case keys) and status', () => {
    const cf = SampleEvents.cloudFrontViewerResponse({ method: 'POST', uri: '/api', querystring: 'a=1', headers: { 'X-Custom': 'v' }, status: '404' }).Records[0].cf;
    expect(cf.request).toMatchObject({ method: 'POST', uri: '/api', querystring: 'a=1', headers: { 'x-custom': [{ key: 'X-Custom', value: 'v' }] } });
    expect(cf.response.status).toBe('404');
  });

  const COMMON = ['callerContext', 'region', 'request', 'response', 'triggerSource', 'userName', 'userPoolId', 'version'];

  test('Cognito pre sign-up: common parameters, attributes, validation data, auto-confirm flags', () => {
    const event = SampleEvents.cognitoPreSignUp({ userName: 'bob', userAttributes: { email: 'bob@example.com' }, region: 'eu-west-1' });
    expect(keys(event)).toEqual(COMMON);
    expect(event).toMatchObject({ version: '1', triggerSource: 'PreSignUp_SignUp', region: 'eu-west-1', userPoolId: 'eu-west-1_EXAMPLE', userName: 'bob' });
    expect(keys(event.callerContext)).toEqual(['awsSdkVersion', 'clientId']);
    expect(event.request).toEqual({ userAttributes: { email: 'bob@example.com' }, validationData: {}, clientMetadata: {} });
    expect(event.response).toEqual({ autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false });
  });

  test('Cognito post confirmation: a confirmed user with sub, empty response', () => {
    const event = SampleEvents.cognitoPostConfirmation({ clientMetadata: { source: 'web' } });
    expect(keys(event)).toEqual(COMMON);
    expect(event.triggerSource).toBe('PostConfirmation_ConfirmSignUp');
    expect(event.request.userAttributes).toMatchObject({ 'cognito:user_status': 'CONFIRMED', 'email': 'jane.doe@example.com', 'email_verified': 'true' });
    expect(event.request.userAttributes.sub).toBeDefined();
    expect(event.request.clientMetadata).toEqual({ source: 'web' });
    expect(event.response).toEqual({});
  });

  test('Cognito pre token generation: version 1 (claimsOverrideDetails) and version 2 (scopes, claimsAndScopeOverrideDetails)', () => {
    const v1 = SampleEvents.cognitoPreTokenGeneration();
    expect(v1).toMatchObject({ version: '1', triggerSource: 'TokenGeneration_Authentication', response: { claimsOverrideDetails: null } });
    expect(keys(v1.request)).toEqual(['clientMetadata', 'groupConfiguration', 'userAttributes']);
    expect(v1.request.groupConfiguration).toEqual({ groupsToOverride: [], iamRolesToOverride: [], preferredRole: null });
    const v2 = SampleEvents.cognitoPreTokenGeneration({ eventVersion: '2', triggerSource: 'TokenGeneration_RefreshTokens' });
    expect(v2).toMatchObject({ version: '2', triggerSource: 'TokenGeneration_RefreshTokens', response: { claimsAndScopeOverrideDetails: null } });
    expect(v2.request.scopes).toContain('openid');
  });

  test('Cognito custom message: code and link parameters, null messages to fill in', () => {
    const event = SampleEvents.cognitoCustomMessage({ triggerSource: 'CustomMessage_ForgotPassword' });
    expect(event.triggerSource).toBe('CustomMessage_ForgotPassword');
    expect(event.request).toMatchObject({ codeParameter: '{####}', linkParameter: '{##Click Here##}', usernameParameter: null });
    expect(event.response).toEqual({ smsMessage: null, emailMessage: null, emailSubject: null });
  });

  test('CloudWatch Logs: awslogs.data is the gzip-compressed, base64-encoded batch', () => {
    const event = SampleEvents.cloudWatchLogs({ messages: ['first', 'second'], logGroup: '/app/api', subscriptionFilter: 'all', account: '111122223333' });
    expect(keys(event)).toEqual(['awslogs']);
    expect(keys(event.awslogs)).toEqual(['data']);
    const raw = Buffer.from(event.awslogs.data, 'base64');
    expect([raw[0], raw[1]]).toEqual([0x1f, 0x8b]); // the gzip magic number
    const batch = JSON.parse(gunzipSync(raw).toString('utf-8'));
    expect(keys(batch)).toEqual(['logEvents', 'logGroup', 'logStream', 'messageType', 'owner', 'subscriptionFilters']);
    expect(batch).toMatchObject({ messageType: 'DATA_MESSAGE', owner: '111122223333', logGroup: '/app/api', subscriptionFilters: ['all'] });
    expect(batch.logEvents.map((e: any) => e.message)).toEqual(['first', 'second']);
    expect(keys(batch.logEvents[0])).toEqual(['id', 'message', 'timestamp']);
    expect(batch.logEvents[0].id).not.toBe(batch.logEvents[1].id);
    const defaults = JSON.parse(gunzipSync(Buffer.from(SampleEvents.cloudWatchLogs().awslogs.data, 'base64')).toString('utf-8'));
    expect(JSON.parse(defaults.logEvents[0].message)).toEqual({ level: 'ERROR', message: 'payment failed' });
    expect(SampleEvents.cloudWatchLogs()).toEqual(SampleEvents.cloudWatchLogs());
  });
});
