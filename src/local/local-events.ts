import {
  albEvent, apiGatewayEvent, dynamodbRecord, eventBridgeEvent, EVENT_KINDS, functionUrlEvent, kinesisRecord, s3Event, snsEvent, sqsRecord,
} from './private/events';

/**
 * Sample Lambda events per trigger kind, as JSON text, with the fields AWS documents for each source.
 * Use them with `LocalLambda.invoke`, or `npx cdk-lambda-blueprints invoke <fn> --event <kind>`.
 *
 * @experimental
 */
export class LocalEvents {
  /** The kinds `of()` and the CLI's `--event` know. */
  public static readonly KINDS: string[] = Object.keys(EVENT_KINDS);

  /** A sample event of `kind` (one of `KINDS`). */
  public static of(kind: string): string {
    const make = EVENT_KINDS[kind];
    if (!make) throw new Error(`[LocalLambda.UnknownEventKind] unknown event kind "${kind}": use one of ${LocalEvents.KINDS.join(', ')}`);
    return JSON.stringify(make());
  }

  /** An SQS batch, one message per body (receive count 1). */
  public static sqs(bodies: string[]): string {
    return JSON.stringify({ Records: bodies.map(b => sqsRecord(b, 1)) });
  }

  /** A Kinesis batch, one record per data string (base64-encoded in the event). */
  public static kinesis(data: string[]): string {
    return JSON.stringify({ Records: data.map(d => kinesisRecord(d)) });
  }

  /** A DynamoDB Streams batch of INSERTs, one per item given as a flat JSON object (`{"id":"a","n":1}`). */
  public static dynamodb(items: string[]): string {
    return JSON.stringify({ Records: items.map(i => dynamodbRecord(JSON.parse(i))) });
  }

  /** An S3 ObjectCreated:Put notification for `key` in `bucket`. */
  public static s3(bucket: string, key: string): string {
    return JSON.stringify(s3Event(key, bucket));
  }

  /** An SNS notification carrying `message`. */
  public static sns(message: string, subject?: string): string {
    return JSON.stringify(snsEvent(message, subject));
  }

  /** An EventBridge event (`detail` as JSON text); `Scheduled Event` without a detail type. */
  public static eventBridge(detailType?: string, detail?: string): string {
    return JSON.stringify(eventBridgeEvent(detailType, detail ? JSON.parse(detail) : {}));
  }

  /** An ALB request to a Lambda target; `multiValue` when the target group enables multi-value headers. */
  public static alb(method: string, requestPath: string, multiValue?: boolean, body?: string): string {
    return JSON.stringify(albEvent(method, requestPath, multiValue ?? false, body ?? ''));
  }

  /** An API Gateway REST API proxy request. */
  public static apiGateway(method: string, requestPath: string, body?: string): string {
    return JSON.stringify(apiGatewayEvent(method, requestPath, body ?? null));
  }

  /** A Function URL request (payload format 2.0). */
  public static functionUrl(method: string, requestPath: string, body?: string): string {
    return JSON.stringify(functionUrlEvent(method, requestPath, body));
  }

  private constructor() {}
}
