import * as events from 'aws-cdk-lib/aws-events';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { isToken } from '../core/private/tokens';

/** The kind of service an asynchronous destination delivers to. */
export enum AsyncDestinationKind {
  /** An SQS standard queue. */
  QUEUE = 'QUEUE',
  /** An SNS standard topic. */
  TOPIC = 'TOPIC',
  /** Another Lambda function. */
  FUNCTION = 'FUNCTION',
  /** An EventBridge event bus. */
  EVENT_BUS = 'EVENT_BUS',
  /** An S3 bucket (on-failure only). */
  BUCKET = 'BUCKET',
}

/**
 * Where Lambda sends the record of an asynchronous invocation (on success or on failure).
 *
 * The record carries the request, the response or error and the invocation context; destinations are
 * preferred over dead-letter queues, which only receive the event of a failure. FIFO queues and FIFO
 * topics are refused at synth: Lambda delivers destination records to standard queues and topics only.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
 */
export class AsyncDestination implements lambda.IDestination {
  /**
   * An SQS standard queue (the usual on-failure destination; the role gets sqs:SendMessage).
   * @param queue the queue
   */
  public static toQueue(queue: sqs.IQueue): AsyncDestination {
    return new AsyncDestination(AsyncDestinationKind.QUEUE, new destinations.SqsDestination(queue), queue.node.path, queue.fifo);
  }

  /**
   * An SNS standard topic (fan-out of invocation records; the role gets sns:Publish).
   * @param topic the topic
   */
  public static toTopic(topic: sns.ITopic): AsyncDestination {
    return new AsyncDestination(AsyncDestinationKind.TOPIC, new destinations.SnsDestination(topic), topic.node.path, topic.fifo);
  }

  /**
   * Another Lambda function, invoked asynchronously with the invocation record.
   * @param fn the function
   */
  public static toFunction(fn: lambda.IFunction): AsyncDestination {
    return new AsyncDestination(AsyncDestinationKind.FUNCTION, new destinations.LambdaDestination(fn), fn.node.path, false);
  }

  /**
   * An EventBridge event bus (the record becomes an event).
   * @param bus the bus
   * @default - the account's default bus when `bus` is omitted
   */
  public static toEventBus(bus?: events.IEventBus): AsyncDestination {
    return new AsyncDestination(AsyncDestinationKind.EVENT_BUS, new destinations.EventBridgeDestination(bus), bus ? bus.node.path : 'default event bus', false);
  }

  /**
   * An S3 bucket: Lambda writes the record of each failed invocation as an object. On-failure only.
   * @param bucket the bucket
   */
  public static toBucket(bucket: s3.IBucket): AsyncDestination {
    return new AsyncDestination(AsyncDestinationKind.BUCKET, new destinations.S3Destination(bucket), bucket.node.path, false);
  }

  private constructor(
    /** The kind of service the records go to. */
    public readonly kind: AsyncDestinationKind,
    /** The aws-lambda destination this wraps. */
    public readonly destination: lambda.IDestination,
    /** A readable name of the target (its construct path). */
    public readonly targetName: string,
    private readonly fifoFlag: boolean | undefined,
  ) {}

  /**
   * Called by Lambda's EventInvokeConfig: binds the wrapped destination.
   * @param scope the scope
   * @param fn the function
   * @param options binding options
   */
  public bind(scope: Construct, fn: lambda.IFunction, options?: lambda.DestinationOptions): lambda.DestinationConfig {
    return this.destination.bind(scope, fn, options);
  }

  /** Whether the target is a FIFO queue or topic (unknown tokens count as not FIFO). */
  public get isFifo(): boolean {
    return this.fifoFlag === true && !isToken(this.fifoFlag);
  }
}
