import { Names, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { bindSource, BoundSource } from './mapping';
import { BlueprintEventSourceOptions } from './options';

/**
 * Options of a `BlueprintKinesisSource`.
 */
export interface BlueprintKinesisSourceOptions extends BlueprintEventSourceOptions {
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
 * fn.addEventSource(new BlueprintKinesisSource(stream, { startingPosition: lambda.StartingPosition.TRIM_HORIZON }));
 */
export class BlueprintKinesisSource implements lambda.IEventSource {
  /** The stream. */
  public readonly stream: kinesis.IStream;
  private readonly options: BlueprintKinesisSourceOptions;
  private bound?: BoundSource;
  private _consumer?: kinesis.StreamConsumer;
  private target?: lambda.IFunction;

  /**
   * @param stream the stream to read
   * @param options the mapping's options
   */
  constructor(stream: kinesis.IStream, options: BlueprintKinesisSourceOptions = {}) {
    this.stream = stream;
    this.options = options;
  }

  /**
   * Called by `addEventSource`: creates the mapping on `target`.
   * @param target the function (or alias) that processes the records
   */
  public bind(target: lambda.IFunction): void {
    if (this.bound) throw new Error(`BlueprintKinesisSource for ${this.stream.node.path} is already bound to ${this.target!.node.path}; create one source per function.`);
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
    this.bound = bindSource({
      kind: 'kinesis',
      sourceNode,
      eventSourceArn,
      options: this.options,
      statements,
      key: this.stream.encryptionKey,
      shardCount: () => shardCountOf(this.stream),
    }, target);
  }

  /** The event source mapping (after binding). */
  public get mapping(): lambda.CfnEventSourceMapping {
    return this.boundOrThrow().mapping;
  }

  /** The enhanced fan-out consumer, when `enhancedFanOut` is on. */
  public get consumer(): kinesis.StreamConsumer | undefined {
    return this._consumer;
  }

  /** The on-failure queue (the created `DurableQueue`'s queue or the given queue). */
  public get failureQueue(): sqs.IQueue | undefined {
    return this.boundOrThrow().failureQueue;
  }

  /** The on-failure topic, when the destination is a topic. */
  public get failureTopic(): sns.ITopic | undefined {
    return this.boundOrThrow().failureTopic;
  }

  /** The function's IteratorAge alarm, when alarms are on. */
  public get iteratorAgeAlarm(): cloudwatch.Alarm | undefined {
    return this.boundOrThrow().iteratorAgeAlarm;
  }

  /** The depth alarm of the on-failure queue (the `DurableQueue`'s own alarm, or one created for a given queue). */
  public get failureDepthAlarm(): cloudwatch.Alarm | undefined {
    const b = this.boundOrThrow();
    return b.failureDurableQueue?.depthAlarm ?? b.failureDepthAlarm;
  }

  /**
   * Concurrent executions the stream can demand: shards x parallelization factor, when the shard count is
   * known (a provisioned stream created in this app).
   */
  public get requiredConcurrency(): number | undefined {
    const shards = shardCountOf(this.stream);
    if (shards === undefined) return undefined;
    const factor = this.bound ? Stack.of(this.bound.mapping).resolve(this.bound.mapping.parallelizationFactor) : this.options.parallelizationFactor;
    return typeof (factor ?? 1) === 'number' ? shards * (factor ?? 1) : undefined;
  }

  private boundOrThrow(): BoundSource {
    if (!this.bound) throw new Error(`BlueprintKinesisSource for ${this.stream.node.path} is not bound yet: add it with addEventSource first.`);
    return this.bound;
  }
}
