import { CfnEntry, TemplateIndex, knownString } from '../../template-index';

/** What an event source mapping reads from. */
export enum SourceKind {
  QUEUE = 'queue',
  STREAM = 'stream',
  OTHER = 'other',
  UNKNOWN = 'unknown',
}

const STREAM_TYPES = ['AWS::Kinesis::Stream', 'AWS::Kinesis::StreamConsumer', 'AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'];
const STREAM_ARN = /^arn:[^:]+:(kinesis:|dynamodb:.*\/stream\/)/;
const QUEUE_ARN = /^arn:[^:]+:sqs:/;

/** The kind of source of a mapping, from its `EventSourceArn`. */
export function sourceKind(index: TemplateIndex, mapping: CfnEntry): SourceKind {
  const arn = mapping.properties.EventSourceArn;
  const target = index.target(arn);
  if (target) {
    if (target.type === 'AWS::SQS::Queue') return SourceKind.QUEUE;
    return STREAM_TYPES.includes(target.type) ? SourceKind.STREAM : SourceKind.OTHER;
  }
  const s = knownString(arn);
  if (s === undefined) return SourceKind.UNKNOWN;
  if (STREAM_ARN.test(s)) return SourceKind.STREAM;
  return QUEUE_ARN.test(s) ? SourceKind.QUEUE : SourceKind.OTHER;
}
