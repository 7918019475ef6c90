import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';

/**
 * Where a stream mapping sends the records it gives up on (retries or record age exhausted).
 *
 * Only streams (Kinesis, DynamoDB Streams) take an on-failure destination on the mapping; an SQS source
 * fails over to the redrive DLQ of its own queue.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html#invocation-eventsourcemapping
 */
export class StreamFailureDestination {
  /**
   * An encrypted, TLS-only, 14-day, depth-alarmed `DurableQueue` created for the mapping (the default).
   */
  public static toDurableQueue(): StreamFailureDestination {
    return new StreamFailureDestination();
  }

  /**
   * An existing standard SQS queue (a FIFO queue is refused: Lambda cannot send failure records to it).
   * A depth alarm is created for it unless it is the queue of a `DurableQueue`.
   * @param queue the queue
   */
  public static toQueue(queue: sqs.IQueue): StreamFailureDestination {
    return new StreamFailureDestination(queue);
  }

  /**
   * An existing SNS topic (its subscribers decide where the failure records go).
   * @param topic the topic
   */
  public static toTopic(topic: sns.ITopic): StreamFailureDestination {
    return new StreamFailureDestination(undefined, topic);
  }

  private constructor(
    /** The queue, when the destination is an existing queue. */
    public readonly queue?: sqs.IQueue,
    /** The topic, when the destination is a topic. */
    public readonly topic?: sns.ITopic,
  ) {}
}

/**
 * What every blueprint event source takes (SQS queues, Kinesis streams, DynamoDB Streams).
 *
 * Every value is written to the `AWS::Lambda::EventSourceMapping` and checked there at synth, so an
 * escape-hatch change of the mapping is checked too.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html
 */
export interface SourceOptions {
  /**
   * Records per batch. Streams: 1–10,000. SQS standard: 1–10,000, above 10 only with a batching window
   * of at least 1 s. SQS FIFO: 1–10.
   * @default - 100 for streams, 10 for SQS
   */
  readonly batchSize?: number;

  /**
   * How long to gather records before invoking, 0–300 s. Not supported on FIFO queues.
   * @default - no batching window
   */
  readonly maxBatchingWindow?: Duration;

  /**
   * Let the handler return `batchItemFailures` so that only the failed records are retried.
   * @default true
   * @see https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html#services-sqs-batchfailurereporting
   */
  readonly reportBatchItemFailures?: boolean;

  /**
   * Event filter patterns, as JSON strings (e.g. `'{"body":{"kind":["order"]}}'`); at most 5.
   * Records that match no pattern are dropped without invoking the function.
   * @default - no filtering
   * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html
   */
  readonly filters?: string[];

  /**
   * Whether the mapping polls.
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * Create the source's alarms: IteratorAge (streams), ApproximateAgeOfOldestMessage (SQS) and the depth
   * of a failure destination the blueprint does not already alarm.
   * @default true
   */
  readonly alarms?: boolean;
}

/**
 * Options of a `QueueSource` (SQS). Stream-only settings are not part of this type, so giving
 * them to a queue source fails to compile (and, through an escape hatch, at synth).
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html
 */
export interface QueueSourceOptions extends SourceOptions {
  /**
   * The most concurrent function instances the mapping invokes, 2–1,000.
   * @default - no limit beyond the function's concurrency
   * @see https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html
   */
  readonly maxConcurrency?: number;

  /**
   * Alarm when the oldest message of the source queue is older than this.
   * @default Duration.minutes(5)
   */
  readonly messageAgeThreshold?: Duration;
}

/**
 * Options of a stream source (`KinesisSource`, `DynamoStreamSource`). SQS-only settings
 * are not part of this type, so giving them to a stream source fails to compile.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html#services-kinesis-params
 */
export interface StreamSourceOptions extends SourceOptions {
  /**
   * Where a stream mapping starts reading. Required for Kinesis and DynamoDB Streams (`AT_TIMESTAMP`:
   * Kinesis only, with `startingPositionTimestamp`); refused on SQS.
   * @default - none: a stream source without it is refused at synth (the patterns default to TRIM_HORIZON)
   * @see https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html#services-kinesis-params
   */
  readonly startingPosition?: lambda.StartingPosition;

  /**
   * With `StartingPosition.AT_TIMESTAMP` on Kinesis: the time to start reading from, in Unix seconds.
   * @default - none
   */
  readonly startingPositionTimestamp?: number;

  /**
   * Split a failing batch in two and retry each half, isolating a poison record.
   * @default true for streams
   */
  readonly bisectBatchOnError?: boolean;

  /**
   * Retries of a failing batch, -1 (until the record expires) or 0–10,000.
   * @default 10 for streams
   */
  readonly retryAttempts?: number;

  /**
   * Discard (to the on-failure destination) records older than this, 60 s to 7 days.
   * @default Duration.days(1) for streams
   */
  readonly maxRecordAge?: Duration;

  /**
   * Batches processed at once per shard, 1–10. The function then needs up to
   * shards × factor concurrent executions.
   * @default 1
   */
  readonly parallelizationFactor?: number;

  /**
   * A tumbling window for stateful aggregation, 0–900 s.
   * @default - no tumbling window
   */
  readonly tumblingWindow?: Duration;

  /**
   * Where records go that failed for good.
   * @default StreamFailureDestination.toDurableQueue() for streams
   */
  readonly onFailure?: StreamFailureDestination;

  /**
   * Alarm when the function's IteratorAge (Maximum) exceeds this.
   * @default Duration.minutes(1)
   */
  readonly iteratorAgeThreshold?: Duration;
}

/**
 * Every option a mapping may carry (what the mapping and its checks read). Internal: sources take
 * `QueueSourceOptions` or `StreamSourceOptions`.
 */
export interface BlueprintEventSourceOptions extends QueueSourceOptions, StreamSourceOptions {}
