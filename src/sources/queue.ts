import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { QueueSourceOptions } from './options';
import { bindSource, BoundSource, isDurable } from './private/mapping';
import { ALARM_PERIOD, createAlarm } from '../core/alarms';
import { spellProp } from '../core/private/language';
import { invokeTargetOf } from '../function/private/invoke-target';
import { claimForRules } from '../rules/private/enforce';

/**
 * An SQS queue (standard or FIFO, detected from `queue.fifo`) as event source of a function.
 *
 * Defaults: partial batch responses (`ReportBatchItemFailures`), an ApproximateAgeOfOldestMessage alarm,
 * and a depth alarm on the queue's redrive DLQ. Checked at synth: batch size (standard 1–10,000 and above
 * 10 only with a batching window; FIFO 1–10 and no window), maximum concurrency 2–1,000, stream-only
 * options refused, and the queue's visibility timeout against the function timeout (below: error; below
 * 6 x timeout + window: warning; imported queue: warning). The role gets only the queue's consume actions
 * on its ARN (and `kms:Decrypt` when the queue uses a customer key).
 *
 * On a FIFO queue Lambda keeps the order within each message group: a failing message blocks its group
 * (not the queue) until it succeeds or goes to the DLQ, and concurrency scales with the number of active
 * message groups.
 *
 * An SQS mapping cannot take an on-failure destination: the queue's redrive DLQ is its failure path.
 *
 * @example
 * fn.addEventSource(new QueueSource(queue, { maxConcurrency: 10 }));
 */
export class QueueSource implements lambda.IEventSource {
  /** The queue. */
  public readonly queue: sqs.IQueue;
  private readonly options: QueueSourceOptions;
  private bound?: BoundSource;
  private _deadLetterDepthAlarm?: cloudwatch.Alarm;

  /**
   * @param queue the queue to consume (standard or FIFO)
   * @param options the mapping's options
   */
  constructor(queue: sqs.IQueue, options: QueueSourceOptions = {}) {
    this.queue = queue;
    this.options = options;
  }

  /**
   * Called by `addEventSource`: creates the mapping on `target`.
   * @param target the function (or alias) that processes the messages
   */
  public bind(target: lambda.IFunction): void {
    // A BlueprintFunction bound directly maps to what it delegates to (its alias once released).
    target = invokeTargetOf(target);
    if (this.bound) throw new Error(`QueueSource for ${this.queue.node.path} is already bound; create one source per function.`);
    this.bound = bindSource({
      kind: 'sqs',
      sourceNode: this.queue,
      eventSourceArn: this.queue.queueArn,
      options: this.options,
      statements: [new iam.PolicyStatement({
        actions: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ChangeMessageVisibility'],
        resources: [this.queue.queueArn],
      })],
      key: this.queue.encryptionMasterKey,
      queue: this.queue,
    }, target);

    // The source queue's own settings (a Lazy visibility of 1,000,000 s on a plain queue) are checked as the source's.
    claimForRules(this.bound.scope, this.queue.node.defaultChild);
    if (this.queue instanceof sqs.Queue) {
      const dlq = this.queue.deadLetterQueue;
      // A queue without a redrive DLQ is the rule LambdaSqsSourceRedrive's (a warning, in both modes).
      if (dlq && (this.options.alarms ?? true) && !isDurable(dlq.queue)) {
        this._deadLetterDepthAlarm = createAlarm(this.bound.scope, 'DeadLetterDepthAlarm', {
          metric: dlq.queue.metricApproximateNumberOfMessagesVisible({ period: ALARM_PERIOD, statistic: 'Maximum' }),
          threshold: 0,
          description: `${this.bound.scope.node.path}: messages that failed ${dlq.maxReceiveCount} receives are waiting in the source queue's DLQ.`,
        });
      }
    }
  }

  /** The event source mapping (after binding). */
  public get mapping(): lambda.CfnEventSourceMapping {
    return this.boundOrThrow().mapping;
  }

  /** The ApproximateAgeOfOldestMessage alarm of the source queue, when alarms are on. */
  public get messageAgeAlarm(): cloudwatch.Alarm | undefined {
    return this.boundOrThrow().messageAgeAlarm;
  }

  /**
   * The depth alarm this source created for the queue's redrive DLQ (none when the DLQ is a
   * `DurableQueue`, which has its own, or when the queue has no known DLQ).
   */
  public get deadLetterDepthAlarm(): cloudwatch.Alarm | undefined {
    this.boundOrThrow();
    return this._deadLetterDepthAlarm;
  }

  private boundOrThrow(): BoundSource {
    if (!this.bound) throw new Error(`QueueSource for ${this.queue.node.path} is not bound yet: add it with ${spellProp('addEventSource')} first.`);
    return this.bound;
  }
}
