import { QUEUE as QUEUE_TYPE } from '../private/rule';
import { CfnEntry, isObject, knownString, TemplateIndex } from '../private/template-index';

/** What an event source mapping reads from. */
export enum SourceKind {
  QUEUE = 'queue',
  KINESIS = 'kinesis',
  DYNAMODB = 'dynamodb',
  OTHER = 'other',
  UNKNOWN = 'unknown',
}

const KINESIS_TYPES = ['AWS::Kinesis::Stream', 'AWS::Kinesis::StreamConsumer'];
const DYNAMODB_TYPES = ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'];

/** The kind of source of a mapping, from its `EventSourceArn`. */
export function sourceKind(index: TemplateIndex, mapping: CfnEntry): SourceKind {
  const arn = mapping.properties.EventSourceArn;
  const target = index.target(arn);
  if (target) {
    if (target.type === QUEUE_TYPE) return SourceKind.QUEUE;
    if (KINESIS_TYPES.includes(target.type)) return SourceKind.KINESIS;
    return DYNAMODB_TYPES.includes(target.type) ? SourceKind.DYNAMODB : SourceKind.OTHER;
  }
  const s = knownString(arn);
  if (s === undefined) return SourceKind.UNKNOWN;
  if (/^arn:[^:]+:kinesis:/.test(s)) return SourceKind.KINESIS;
  if (/^arn:[^:]+:dynamodb:.*\/stream\//.test(s)) return SourceKind.DYNAMODB;
  return /^arn:[^:]+:sqs:/.test(s) ? SourceKind.QUEUE : SourceKind.OTHER;
}

/** Whether the mapping reads a Kinesis or DynamoDB stream. */
export function isStream(kind: SourceKind): boolean {
  return kind === SourceKind.KINESIS || kind === SourceKind.DYNAMODB;
}

/** The on-failure destination of a mapping, if any. */
export function onFailureOf(mapping: CfnEntry): unknown {
  const config = mapping.properties.DestinationConfig;
  return isObject(config) && isObject(config.OnFailure) ? config.OnFailure.Destination : undefined;
}
