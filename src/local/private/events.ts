import { randomUUID } from 'crypto';
import { liveStamp, md5 } from '../../events/private/common';
import { dynamoDbRecord, kinesisRecord as kinesisSampleRecord, s3Event as s3SampleEvent } from '../../events/private/data-events';
import { albEvent as albSampleEvent, apiGatewayRestEvent, functionUrlEvent as functionUrlSampleEvent } from '../../events/private/http-events';
import { eventBridgeEvent as eventBridgeSampleEvent, snsEvent as snsSampleEvent, sqsRecord as sqsSampleRecord } from '../../events/private/messaging-events';
import { SampleEvents } from '../../events/sample-events';

/**
 * The emulator's events per trigger kind. Every field is built by the public sample events (src/events),
 * the one source of event shapes; the emulator only gives its facts: the function's own source ARNs, the
 * current time, random ids, and per-delivery values (receive counts, stream sequence numbers).
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
/** Stream sequence numbers of this process: unique and increasing, as a shard's are. */
let sequence = BigInt('49590338271490256608559692538361571095921575989136588898');

/** One SQS message as an event source mapping delivers it. */
export function sqsRecord(
  body: string, receiveCount: number, messageId: string = randomUUID(), ctx: SourceContext = DEFAULT_CONTEXT,
): Record<string, unknown> {
  return sqsSampleRecord(body, {
    queueArn: ctx.sourceArn ?? `arn:aws:sqs:${ctx.region}:${ctx.account}:local-queue`,
    region: ctx.region,
    messageId,
    receiptHandle: `AQEB${Buffer.from(`${messageId}:${receiveCount}`).toString('base64')}`,
    receiveCount,
    sentAt: Date.now(),
    // A FIFO message keeps its sequence number across receives.
    position: parseInt(md5(messageId).slice(0, 4), 16) % 1000,
  });
}

/** One Kinesis record (`data` is base64 of the given text). */
export function kinesisRecord(data: string, ctx: SourceContext = DEFAULT_CONTEXT): Record<string, unknown> {
  return kinesisSampleRecord(data, md5(data).slice(0, 8), {
    streamArn: ctx.sourceArn ?? `arn:aws:kinesis:${ctx.region}:${ctx.account}:stream/local-stream`,
    region: ctx.region,
    sequenceNumber: String(sequence++),
    arrivedAt: Date.now(),
  });
}

/** One DynamoDB Streams record: an INSERT of `item` (given as plain JSON), keyed by its first attribute. */
export function dynamodbRecord(item: Record<string, unknown>, ctx: SourceContext = DEFAULT_CONTEXT): Record<string, unknown> {
  const keyName = Object.keys(item)[0] ?? 'id';
  return dynamoDbRecord({ eventName: 'INSERT', keys: { [keyName]: item[keyName] ?? 'local' }, newImage: item }, {
    streamArn: ctx.sourceArn ?? `arn:aws:dynamodb:${ctx.region}:${ctx.account}:table/local-table/stream/2026-01-01T00:00:00.000`,
    region: ctx.region,
    sequenceNumber: String(sequence++),
    arrivedAt: Date.now(),
    eventId: randomUUID().replace(/-/g, ''),
  });
}

/** An S3 ObjectCreated:Put notification for one object (the key URL-encoded, as S3 writes it). */
export function s3Event(key: string, bucket = 'local-bucket', ctx: SourceContext = DEFAULT_CONTEXT): Record<string, unknown> {
  return s3SampleEvent({ bucketName: bucket, keys: [key], region: ctx.region, account: ctx.account }, liveStamp());
}

/** An SNS notification carrying one message. */
export function snsEvent(message: string, subject?: string, ctx: SourceContext = DEFAULT_CONTEXT): Record<string, unknown> {
  const topicName = ctx.sourceArn?.split(':')[5] ?? 'local-topic';
  return snsSampleEvent({ message, subject, topicName, region: ctx.region, account: ctx.account }, liveStamp());
}

/** An EventBridge event; `Scheduled Event` from the scheduler by default. */
export function eventBridgeEvent(detailType = 'Scheduled Event', detail: Record<string, unknown> = {}, ctx: SourceContext = DEFAULT_CONTEXT): Record<string, unknown> {
  const source = detailType === 'Scheduled Event' ? 'aws.events' : 'local.app';
  const rule = ctx.sourceArn ?? `arn:aws:events:${ctx.region}:${ctx.account}:rule/local-rule`;
  return eventBridgeSampleEvent({ detailType, detail, source, region: ctx.region, account: ctx.account }, liveStamp(), [rule]);
}

/** An ALB request to a Lambda target (multi-value headers and query when the target group enables them). */
export function albEvent(method = 'GET', path = '/', multiValue = false, body = '', ctx: SourceContext = DEFAULT_CONTEXT): Record<string, unknown> {
  return albSampleEvent({ method, path, body, multiValueHeaders: multiValue, region: ctx.region, account: ctx.account });
}

/** An API Gateway REST API proxy request. */
export function apiGatewayEvent(method = 'GET', path = '/', body: string | null = null, ctx: SourceContext = DEFAULT_CONTEXT): Record<string, unknown> {
  return apiGatewayRestEvent({ method, path, body: body ?? undefined, region: ctx.region, account: ctx.account }, liveStamp());
}

/** A Function URL request (payload format 2.0). */
export function functionUrlEvent(method = 'GET', path = '/', body?: string, ctx: SourceContext = DEFAULT_CONTEXT): Record<string, unknown> {
  return functionUrlSampleEvent({ method, path, body, region: ctx.region, account: ctx.account }, liveStamp());
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
