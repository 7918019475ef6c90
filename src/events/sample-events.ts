import {
  CloudFrontSampleOptions, CloudWatchLogsSampleOptions, CognitoSampleOptions, DynamoDbSampleOptions, EventBridgeSampleOptions,
  HttpSampleOptions, KinesisSampleOptions, S3SampleOptions, SnsSampleOptions, SqsSampleOptions,
} from './options';
import { customMessage, postConfirmation, preSignUp, preTokenGeneration } from './private/cognito-events';
import { env, EPOCH_MS, id, marshallItem, md5, TIME } from './private/common';
import { edgeEvent } from './private/edge-events';
import { httpBody, lower, multi } from './private/http';
import { logsEvent } from './private/logs-events';

const HELLO = '{"hello":"world"}';

/**
 * Sample Lambda events, shaped as AWS documents them, for handler tests: one generator per event kind,
 * returning a JSON-able object. Deterministic (fixed timestamps, ids derived from the options), so tests
 * can compare whole responses.
 *
 * @example
 * // An SQS event with one record, to pass to the handler in a unit test.
 * const event = SampleEvents.sqs({ bodies: ['{"orderId":"1"}'] });
 */
export class SampleEvents {
  /**
   * An SQS event: one record per body (standard or FIFO queue).
   * @see https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html
   */
  public static sqs(options: SqsSampleOptions = {}): any {
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
  public static sns(options: SnsSampleOptions = {}): any {
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
   * An S3 event notification: one record per object key.
   * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
   */
  public static s3(options: S3SampleOptions = {}): any {
    const { region } = env(options);
    const bucket = options.bucketName ?? 'uploads';
    const Records = (options.keys ?? ['incoming/report.csv']).map((key, i) => ({
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: region,
      eventTime: TIME,
      eventName: options.eventName ?? 'ObjectCreated:Put',
      userIdentity: { principalId: 'AWS:AIDAEXAMPLE' },
      requestParameters: { sourceIPAddress: '203.0.113.10' },
      responseElements: { 'x-amz-request-id': id('req', key).slice(0, 16).toUpperCase(), 'x-amz-id-2': Buffer.from(id('id2', key)).toString('base64') },
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'blueprint-notification',
        bucket: { name: bucket, ownerIdentity: { principalId: 'A3EXAMPLE' }, arn: `arn:aws:s3:::${bucket}` },
        object: {
          key: encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+'),
          size: options.size ?? 1024,
          eTag: md5(key),
          sequencer: `0A1B2C3D4E5F60${String(i).padStart(4, '0')}`,
        },
      },
    }));
    return { Records };
  }

  /**
   * A Kinesis event: one record per payload (data base64-encoded).
   * @see https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html
   */
  public static kinesis(options: KinesisSampleOptions = {}): any {
    const { account, region } = env(options);
    const arn = `arn:aws:kinesis:${region}:${account}:stream/${options.streamName ?? 'events'}`;
    const Records = (options.payloads ?? [HELLO]).map((payload, i) => {
      const sequenceNumber = `4959003364656497856385347830584017${String(i).padStart(22, '0')}`;
      return {
        kinesis: {
          kinesisSchemaVersion: '1.0',
          partitionKey: options.partitionKey ?? 'partition-1',
          sequenceNumber,
          data: Buffer.from(payload, 'utf-8').toString('base64'),
          approximateArrivalTimestamp: EPOCH_MS / 1000 + i,
        },
        eventSource: 'aws:kinesis',
        eventVersion: '1.0',
        eventID: `shardId-000000000000:${sequenceNumber}`,
        eventName: 'aws:kinesis:record',
        invokeIdentityArn: `arn:aws:iam::${account}:role/lambda-role`,
        awsRegion: region,
        eventSourceARN: arn,
      };
    });
    return { Records };
  }

  /**
   * A DynamoDB Streams event (one record; images in DynamoDB JSON, view type NEW_AND_OLD_IMAGES).
   * @see https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html
   */
  public static dynamoDb(options: DynamoDbSampleOptions = {}): any {
    const { account, region } = env(options);
    const eventName = options.eventName ?? 'INSERT';
    const keys = options.keys ?? { pk: 'order#1' };
    const newImage = options.newImage ?? (eventName === 'REMOVE' ? undefined : { ...keys, status: 'NEW' });
    const oldImage = options.oldImage ?? (eventName === 'INSERT' ? undefined : { ...keys, status: 'OLD' });
    const item = {
      Keys: marshallItem(keys),
      ...(newImage ? { NewImage: marshallItem(newImage) } : {}),
      ...(oldImage ? { OldImage: marshallItem(oldImage) } : {}),
    };
    return {
      Records: [{
        eventID: id('ddb', keys, eventName).replace(/-/g, ''),
        eventName,
        eventVersion: '1.1',
        eventSource: 'aws:dynamodb',
        awsRegion: region,
        dynamodb: {
          ApproximateCreationDateTime: EPOCH_MS / 1000,
          ...item,
          SequenceNumber: '111100000000000000000001',
          SizeBytes: Buffer.byteLength(JSON.stringify(item)),
          StreamViewType: 'NEW_AND_OLD_IMAGES',
        },
        eventSourceARN: `arn:aws:dynamodb:${region}:${account}:table/${options.tableName ?? 'orders'}/stream/2025-01-01T00:00:00.000`,
      }],
    };
  }

  /**
   * An EventBridge event (rule target or schedule).
   * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-events-structure.html
   */
  public static eventBridge(options: EventBridgeSampleOptions = {}): any {
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

  /**
   * An API Gateway REST API proxy event (payload format 1.0).
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html#api-gateway-simple-proxy-for-lambda-input-format
   */
  public static apiGatewayRest(options: HttpSampleOptions = {}): any {
    const { account } = env(options);
    const method = options.method ?? 'GET';
    const path = options.path ?? '/';
    const headers = options.headers ?? { 'Accept': '*/*', 'Host': 'abc123.execute-api.us-east-1.amazonaws.com', 'X-Forwarded-Proto': 'https' };
    const query = options.query;
    return {
      resource: '/{proxy+}',
      path,
      httpMethod: method,
      headers,
      multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
      queryStringParameters: query ?? null,
      multiValueQueryStringParameters: query ? Object.fromEntries(Object.entries(query).map(([k, v]) => [k, [v]])) : null,
      pathParameters: path === '/' ? null : { proxy: path.replace(/^\//, '') },
      stageVariables: null,
      requestContext: {
        accountId: account,
        apiId: 'abc123',
        resourceId: 'res123',
        resourcePath: '/{proxy+}',
        stage: 'prod',
        httpMethod: method,
        path: `/prod${path}`,
        protocol: 'HTTP/1.1',
        requestId: id('apigw', method, path),
        requestTime: '01/Jan/2025:00:00:00 +0000',
        requestTimeEpoch: EPOCH_MS,
        identity: { sourceIp: '203.0.113.10', userAgent: 'curl/8.0.0', accountId: null, caller: null, user: null, userArn: null },
      },
      ...httpBody(options, 'null'),
    };
  }

  /**
   * An Application Load Balancer request to a Lambda target, with single-value or multi-value headers.
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html
   */
  public static alb(options: HttpSampleOptions = {}): any {
    const { account, region } = env(options);
    const headers = lower(options.headers ?? { 'accept': '*/*', 'host': `blueprint-alb-123456789.${region}.elb.amazonaws.com`, 'x-forwarded-proto': 'https' });
    const query = options.query ?? {};
    const head = {
      requestContext: { elb: { targetGroupArn: `arn:aws:elasticloadbalancing:${region}:${account}:targetgroup/lambda-target/0123456789abcdef` } },
      httpMethod: options.method ?? 'GET',
      path: options.path ?? '/',
    };
    const values = options.multiValueHeaders
      ? { multiValueQueryStringParameters: multi(query), multiValueHeaders: multi(headers) }
      : { queryStringParameters: query, headers };
    return { ...head, ...values, ...httpBody(options, 'empty') };
  }

  /**
   * A Lambda function URL request (payload format 2.0).
   * @see https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html#urls-payloads
   */
  public static functionUrl(options: HttpSampleOptions = {}): any {
    const { account, region } = env(options);
    const method = options.method ?? 'GET';
    const path = options.path ?? '/';
    const domain = `abcdefghijklmnopqrstuvwxyz012345.lambda-url.${region}.on.aws`;
    const headers = lower(options.headers ?? { accept: '*/*', host: domain });
    const query = options.query;
    return {
      version: '2.0',
      routeKey: '$default',
      rawPath: path,
      rawQueryString: query ? new URLSearchParams(query).toString() : '',
      headers,
      ...(query ? { queryStringParameters: query } : {}),
      requestContext: {
        accountId: account,
        apiId: 'abcdefghijklmnopqrstuvwxyz012345',
        domainName: domain,
        domainPrefix: 'abcdefghijklmnopqrstuvwxyz012345',
        http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.10', userAgent: headers['user-agent'] ?? 'curl/8.0.0' },
        requestId: id('url', method, path),
        routeKey: '$default',
        stage: '$default',
        time: '01/Jan/2025:00:00:00 +0000',
        timeEpoch: EPOCH_MS,
      },
      ...httpBody(options, 'absent'),
    };
  }

  /**
   * A CloudFront viewer-request event (Lambda@Edge). The handler returns the request (changed or not), or
   * a response (`status`, `statusDescription`, `headers`, `body`) to answer without the cache or origin.
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-event-structure.html
   */
  public static cloudFrontViewerRequest(options: CloudFrontSampleOptions = {}): any {
    return edgeEvent('viewer-request', options);
  }

  /**
   * A CloudFront origin-request event (Lambda@Edge, `request.origin` set). The handler returns the request
   * (e.g. another origin), or a response.
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-event-structure.html
   */
  public static cloudFrontOriginRequest(options: CloudFrontSampleOptions = {}): any {
    return edgeEvent('origin-request', options);
  }

  /**
   * A CloudFront origin-response event (Lambda@Edge): the handler returns the response (changed or not).
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-event-structure.html
   */
  public static cloudFrontOriginResponse(options: CloudFrontSampleOptions = {}): any {
    return edgeEvent('origin-response', options);
  }

  /**
   * A CloudFront viewer-response event (Lambda@Edge): the handler returns the response (changed or not).
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-event-structure.html
   */
  public static cloudFrontViewerResponse(options: CloudFrontSampleOptions = {}): any {
    return edgeEvent('viewer-response', options);
  }

  /**
   * A Cognito pre sign-up event: the handler returns the event (`response.autoConfirmUser`, …) or throws.
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-sign-up.html
   */
  public static cognitoPreSignUp(options: CognitoSampleOptions = {}): any {
    return preSignUp(options);
  }

  /**
   * A Cognito post confirmation event: the handler returns the event unchanged.
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-post-confirmation.html
   */
  public static cognitoPostConfirmation(options: CognitoSampleOptions = {}): any {
    return postConfirmation(options);
  }

  /**
   * A Cognito pre token generation event (version 1, or 2/3 with access token claims and scopes): the
   * handler returns the event with `response.claimsOverrideDetails` (v1) or `claimsAndScopeOverrideDetails`.
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
   */
  public static cognitoPreTokenGeneration(options: CognitoSampleOptions = {}): any {
    return preTokenGeneration(options);
  }

  /**
   * A Cognito custom message event: the handler returns the event with `response.emailSubject`,
   * `emailMessage` and `smsMessage` (containing `request.codeParameter`).
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-message.html
   */
  public static cognitoCustomMessage(options: CognitoSampleOptions = {}): any {
    return customMessage(options);
  }

  /**
   * A CloudWatch Logs subscription batch: `awslogs.data` is the JSON batch (`logGroup`, `logStream`,
   * `logEvents`, …), gzip-compressed and base64-encoded, as CloudWatch Logs delivers it.
   * @see https://docs.aws.amazon.com/lambda/latest/dg/services-cloudwatchlogs.html
   */
  public static cloudWatchLogs(options: CloudWatchLogsSampleOptions = {}): any {
    return logsEvent(options);
  }

  private constructor() {}
}
