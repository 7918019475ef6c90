import { env, HELLO, isoTime, md5, SAMPLE, Stamp } from './common';
import { EventBridgeSampleOptions, SnsSampleOptions, SqsSampleOptions } from '../options';

/** What varies between the deliveries of SQS messages: the emulator receives one message several times. */
export interface SqsRecordFacts {
  readonly queueArn: string;
  readonly region: string;
  readonly messageId: string;
  readonly receiptHandle: string;
  /** Receives so far, this one included. */
  readonly receiveCount: number;
  /** Epoch milliseconds the message was sent. */
  readonly sentAt: number;
  /** Position of the message in its FIFO queue (its `SequenceNumber`). */
  readonly position: number;
  /** String message attributes. */
  readonly attributes?: Array<[string, string]>;
}

/** One SQS message as an event source mapping delivers it (FIFO fields when the queue name ends with `.fifo`). */
export function sqsRecord(body: string, f: SqsRecordFacts): any {
  const account = f.queueArn.split(':')[4];
  const attributes = f.attributes ?? [];
  return {
    messageId: f.messageId,
    receiptHandle: f.receiptHandle,
    body,
    attributes: {
      ApproximateReceiveCount: String(f.receiveCount),
      SentTimestamp: String(f.sentAt),
      SenderId: `${account}`,
      ApproximateFirstReceiveTimestamp: String(f.sentAt + 5),
      ...(f.queueArn.endsWith('.fifo') ? { SequenceNumber: `1884949646046769${String(6128 + f.position).padStart(4, '0')}`, MessageGroupId: 'group-1', MessageDeduplicationId: md5(body) } : {}),
    },
    messageAttributes: Object.fromEntries(attributes.map(([k, v]) => [k, { stringValue: v, stringListValues: [], binaryListValues: [], dataType: 'String' }])),
    md5OfBody: md5(body),
    ...(attributes.length ? { md5OfMessageAttributes: md5(JSON.stringify(attributes)) } : {}),
    eventSource: 'aws:sqs',
    eventSourceARN: f.queueArn,
    awsRegion: f.region,
  };
}

/**
 * An SQS event: one record per body (standard or FIFO queue).
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html
 */
export function sqsEvent(options: SqsSampleOptions, stamp: Stamp = SAMPLE): any {
  const { account, region } = env(options);
  const queueName = options.queueName ?? 'orders';
  const queueArn = `arn:aws:sqs:${region}:${account}:${queueName}`;
  const attributes = Object.entries(options.messageAttributes ?? {});
  const Records = (options.bodies ?? [HELLO]).map((body, i) => sqsRecord(body, {
    queueArn,
    region,
    messageId: stamp.id('sqs', queueName, i),
    receiptHandle: `AQEB${Buffer.from(stamp.id('receipt', queueName, i)).toString('base64')}`,
    receiveCount: 1,
    sentAt: stamp.at + i,
    position: i,
    attributes,
  }));
  return { Records };
}

/**
 * An SNS event (one record, as SNS delivers one message per invocation).
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html
 */
export function snsEvent(options: SnsSampleOptions, stamp: Stamp = SAMPLE): any {
  const { account, region } = env(options);
  const topicArn = `arn:aws:sns:${region}:${account}:${options.topicName ?? 'notifications'}`;
  const message = options.message ?? HELLO;
  return {
    Records: [{
      EventVersion: '1.0',
      EventSubscriptionArn: `${topicArn}:${stamp.id('subscription', topicArn)}`,
      EventSource: 'aws:sns',
      Sns: {
        SignatureVersion: '1',
        Timestamp: isoTime(stamp),
        Signature: Buffer.from(md5(message)).toString('base64'),
        SigningCertUrl: `https://sns.${region}.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem`,
        MessageId: stamp.id('sns', topicArn, message),
        Message: message,
        MessageAttributes: Object.fromEntries(Object.entries(options.messageAttributes ?? {}).map(([k, v]) => [k, { Type: 'String', Value: v }])),
        Type: 'Notification',
        UnsubscribeUrl: `https://sns.${region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${topicArn}`,
        TopicArn: topicArn,
        Subject: options.subject ?? null,
      },
    }],
  };
}

/**
 * An EventBridge event (rule target or schedule).
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-events-structure.html
 */
export function eventBridgeEvent(options: EventBridgeSampleOptions, stamp: Stamp = SAMPLE, resources: string[] = []): any {
  const { account, region } = env(options);
  const detail = options.detail ?? { orderId: 'order-1' };
  return {
    'version': '0',
    'id': stamp.id('events', options.source, options.detailType, detail),
    'detail-type': options.detailType ?? 'OrderPlaced',
    'source': options.source ?? 'com.example.orders',
    'account': account,
    'time': isoTime(stamp).replace(/\.\d{3}Z$/, 'Z'),
    'region': region,
    'resources': resources,
    'detail': detail,
  };
}
