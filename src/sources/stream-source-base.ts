import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { IConstruct } from 'constructs';
import { BoundSource } from './private/mapping';
import { spellProp } from '../core/private/language';

/**
 * What the stream sources (Kinesis, DynamoDB Streams) share: the mapping, the on-failure destination and
 * the alarms, available once the source is bound with `addEventSource`.
 */
export abstract class StreamSourceBase implements lambda.IEventSource {
  /** @internal */
  protected _bound?: BoundSource;

  /**
   * @param source the stream or table the source reads (named in error messages)
   */
  constructor(private readonly source: IConstruct) {}

  /**
   * Called by `addEventSource`: creates the mapping on `target`.
   * @param target the function (or alias) that processes the records
   */
  public abstract bind(target: lambda.IFunction): void;

  /** The event source mapping (after binding). */
  public get mapping(): lambda.CfnEventSourceMapping {
    return this._boundOrThrow().mapping;
  }

  /** The on-failure queue (the created `DurableQueue`'s queue or the given queue). */
  public get failureQueue(): sqs.IQueue | undefined {
    return this._boundOrThrow().failureQueue;
  }

  /** The on-failure topic, when the destination is a topic. */
  public get failureTopic(): sns.ITopic | undefined {
    return this._boundOrThrow().failureTopic;
  }

  /** The function's IteratorAge alarm, when alarms are on. */
  public get iteratorAgeAlarm(): cloudwatch.Alarm | undefined {
    return this._boundOrThrow().iteratorAgeAlarm;
  }

  /** The depth alarm of the on-failure queue (the `DurableQueue`'s own alarm, or one created for a given queue). */
  public get failureDepthAlarm(): cloudwatch.Alarm | undefined {
    const b = this._boundOrThrow();
    return b.failureDurableQueue?.depthAlarm ?? b.failureDepthAlarm;
  }

  /** @internal */
  protected _boundOrThrow(): BoundSource {
    if (!this._bound) throw new Error(`${this.constructor.name} for ${this.source.node.path} is not bound yet: add it with ${spellProp('addEventSource')} first.`);
    return this._bound;
  }
}
