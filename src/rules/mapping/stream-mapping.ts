import { isStream, onFailureOf, SourceKind, sourceKind } from './source';
import { LIMITS } from '../../limits';
import { isFifoTarget } from '../function/fifo-async-destination';
import { checkLimit, Finding, MAPPING, Rule, Severity, show } from '../private/rule';
import { CfnEntry, knownString } from '../private/template-index';

function positionFindings(e: CfnEntry, kind: SourceKind): Finding[] {
  const position = e.properties.StartingPosition;
  const timestamp = e.properties.StartingPositionTimestamp;
  const name = knownString(position);
  const out: Finding[] = [];
  if (position === undefined) {
    out.push({ property: 'StartingPosition', value: 'not set', allowed: 'TRIM_HORIZON or LATEST (Kinesis also AT_TIMESTAMP)', reason: 'a stream mapping must say where it starts reading; TRIM_HORIZON loses nothing' });
  } else if (name === 'AT_TIMESTAMP' && kind === SourceKind.DYNAMODB) {
    out.push({ property: 'StartingPosition', value: '"AT_TIMESTAMP"', allowed: 'TRIM_HORIZON or LATEST', reason: 'DynamoDB Streams cannot start reading at a timestamp' });
  } else if (name === 'AT_TIMESTAMP' && timestamp === undefined) {
    out.push({ property: 'StartingPositionTimestamp', value: 'not set', allowed: 'a Unix time in seconds with AT_TIMESTAMP', reason: 'Kinesis needs the time to start reading from' });
  }
  if (timestamp !== undefined && name !== undefined && name !== 'AT_TIMESTAMP') {
    out.push({ property: 'StartingPositionTimestamp', value: show(timestamp), allowed: 'only with StartingPosition AT_TIMESTAMP', reason: 'Lambda ignores a timestamp for other starting positions' });
  }
  out.push(...checkLimit('StartingPositionTimestamp', timestamp, { ...LIMITS.startingPositionTimestamp, integer: false }));
  return out;
}

/** The settings of a Kinesis or DynamoDB Streams mapping that Lambda accepts. */
export const LambdaStreamMapping: Rule = {
  id: 'LambdaStreamMapping',
  severity: Severity.ERROR,
  summary: 'A stream mapping has a starting position valid for its stream, and batch size, retries, record age, parallelization and tumbling window in range; no SQS-only settings; a standard on-failure destination.',
  types: [MAPPING],
  check: (e, { index }) => {
    const kind = sourceKind(index, e);
    if (!isStream(kind)) return [];
    const p = e.properties;
    const out = [
      ...positionFindings(e, kind),
      ...checkLimit('BatchSize', p.BatchSize, LIMITS.streamBatchSize),
      ...checkLimit('MaximumRetryAttempts', p.MaximumRetryAttempts, LIMITS.streamRetryAttempts),
      ...checkLimit('MaximumRecordAgeInSeconds', p.MaximumRecordAgeInSeconds, LIMITS.streamRecordAge, [-1]),
      ...checkLimit('ParallelizationFactor', p.ParallelizationFactor, LIMITS.parallelizationFactor),
      ...checkLimit('TumblingWindowInSeconds', p.TumblingWindowInSeconds, LIMITS.tumblingWindow),
    ];
    if (p.ScalingConfig !== undefined) {
      out.push({ property: 'ScalingConfig', value: show(p.ScalingConfig), allowed: 'not set on a stream source', reason: 'maximum concurrency applies to SQS sources only; a stream scales by shards x ParallelizationFactor' });
    }
    const failure = onFailureOf(e);
    if (failure !== undefined && isFifoTarget(index, failure) === true) {
      out.push({ property: 'DestinationConfig.OnFailure.Destination', value: `the FIFO queue or topic ${index.target(failure)?.path ?? show(failure)}`, allowed: 'a standard SQS queue or an SNS topic', reason: 'Lambda cannot send failure records of a stream mapping to a FIFO queue' });
    }
    return out;
  },
};
