import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { PatternFunctionProps, patternFunction } from './pattern-function';
import { durationForL2 } from '../core/private/refused-values';
import { LIMITS } from '../limits';
import { NagAcknowledgements } from '../nag/acknowledge';
import { KinesisStreamEncryption } from '../rules/inputs';
import { enforceRules } from '../rules/private/enforce';
import { checkInputs } from '../rules/private/inputs';
import { KinesisSource, KinesisSourceOptions } from '../sources/kinesis';

/**
 * Properties of a `KinesisToFunction`.
 */
export interface KinesisToFunctionProps extends PatternFunctionProps {
  /**
   * An existing stream to read.
   * @default - a stream is created from `streamProps`
   */
  readonly existingStream?: kinesis.IStream;

  /**
   * Properties of the stream the pattern creates. It is always encrypted (UNENCRYPTED is refused).
   * @default - 1 provisioned shard, encrypted with the AWS managed key (aws/kinesis), 24 h retention
   */
  readonly streamProps?: kinesis.StreamProps;

  /**
   * Options of the event source mapping.
   * @default - KinesisSource defaults, starting at TRIM_HORIZON
   */
  readonly sourceOptions?: KinesisSourceOptions;
}

/**
 * A Kinesis stream read by a BlueprintFunction, set so that one poison record cannot block a shard.
 *
 * Creates, unless given, an encrypted stream. The mapping bisects failing batches, retries at most 10
 * times, gives up records older than a day into an alarmed `DurableQueue`, reports partial batch
 * failures and starts at TRIM_HORIZON by default; IteratorAge, Errors and Throttles are alarmed.
 */
export class KinesisToFunction extends Construct {
  /** The function that processes the records (a BlueprintFunction when created from `functionProps`). */
  public readonly function: lambda.IFunction;
  /** The stream. */
  public readonly stream: kinesis.IStream;
  /** The event source. */
  public readonly source: KinesisSource;
  /** The event source mapping. */
  public readonly mapping: lambda.CfnEventSourceMapping;
  /** Where records go that failed for good, when it is a queue. */
  public readonly failureQueue?: sqs.IQueue;
  /** The IteratorAge alarm, when alarms are on. */
  public readonly iteratorAgeAlarm?: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: KinesisToFunctionProps) {
    super(scope, id);
    enforceRules(this);
    this.function = patternFunction(this, props);
    this.stream = props.existingStream ?? this.createStream(props.streamProps ?? {});
    this.source = new KinesisSource(this.stream, {
      ...props.sourceOptions,
      // An explicit `startingPosition: undefined` means the default, as when the key is left out.
      startingPosition: props.sourceOptions?.startingPosition ?? lambda.StartingPosition.TRIM_HORIZON,
    });
    this.function.addEventSource(this.source);
    this.mapping = this.source.mapping;
    this.failureQueue = this.source.failureQueue;
    this.iteratorAgeAlarm = this.source.iteratorAgeAlarm;
  }

  /** Concurrent executions the stream can demand (shards x parallelization factor), when known. */
  public get requiredConcurrency(): number | undefined {
    return this.source.requiredConcurrency;
  }

  private createStream(props: kinesis.StreamProps): kinesis.Stream {
    const onDemand = props.streamMode === kinesis.StreamMode.ON_DEMAND;
    const retention = durationForL2(props.retentionPeriod, LIMITS.kinesisRetentionHours, 'hours');
    const stream = new kinesis.Stream(this, 'Stream', {
      ...props,
      retentionPeriod: retention.pass,
      shardCount: onDemand ? undefined : (props.shardCount ?? 1),
      encryption: props.encryption ?? (props.encryptionKey ? kinesis.StreamEncryption.KMS : kinesis.StreamEncryption.MANAGED),
    });
    if (retention.raw !== undefined) (stream.node.defaultChild as kinesis.CfnStream).retentionPeriodHours = retention.raw;
    checkInputs(this, KinesisStreamEncryption, p => p.when(props.encryption === kinesis.StreamEncryption.UNENCRYPTED, 'streamProps.encryption', 'UNENCRYPTED',
      'MANAGED or KMS', 'a stream created by the blueprint is always encrypted at rest'));
    if (stream.encryptionKey) {
      NagAcknowledgements.add(stream, 'AwsSolutions-KDS3',
        'The stream is encrypted with a customer-managed KMS key chosen by the user instead of the aws/kinesis key; the function role gets kms:Decrypt on it.');
    }
    return stream;
  }
}
