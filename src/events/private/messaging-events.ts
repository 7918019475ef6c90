import { env, EPOCH_MS, HELLO, id, md5, TIME } from './common';
import { EventBridgeSampleOptions, SnsSampleOptions, SqsSampleOptions } from '../options';

/**
 * An SQS event: one record per body (standard or FIFO queue).
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html
 */
export function sqsEvent(options: SqsSampleOptions): any {
  const { account, region } = env(options);
  const queueName = options.queueName ?? 'orders';
  const fifo = queueName.endsWith('.fifo');
  const attributes = Object.entries(options.messageAttributes ?? {});
  const Records = (options.bodies ?? [HELLO]).map((body, i) => ({
    messageId: id('sqs', queueName, i),
    receiptHandle: `AQEB${Buffer.from(id('receipt', queueName, i)).toString('base64')}`,
    body,
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: String(EPOCH_MS + i),
      SenderId: `${account}`,
      ApproximateFirstReceiveTimestamp: String(EPOCH_MS + i + 5),
      ...(fifo ? { SequenceNumber: `1884949646046769${String(6128 + i).padStart(4, '0')}`, MessageGroupId: 'group-1', MessageDeduplicationId: md5(body) } : {}),
    },
    messageAttributes: Object.fromEntries(attributes.map(([k, v]) => [k, { stringValue: v, stringListValues: [], binaryListValues: [], dataType: 'String' }])),
    md5OfBody: md5(body),
    ...(attributes.length ? { md5OfMessageAttributes: md5(JSON.stringify(attributes)) } : {}),
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:${region}:${account}:${queueName}`,
    awsRegion: region,
  }));
  return { Records };
}

/**
 * An SNS event (one record, as SNS delivers one message per invocation).
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html
 */
export function snsEvent(options: SnsSampleOptions): any {
  const { account, region } = env(options);
  const topicArn = `arn:aws:sns:${region}:${account}:${options.topicName ?? 'notifications'}`;
  const message = options.message ?? HELLO;
  return {
    Records: [{
      EventVersion: '1.0',
      EventSubscriptionArn: `${topicArn}:${id('subscription', topicArn)}`,
      EventSource: 'aws:sns',
      Sns: {
        SignatureVersion: '1',
        Timestamp: TIME,
        Signature: Buffer.from(md5(message)).toString('base64'),
        SigningCertUrl: `https://sns.${region}.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem`,
        MessageId: id('sns', topicArn, message),
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
export function eventBridgeEvent(options: EventBridgeSampleOptions): any {
  const { account, region } = env(options);
  const detail = options.detail ?? { orderId: 'order-1' };
  return {
    'version': '0',
    'id': id('events', options.source, options.detailType, detail),
    'detail-type': options.detailType ?? 'OrderPlaced',
    'source': options.source ?? 'com.example.orders',
    'account': account,
    'time': '2025-01-01T00:00:00Z',
    'region': region,
    'resources': [],
    'detail': detail,
  };
}
