import { Names, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { StreamSourceOptions } from './options';
import { bindSource } from './private/mapping';
import { StreamSourceBase } from './stream-source-base';
import { invokeTargetOf } from '../function/private/invoke-target';

/**
 * Options of a `KinesisSource`.
 */
export interface KinesisSourceOptions extends StreamSourceOptions {
  /**
   * Read through an enhanced fan-out consumer (dedicated 2 MB/s per shard, push delivery) created for
   * this mapping, instead of sharing the shards' read throughput with other consumers.
   * @default false
   * @see https://docs.aws.amazon.com/streams/latest/dev/enhanced-consumers.html
   */
  readonly enhancedFanOut?: boolean;
}

/** The shard count of a provisioned stream created in this app, or undefined when unknown. */
export function shardCountOf(stream: kinesis.IStream): number | undefined {
  if (!(stream instanceof kinesis.Stream)) return undefined;
  const cfn = stream.node.defaultChild as kinesis.CfnStream;
  const stack = Stack.of(stream);
  if (stack.resolve(cfn.streamModeDetails)?.streamMode === kinesis.StreamMode.ON_DEMAND) return undefined;
  const shards = stack.resolve(cfn.shardCount);
  return typeof shards === 'number' ? shards : undefined;
}

/**
 * A Kinesis stream as event source of a function, set so that one poison record cannot block a shard.
 *
 * Defaults: bisect a failing batch, at most 10 retries, records older than 1 day given up, partial batch
 * responses (`ReportBatchItemFailures`), failed records sent to an encrypted, alarmed `DurableQueue`, an
 * IteratorAge alarm; the starting position is required. Every setting is checked at synth. The role gets
 * only the stream's read actions on its ARN (and `kms:Decrypt` when the stream uses a customer key).
 *
 * @example
 * import * as lambda from 'aws-cdk-lib/aws-lambda';
 *
 * fn.addEventSource(new KinesisSource(stream, { startingPosition: lambda.StartingPosition.TRIM_HORIZON }));
 */
export class KinesisSource extends StreamSourceBase {
  /** The stream. */
  public readonly stream: kinesis.IStream;
  private readonly options: KinesisSourceOptions;
  private _consumer?: kinesis.StreamConsumer;
  private target?: lambda.IFunction;

  /**
   * @param stream the stream to read
   * @param options the mapping's options
   */
  constructor(stream: kinesis.IStream, options: KinesisSourceOptions = {}) {
    super(stream);
    this.stream = stream;
    this.options = options;
  }

  /**
   * Called by `addEventSource`: creates the mapping on `target`.
   * @param target the function (or alias) that processes the records
   */
  public bind(target: lambda.IFunction): void {
    // A BlueprintFunction bound directly maps to what it delegates to (its alias once released).
    target = invokeTargetOf(target);
    if (this._bound) throw new Error(`KinesisSource for ${this.stream.node.path} is already bound to ${this.target!.node.path}; create one source per function.`);
    this.target = target;
    const statements = [new iam.PolicyStatement({
      actions: ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards'],
      resources: [this.stream.streamArn],
    })];
    let eventSourceArn = this.stream.streamArn;
    let sourceNode: Construct = this.stream as unknown as Construct;
    if (this.options.enhancedFanOut) {
      const id = `EnhancedFanOut${Names.nodeUniqueId(this.stream.node)}`;
      const scope = target as unknown as Construct;
      this._consumer = new kinesis.StreamConsumer(scope, id, {
        stream: this.stream,
        streamConsumerName: `${Names.uniqueResourceName(scope, { maxLength: 100, separator: '-' })}-efo`,
      });
      statements.push(new iam.PolicyStatement({
        actions: ['kinesis:DescribeStreamConsumer', 'kinesis:SubscribeToShard'],
        resources: [this._consumer.streamConsumerArn],
      }));
      eventSourceArn = this._consumer.streamConsumerArn;
      sourceNode = this._consumer;
    }
    this._bound = bindSource({
      kind: 'kinesis',
      sourceNode,
      eventSourceArn,
      options: this.options,
      statements,
      key: this.stream.encryptionKey,
      shardCount: () => shardCountOf(this.stream),
    }, target);
  }

  /** The enhanced fan-out consumer, when `enhancedFanOut` is on. */
  public get consumer(): kinesis.StreamConsumer | undefined {
    return this._consumer;
  }

  /**
   * Concurrent executions the stream can demand: shards x parallelization factor, when the shard count is
   * known (a provisioned stream created in this app).
   */
  public get requiredConcurrency(): number | undefined {
    const shards = shardCountOf(this.stream);
    if (shards === undefined) return undefined;
    const bound = this._bound;
    const factor = bound ? Stack.of(bound.mapping).resolve(bound.mapping.parallelizationFactor) : this.options.parallelizationFactor;
    return typeof (factor ?? 1) === 'number' ? shards * (factor ?? 1) : undefined;
  }

}
