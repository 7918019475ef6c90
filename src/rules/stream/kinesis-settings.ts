import { LIMITS } from '../../limits';
import { checkLimit, Rule, Severity, STREAM } from '../private/rule';

/** A Kinesis stream keeps records 24–8,760 whole hours and has a whole number of at least one shard. */
export const KinesisStreamSettings: Rule = {
  id: 'KinesisStreamSettings',
  severity: Severity.ERROR,
  summary: 'A Kinesis stream keeps records for 24–8,760 whole hours and has a whole number of shards of at least 1.',
  types: [STREAM],
  check: e => [
    ...checkLimit('RetentionPeriodHours', e.properties.RetentionPeriodHours, LIMITS.kinesisRetentionHours),
    ...checkLimit('ShardCount', e.properties.ShardCount, LIMITS.kinesisShardCount),
  ],
};
