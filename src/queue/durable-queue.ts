import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ALARM_PERIOD, createAlarm } from '../core/alarms';
import { durationForL2 } from '../core/private/refused-values';
import { defaultOf } from '../core/private/standards-state';
import { LIMITS } from '../limits';
import { NagAcknowledgements } from '../nag/acknowledge';
import { enforceRules } from '../rules/private/enforce';

/**
 * Properties of a `DurableQueue`.
 */
export interface DurableQueueProps {
  /**
   * Make it a FIFO queue.
   * @default false
   */
  readonly fifo?: boolean;

  /**
   * Customer-managed KMS key for server-side encryption.
   * @default - the nearest `BlueprintStandards` queue key, else SQS-managed server-side encryption (SSE-SQS)
   */
  readonly encryptionKey?: kms.IKey;

  /**
   * How long messages are kept. 60 s to 14 days.
   * @default Duration.days(14)
   */
  readonly retentionPeriod?: Duration;

  /**
   * A short description of what lands in the queue, used in the alarm description.
   * @default 'failed events'
   */
  readonly purpose?: string;
}

/**
 * A terminal queue for failed events: encrypted, TLS-only, kept 14 days, with an alarm as soon as one
 * message is visible.
 *
 * Used as Lambda DLQ, on-failure destination and redrive target. As a terminal queue it has no redrive
 * policy of its own: the `Serverless-SQSRedrivePolicy` (and, where nothing references it as a DLQ yet,
 * `AwsSolutions-SQS3`) findings are acknowledged on it with that reason.
 */
export class DurableQueue extends Construct {
  /** The queue. */
  public readonly queue: sqs.Queue;
  /** Alarm on `ApproximateNumberOfMessagesVisible > 0`. */
  public readonly depthAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: DurableQueueProps = {}) {
    super(scope, id);
    const retention = durationForL2(props.retentionPeriod ?? Duration.days(14), LIMITS.sqsRetention, 'seconds');
    const key = props.encryptionKey ?? defaultOf(this, 'queueEncryptionKey')?.value;
    this.queue = new sqs.Queue(this, 'Queue', {
      fifo: props.fifo ? true : undefined,
      encryption: key ? sqs.QueueEncryption.KMS : sqs.QueueEncryption.SQS_MANAGED,
      encryptionMasterKey: key,
      enforceSSL: true,
      retentionPeriod: retention.pass,
    });
    if (retention.raw !== undefined) (this.queue.node.defaultChild as sqs.CfnQueue).messageRetentionPeriod = retention.raw;
    enforceRules(this);
    const purpose = props.purpose ?? 'failed events';
    this.depthAlarm = createAlarm(this, 'DepthAlarm', {
      metric: this.queue.metricApproximateNumberOfMessagesVisible({ period: ALARM_PERIOD, statistic: 'Maximum' }),
      threshold: 0,
      description: `${this.node.path}: ${purpose} are waiting in this terminal queue; inspect and redrive them.`,
    });
    const reason = 'This queue is itself the terminal dead-letter queue for failed events; a further redrive target would only move the same messages again. Its depth is alarmed.';
    NagAcknowledgements.add(this.queue, 'Serverless-SQSRedrivePolicy', reason);
    NagAcknowledgements.add(this.queue, 'AwsSolutions-SQS3', reason);
  }
}
