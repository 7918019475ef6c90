import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { bindSource, BoundSource } from './mapping';
import { BlueprintEventSourceOptions } from './options';
import { Problems } from '../validation/problems';

/**
 * The stream of a DynamoDB table as event source of a function (change data capture), set so that one
 * poison record cannot block a shard.
 *
 * Same defaults as `BlueprintKinesisSource` (bisect, 10 retries, 1-day record age, partial batch
 * responses, `DurableQueue` on-failure destination, IteratorAge alarm). A table without a stream and
 * `AT_TIMESTAMP` are refused at synth. The role gets only the stream's read actions on the stream ARN
 * (and `kms:Decrypt` when the table uses a customer key).
 *
 * @example
 * fn.addEventSource(new BlueprintDynamoStreamSource(table, { startingPosition: lambda.StartingPosition.TRIM_HORIZON }));
 */
export class BlueprintDynamoStreamSource implements lambda.IEventSource {
  /** The table. */
  public readonly table: dynamodb.ITable;
  private readonly options: BlueprintEventSourceOptions;
  private bound?: BoundSource;

  /**
   * @param table a table with a stream (`stream` set, or imported with `tableStreamArn`)
   * @param options the mapping's options
   */
  constructor(table: dynamodb.ITable, options: BlueprintEventSourceOptions = {}) {
    this.table = table;
    this.options = options;
  }

  /**
   * Called by `addEventSource`: creates the mapping on `target`.
   * @param target the function (or alias) that processes the records
   */
  public bind(target: lambda.IFunction): void {
    if (this.bound) throw new Error(`BlueprintDynamoStreamSource for ${this.table.node.path} is already bound; create one source per function.`);
    const streamArn = this.table.tableStreamArn;
    const problems: Array<(p: Problems) => void> = [];
    if (!streamArn) {
      problems.push(p => p.add('table', `${this.table.node.path} without a stream`, 'a table with a stream (stream: StreamViewType.NEW_AND_OLD_IMAGES, or tableStreamArn when imported)', 'Lambda reads changes from the table\'s stream'));
    }
    const resources = streamArn ? [streamArn] : [];
    this.bound = bindSource({
      kind: 'dynamodb',
      sourceNode: this.table,
      eventSourceArn: streamArn ?? '',
      options: this.options,
      statements: resources.length ? [new iam.PolicyStatement({
        actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
        resources,
      })] : [],
      key: this.table.encryptionKey,
      problems,
    }, target);
  }

  /** The event source mapping (after binding). */
  public get mapping(): lambda.CfnEventSourceMapping {
    return this.boundOrThrow().mapping;
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

  private boundOrThrow(): BoundSource {
    if (!this.bound) throw new Error(`BlueprintDynamoStreamSource for ${this.table.node.path} is not bound yet: add it with addEventSource first.`);
    return this.bound;
  }
}
