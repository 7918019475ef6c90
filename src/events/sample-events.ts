import {
  CloudFrontSampleOptions, CloudWatchLogsSampleOptions, CognitoSampleOptions, DynamoDbSampleOptions, EventBridgeSampleOptions,
  HttpSampleOptions, KinesisSampleOptions, S3SampleOptions, SnsSampleOptions, SqsSampleOptions,
} from './options';
import { customMessage, postConfirmation, preSignUp, preTokenGeneration } from './private/cognito-events';
import { dynamoDbEvent, kinesisEvent, s3Event } from './private/data-events';
import { edgeEvent } from './private/edge-events';
import { albEvent, apiGatewayRestEvent, functionUrlEvent } from './private/http-events';
import { logsEvent } from './private/logs-events';
import { eventBridgeEvent, snsEvent, sqsEvent } from './private/messaging-events';

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
    return sqsEvent(options);
  }

  /**
   * An SNS event (one record, as SNS delivers one message per invocation).
   * @see https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html
   */
  public static sns(options: SnsSampleOptions = {}): any {
    return snsEvent(options);
  }

  /**
   * An S3 event notification: one record per object key.
   * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
   */
  public static s3(options: S3SampleOptions = {}): any {
    return s3Event(options);
  }

  /**
   * A Kinesis event: one record per payload (data base64-encoded).
   * @see https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html
   */
  public static kinesis(options: KinesisSampleOptions = {}): any {
    return kinesisEvent(options);
  }

  /**
   * A DynamoDB Streams event (one record; images in DynamoDB JSON, view type NEW_AND_OLD_IMAGES).
   * @see https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html
   */
  public static dynamoDb(options: DynamoDbSampleOptions = {}): any {
    return dynamoDbEvent(options);
  }

  /**
   * An EventBridge event (rule target or schedule).
   * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-events-structure.html
   */
  public static eventBridge(options: EventBridgeSampleOptions = {}): any {
    return eventBridgeEvent(options);
  }

  /**
   * An API Gateway REST API proxy event (payload format 1.0).
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html#api-gateway-simple-proxy-for-lambda-input-format
   */
  public static apiGatewayRest(options: HttpSampleOptions = {}): any {
    return apiGatewayRestEvent(options);
  }

  /**
   * An Application Load Balancer request to a Lambda target, with single-value or multi-value headers.
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html
   */
  public static alb(options: HttpSampleOptions = {}): any {
    return albEvent(options);
  }

  /**
   * A Lambda function URL request (payload format 2.0).
   * @see https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html#urls-payloads
   */
  public static functionUrl(options: HttpSampleOptions = {}): any {
    return functionUrlEvent(options);
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
