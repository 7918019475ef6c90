import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { PatternFunctionProps, patternFunction } from './pattern-function';
import { enforceRules } from '../rules/private/enforce';
import { DynamoStreamSource } from '../sources/dynamodb';
import { StreamSourceOptions } from '../sources/options';

/**
 * Properties of a `DynamoStreamToFunction`.
 */
export interface DynamoStreamToFunctionProps extends PatternFunctionProps {
  /**
   * An existing table with a stream (a table without one is refused at synth).
   * @default - a table is created from `tableProps`
   */
  readonly existingTable?: dynamodb.ITable;

  /**
   * Properties of the table the pattern creates.
   * @default - partition key `pk` (string), on-demand billing, AWS managed KMS encryption, point-in-time
   * recovery, stream NEW_AND_OLD_IMAGES
   */
  readonly tableProps?: dynamodb.TableProps;

  /**
   * Options of the event source mapping.
   * @default - DynamoStreamSource defaults, starting at TRIM_HORIZON
   */
  readonly sourceOptions?: StreamSourceOptions;
}

/**
 * Change data capture: a DynamoDB table's stream read by a BlueprintFunction, set so that one poison
 * record cannot block a shard.
 *
 * Creates, unless given, a table with a NEW_AND_OLD_IMAGES stream, KMS encryption and point-in-time
 * recovery. Same mapping defaults as `KinesisToFunction`.
 */
export class DynamoStreamToFunction extends Construct {
  /** The function that processes the changes (a BlueprintFunction when created from `functionProps`). */
  public readonly function: lambda.IFunction;
  /** The table. */
  public readonly table: dynamodb.ITable;
  /** The event source. */
  public readonly source: DynamoStreamSource;
  /** The event source mapping. */
  public readonly mapping: lambda.CfnEventSourceMapping;
  /** Where records go that failed for good, when it is a queue. */
  public readonly failureQueue?: sqs.IQueue;
  /** The IteratorAge alarm, when alarms are on. */
  public readonly iteratorAgeAlarm?: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: DynamoStreamToFunctionProps) {
    super(scope, id);
    enforceRules(this);
    this.function = patternFunction(this, props);
    this.table = props.existingTable ?? this.createTable(props.tableProps);
    this.source = new DynamoStreamSource(this.table, {
      ...props.sourceOptions,
      // An explicit `startingPosition: undefined` means the default, as when the key is left out.
      startingPosition: props.sourceOptions?.startingPosition ?? lambda.StartingPosition.TRIM_HORIZON,
    });
    this.function.addEventSource(this.source);
    this.mapping = this.source.mapping;
    this.failureQueue = this.source.failureQueue;
    this.iteratorAgeAlarm = this.source.iteratorAgeAlarm;
  }

  private createTable(props?: dynamodb.TableProps): dynamodb.Table {
    return new dynamodb.Table(this, 'Table', {
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: props?.encryptionKey ? dynamodb.TableEncryption.CUSTOMER_MANAGED : dynamodb.TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      ...props,
      partitionKey: props?.partitionKey ?? { name: 'pk', type: dynamodb.AttributeType.STRING },
      stream: props?.stream ?? dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
    });
  }
}
