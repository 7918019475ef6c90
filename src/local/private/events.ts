import { createHash, randomUUID } from 'crypto';
import { multi, restProxyRequest } from '../../events/private/http';
import { SampleEvents } from '../../events/sample-events';

/**
 * Sample events per trigger kind, with the fields AWS documents for each (Lambda developer guide,
 * "Using Lambda with ..." pages). Every generator takes the parts a test varies and fills in the rest.
 */

export interface SourceContext {
  readonly region: string;
  readonly account: string;
  /** ARN of the queue, stream, table stream, bucket, topic, rule or log group. */
  readonly sourceArn?: string;
  /** CloudWatch Logs only: the messages of the batch. */
  readonly messages?: string[];
}

const DEFAULT_CONTEXT: SourceContext = { region: 'us-east-1', account: '123456789012' };
const md5 = (s: string): string => createHash('md5').update(s).digest('hex');
let sequence = BigInt('49590338271490256608559692538361571095921575989136588898');

/** One SQS message as an event source mapping delivers it. */
export function sqsRecord(
  body: string, receiveCount: number, messageId: string = randomUUID(), ctx: SourceContext = DEFAULT_CONTEXT,
): Record<string, unknown> {
  const now = Date.now();
  return {
    messageId,
    receiptHandle: Buffer.from(`${messageId}:${receiveCount}`).toString('base64'),
    body,
    attributes: {
      ApproximateReceiveCount: String(receiveCount),
      SentTimestamp: String(now),
      SenderId: `AIDAEXAMPLE${ctx.account}`,
      ApproximateFirstReceiveTimestamp: String(now),
    },
    messageAttributes: {},
    md5OfBody: md5(body),
    eventSource: 'aws:sqs',
    eventSourceARN: ctx.sourceArn ?? `arn:aws:sqs:${ctx.region}:${ctx.account}:local-queue`,
    awsRegion: ctx.region,
  };
}

/** One Kinesis record (`data` is base64 of the given text). */
export function kinesisRecord(data: string, ctx: SourceContext = DEFAULT_CONTEXT, shardId = 'shardId-000000000000'): Record<string, unknown> {
  const sequenceNumber = String(sequence++);
  return {
    kinesis: {
      kinesisSchemaVersion: '1.0',
      partitionKey: md5(data).slice(0, 8),
      sequenceNumber,
      data: Buffer.from(data).toString('base64'),
      approximateArrivalTimestamp: Date.now() / 1000,
    },
    eventSource: 'aws:kinesis',
    eventVersion: '1.0',
    eventID: `${shardId}:${sequenceNumber}`,
    eventName: 'aws:kinesis:record',
    invokeIdentityArn: `arn:aws:iam::${ctx.account}:role/local-role`,
    awsRegion: ctx.region,
    eventSourceARN: ctx.sourceArn ?? `arn:aws:kinesis:${ctx.region}:${ctx.account}:stream/local-stream`,
  };
}

/** One DynamoDB Streams record: an INSERT of `item` (attribute values in DynamoDB JSON) keyed by `id`. */
export function dynamodbRecord(item: Record<string, unknown>, ctx: SourceContext = DEFAULT_CONTEXT): Record<string, unknown> {
  const image: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) image[k] = typeof v === 'number' ? { N: String(v) } : typeof v === 'boolean' ? { BOOL: v } : { S: String(v) };
  const keyName = Object.keys(item)[0] ?? 'id';
  return {
    eventID: randomUUID().replace(/-/g, ''),
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: ctx.region,
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
      Keys: { [keyName]: image[keyName] ?? { S: 'local' } },
      NewImage: image,
      SequenceNumber: String(sequence++),
      SizeBytes: JSON.stringify(image).length,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    eventSourceARN: ctx.sourceArn ?? `arn:aws:dynamodb:${ctx.region}:${ctx.account}:table/local-table/stream/2026-01-01T00:00:00.000`,
  };
}

/** An S3 ObjectCreated:Put notification for one object. */
export function s3Event(key: string, bucket = 'local-bucket', ctx: SourceContext = DEFAULT_CONTEXT): Record<string, unknown> {
  return {
    Records: [{
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: ctx.region,
      eventTime: new Date().toISOString(),
      eventName: 'ObjectCreated:Put',
      userIdentity: { principalId: 'AWS:AIDAEXAMPLE' },
      requestParameters: { sourceIPAddress: '127.0.0.1' },
      responseElements: { 'x-amz-request-id': 'C3D13FE58DE4C810', 'x-amz-id-2': 'local' },
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'local',
        bucket: { name: bucket, ownerIdentity: { principalId: 'EXAMPLE' }, arn: `arn:aws:s3:::${bucket}` },
        object: { key: encodeURIComponent(key).replace(/%2F/g, '/'), size: 1024, eTag: md5(key), versionId: '1', sequencer: '0A1B2C3D4E5F678901' },
      },
    }],
  };
}

/** An SNS notification carrying one message. */
export function snsEvent(message: string, subject = 'local', ctx: SourceContext = DEFAULT_CONTEXT): Record<string, unknown> {
  const topicArn = ctx.sourceArn ?? `arn:aws:sns:${ctx.region}:${ctx.account}:local-topic`;
  return {
    Records: [{
      EventVersion: '1.0',
      EventSubscriptionArn: `${topicArn}:${randomUUID()}`,
      EventSource: 'aws:sns',
      Sns: {
        SignatureVersion: '1',
        Timestamp: new Date().toISOString(),
        Signature: 'EXAMPLE',
        SigningCertUrl: 'EXAMPLE',
        MessageId: randomUUID(),
        Message: message,
        MessageAttributes: {},
        Type: 'Notification',
        UnsubscribeUrl: 'EXAMPLE',
        TopicArn: topicArn,
        Subject: subject,
      },
    }],
  };
}

/** An EventBridge event; `Scheduled Event` from the scheduler by default. */
export function eventBridgeEvent(detailType = 'Scheduled Event', detail: Record<string, unknown> = {}, ctx: SourceContext = DEFAULT_CONTEXT): Record<string, unknown> {
  return {
    'version': '0',
    'id': randomUUID(),
    'detail-type': detailType,
    'source': detailType === 'Scheduled Event' ? 'aws.events' : 'local.app',
    'account': ctx.account,
    'time': new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'region': ctx.region,
    'resources': [ctx.sourceArn ?? `arn:aws:events:${ctx.region}:${ctx.account}:rule/local-rule`],
    detail,
  };
}

/** An ALB request to a Lambda target (multi-value headers and query when the target group enables them). */
export function albEvent(method = 'GET', path = '/', multiValue = false, body = '', ctx: SourceContext = DEFAULT_CONTEXT): Record<string, unknown> {
  const headers: Record<string, string> = { 'accept': '*/*', 'host': 'local.elb.amazonaws.com', 'user-agent': 'curl/8.0', 'x-forwarded-for': '127.0.0.1', 'x-forwarded-port': '443', 'x-forwarded-proto': 'https' };
  const event: Record<string, unknown> = {
    requestContext: { elb: { targetGroupArn: ctx.sourceArn ?? `arn:aws:elasticloadbalancing:${ctx.region}:${ctx.account}:targetgroup/local/0123456789abcdef` } },
    httpMethod: method,
    path,
    body,
    isBase64Encoded: false,
  };
  if (multiValue) {
    event.multiValueHeaders = multi(headers);
    event.multiValueQueryStringParameters = {};
  } else {
    event.headers = headers;
    event.queryStringParameters = {};
  }
  return event;
}

/** An API Gateway REST API proxy request. */
export function apiGatewayEvent(method = 'GET', path = '/', body: string | null = null, ctx: SourceContext = DEFAULT_CONTEXT): Record<string, unknown> {
  const headers = { 'Accept': '*/*', 'Host': 'local.execute-api.amazonaws.com', 'User-Agent': 'curl/8.0' };
  return {
    ...restProxyRequest(method, path, headers),
    pathParameters: { proxy: path.replace(/^\//, '') },
    stageVariables: null,
    requestContext: {
      accountId: ctx.account,
      resourceId: 'local',
      stage: 'prod',
      requestId: randomUUID(),
      path: `/prod${path}`,
      resourcePath: '/{proxy+}',
      httpMethod: method,
      apiId: 'local',
      protocol: 'HTTP/1.1',
      requestTimeEpoch: Date.now(),
      identity: { sourceIp: '127.0.0.1', userAgent: 'curl/8.0' },
    },
    body,
    isBase64Encoded: false,
  };
}

/** A Function URL (payload format 2.0) request. */
export function functionUrlEvent(method = 'GET', path = '/', body?: string, ctx: SourceContext = DEFAULT_CONTEXT): Record<string, unknown> {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { 'host': 'local.lambda-url.on.aws', 'user-agent': 'curl/8.0' },
    requestContext: {
      accountId: ctx.account,
      apiId: 'local',
      domainName: 'local.lambda-url.on.aws',
      domainPrefix: 'local',
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'curl/8.0' },
    },
    ...(body === undefined ? {} : { body }),
    isBase64Encoded: false,
  };
}

/** The trigger kinds the CLI and `LocalEvents` know, each with a sample event. */
export const EVENT_KINDS: Record<string, (ctx?: SourceContext) => Record<string, unknown>> = {
  'sqs': ctx => ({ Records: [sqsRecord('{"hello":"world"}', 1, undefined, ctx)] }),
  'kinesis': ctx => ({ Records: [kinesisRecord('{"hello":"world"}', ctx)] }),
  'dynamodb': ctx => ({ Records: [dynamodbRecord({ id: 'item-1', hello: 'world' }, ctx)] }),
  's3': ctx => s3Event('incoming/sample.json', undefined, ctx),
  'sns': ctx => snsEvent('{"hello":"world"}', undefined, ctx),
  'eventbridge': ctx => eventBridgeEvent(undefined, undefined, ctx),
  'alb': ctx => albEvent('GET', '/', false, '', ctx),
  'alb-multi-value': ctx => albEvent('GET', '/', true, '', ctx),
  'apigateway': ctx => apiGatewayEvent('GET', '/', null, ctx),
  'function-url': ctx => functionUrlEvent('GET', '/', undefined, ctx),
  'cloudfront-viewer-request': () => SampleEvents.cloudFrontViewerRequest(),
  'cloudfront-origin-request': () => SampleEvents.cloudFrontOriginRequest(),
  'cloudfront-origin-response': () => SampleEvents.cloudFrontOriginResponse(),
  'cloudfront-viewer-response': () => SampleEvents.cloudFrontViewerResponse(),
  'cognito-pre-sign-up': ctx => SampleEvents.cognitoPreSignUp(envOf(ctx)),
  'cognito-post-confirmation': ctx => SampleEvents.cognitoPostConfirmation(envOf(ctx)),
  'cognito-pre-token-generation': ctx => SampleEvents.cognitoPreTokenGeneration(envOf(ctx)),
  'cognito-custom-message': ctx => SampleEvents.cognitoCustomMessage(envOf(ctx)),
  'cloudwatch-logs': ctx => SampleEvents.cloudWatchLogs({ ...envOf(ctx), logGroup: logGroupOf(ctx?.sourceArn), messages: ctx?.messages }),
};

function envOf(ctx: SourceContext = DEFAULT_CONTEXT): { account: string; region: string } {
  return { account: ctx.account, region: ctx.region };
}

/** The log group name of a log group ARN (`arn:aws:logs:<region>:<account>:log-group:<name>[:*]`). */
function logGroupOf(arn: string | undefined): string | undefined {
  const m = arn === undefined ? null : /:log-group:(.+?)(:\*)?$/.exec(arn);
  return m ? m[1] : undefined;
}

/** Cognito trigger sources, by the prefix of `triggerSource`. */
const COGNITO_KINDS: Record<string, string> = {
  PreSignUp: 'cognito-pre-sign-up',
  PostConfirmation: 'cognito-post-confirmation',
  TokenGeneration: 'cognito-pre-token-generation',
  CustomMessage: 'cognito-custom-message',
};

/** The trigger kind an event looks like, from its documented fields (undefined for a direct invocation). */
export function eventKindOf(event: unknown): string | undefined {
  if (!event || typeof event !== 'object') return undefined;
  const e = event as Record<string, any>;
  const first = Array.isArray(e.Records) ? e.Records[0] : undefined;
  if (typeof first?.cf?.config?.eventType === 'string') return `cloudfront-${first.cf.config.eventType}`;
  if (typeof e.triggerSource === 'string' && e.userPoolId !== undefined) return COGNITO_KINDS[e.triggerSource.split('_')[0]] ?? 'cognito';
  if (typeof e.awslogs?.data === 'string') return 'cloudwatch-logs';
  const source = first?.eventSource ?? first?.EventSource;
  if (source) return ({ 'aws:sqs': 'sqs', 'aws:kinesis': 'kinesis', 'aws:dynamodb': 'dynamodb', 'aws:s3': 's3', 'aws:sns': 'sns' } as Record<string, string>)[source] ?? source;
  if (e.requestContext?.elb) return e.multiValueHeaders ? 'alb-multi-value' : 'alb';
  if (e.version === '2.0' && e.requestContext?.http) return 'function-url';
  if (e.httpMethod && e.requestContext?.resourcePath) return 'apigateway';
  if (e['detail-type'] !== undefined && e.source !== undefined) return 'eventbridge';
  return undefined;
}
