import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { StreamSourceOptions } from './options';
import { bindSource } from './private/mapping';
import { StreamSourceBase } from './stream-source-base';
import { invokeTargetOf } from '../function/private/invoke-target';
import { Finding } from '../rules/private/rule';

/**
 * The stream of a DynamoDB table as event source of a function (change data capture), set so that one
 * poison record cannot block a shard.
 *
 * Same defaults as `KinesisSource` (bisect, 10 retries, 1-day record age, partial batch
 * responses, `DurableQueue` on-failure destination, IteratorAge alarm). A table without a stream and
 * `AT_TIMESTAMP` are refused at synth. The role gets only the stream's read actions on the stream ARN
 * (and `kms:Decrypt` when the table uses a customer key).
 *
 * @example
 * import * as lambda from 'aws-cdk-lib/aws-lambda';
 *
 * fn.addEventSource(new DynamoStreamSource(table, { startingPosition: lambda.StartingPosition.TRIM_HORIZON }));
 */
export class DynamoStreamSource extends StreamSourceBase {
  /** The table. */
  public readonly table: dynamodb.ITable;
  private readonly options: StreamSourceOptions;

  /**
   * @param table a table with a stream (`stream` set, or imported with `tableStreamArn`)
   * @param options the mapping's options
   */
  constructor(table: dynamodb.ITable, options: StreamSourceOptions = {}) {
    super(table);
    this.table = table;
    this.options = options;
  }

  /**
   * Called by `addEventSource`: creates the mapping on `target`.
   * @param target the function (or alias) that processes the records
   */
  public bind(target: lambda.IFunction): void {
    // A BlueprintFunction bound directly maps to what it delegates to (its alias once released).
    target = invokeTargetOf(target);
    if (this._bound) throw new Error(`DynamoStreamSource for ${this.table.node.path} is already bound; create one source per function.`);
    const streamArn = this.table.tableStreamArn;
    const problems: Finding[] = streamArn ? [] : [{
      property: 'table',
      value: `${this.table.node.path} without a stream`,
      allowed: 'a table with a stream (stream: StreamViewType.NEW_AND_OLD_IMAGES, or tableStreamArn when imported)',
      reason: 'Lambda reads changes from the table\'s stream',
    }];
    const resources = streamArn ? [streamArn] : [];
    this._bound = bindSource({
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

}
