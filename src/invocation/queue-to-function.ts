import { Duration, Lazy, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { PatternFunctionProps, patternFunction } from './pattern-function';
import { durationForL2 } from '../core/private/refused-values';
import { isToken } from '../core/private/tokens';
import { invokeTargetOf } from '../function/private/invoke-target';
import { LIMITS } from '../limits';
import { DurableQueue } from '../queue/durable-queue';
import { SqsSourceMaxReceiveCount } from '../rules/inputs';
import { enforceRules } from '../rules/private/enforce';
import { checkInputs } from '../rules/private/inputs';
import { QueueSourceOptions } from '../sources/options';
import { functionTimeout } from '../sources/private/function-timeout';
import { QueueSource } from '../sources/queue';
import { defaultOf } from '../standards/private/registry';

/** The redrive maxReceiveCount a created source queue gets by default. */
const DEFAULT_MAX_RECEIVE_COUNT = 5;

/**
 * Properties of a `QueueToFunction`.
 */
export interface QueueToFunctionProps extends PatternFunctionProps {
  /**
   * An existing queue to consume (its visibility timeout is checked against the function timeout).
   * @default - a queue is created: encrypted, TLS-only, visibility 6 x function timeout + batching window,
   * with a `DurableQueue` as redrive DLQ
   */
  readonly existingQueue?: sqs.IQueue;

  /**
   * Create a FIFO queue (and a FIFO DLQ). Lambda keeps the order within each message group; a failing
   * message blocks only its group. Ignored with `existingQueue`.
   * @default false
   */
  readonly fifo?: boolean;

  /**
   * Customer-managed key for the created queue and its DLQ (the role gets kms:Decrypt on it).
   * @default - SQS-managed encryption (SSE-SQS)
   */
  readonly encryptionKey?: kms.IKey;

  /**
   * Receives of a message before the created queue moves it to its DLQ, 5–1,000.
   * @default 5
   * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html
   */
  readonly maxReceiveCount?: number;

  /**
   * How long the created queue keeps a message.
   * @default Duration.days(4)
   */
  readonly retentionPeriod?: Duration;

  /**
   * Options of the event source mapping (batch size, window, maximum concurrency, filters, alarms).
   * @default - QueueSource defaults
   */
  readonly sourceOptions?: QueueSourceOptions;
}

/**
 * An SQS queue (standard or FIFO) consumed by a BlueprintFunction, losing nothing.
 *
 * Creates, unless given, the queue with visibility timeout = 6 x the function timeout + the batching
 * window (computed at synth, so a later timeout change is followed) and a redrive `DurableQueue` DLQ
 * (maxReceiveCount 5). Partial batch responses are on; the queue's oldest-message age and the DLQ depth
 * are alarmed.
 */
export class QueueToFunction extends Construct {
  /** The function that processes the messages (a BlueprintFunction when created from `functionProps`). */
  public readonly function: lambda.IFunction;
  /** The source queue. */
  public readonly queue: sqs.IQueue;
  /** The redrive DLQ of a queue the pattern created (an encrypted, depth-alarmed `DurableQueue`'s queue). */
  public readonly deadLetterQueue?: sqs.IQueue;
  /** The depth alarm of the created redrive DLQ. */
  public readonly deadLetterDepthAlarm?: cloudwatch.Alarm;
  /** The event source. */
  public readonly source: QueueSource;
  /** The event source mapping. */
  public readonly mapping: lambda.CfnEventSourceMapping;
  /** The ApproximateAgeOfOldestMessage alarm of the queue, when alarms are on. */
  public readonly messageAgeAlarm?: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: QueueToFunctionProps) {
    super(scope, id);
    enforceRules(this);
    this.function = patternFunction(this, props);
    const options = props.sourceOptions ?? {};

    if (props.existingQueue) {
      this.queue = props.existingQueue;
    } else {
      const fifo = props.fifo ?? false;
      const deadLetters = new DurableQueue(this, 'DeadLetterQueue', {
        fifo,
        encryptionKey: props.encryptionKey,
        purpose: 'messages that failed processing repeatedly',
      });
      this.deadLetterQueue = deadLetters.queue;
      this.deadLetterDepthAlarm = deadLetters.depthAlarm;
      const maxReceiveCount = props.maxReceiveCount ?? DEFAULT_MAX_RECEIVE_COUNT;
      const retention = durationForL2(props.retentionPeriod ?? Duration.days(4), LIMITS.sqsRetention, 'seconds');
      const key = props.encryptionKey ?? defaultOf(this, 'queueEncryptionKey')?.value;
      const queue = new sqs.Queue(this, 'Queue', {
        fifo: fifo ? true : undefined,
        encryption: key ? sqs.QueueEncryption.KMS : sqs.QueueEncryption.SQS_MANAGED,
        encryptionMasterKey: key,
        enforceSSL: true,
        retentionPeriod: retention.pass,
        // A count aws-cdk-lib would throw on (below 1, NaN) is reported below with the range; the queue gets the default meanwhile.
        deadLetterQueue: {
          queue: deadLetters.queue,
          maxReceiveCount: isToken(maxReceiveCount) || maxReceiveCount >= 1 ? maxReceiveCount : DEFAULT_MAX_RECEIVE_COUNT,
        },
      });
      if (retention.raw !== undefined) (queue.node.defaultChild as sqs.CfnQueue).messageRetentionPeriod = retention.raw;
      const fn = this.function;
      (queue.node.defaultChild as sqs.CfnQueue).visibilityTimeout = Lazy.number({
        produce: () => {
          // Unknown timeout (a token): assume the longest so that Lambda never refuses the mapping.
          const timeout = functionTimeout(invokeTargetOf(fn)) ?? LIMITS.timeout.max;
          const window = Stack.of(queue).resolve(this.source.mapping.maximumBatchingWindowInSeconds);
          const windowSeconds = window === undefined ? 0 : typeof window === 'number' ? window : LIMITS.batchingWindow.max;
          return LIMITS.visibilityTimeoutFactor.min * timeout + windowSeconds;
        },
      });
      checkInputs(this, SqsSourceMaxReceiveCount, p => p.limit('maxReceiveCount', maxReceiveCount, 'sqsMaxReceiveCount'));
      this.queue = queue;
    }

    this.source = new QueueSource(this.queue, options);
    this.function.addEventSource(this.source);
    this.mapping = this.source.mapping;
    this.messageAgeAlarm = this.source.messageAgeAlarm;
  }
}
