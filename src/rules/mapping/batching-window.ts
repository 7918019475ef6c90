import { LIMITS } from '../../limits';
import { checkLimit, MAPPING, Rule, Severity } from '../private/rule';

/** MaximumBatchingWindowInSeconds is a whole number of seconds from 0 to 300. */
export const LambdaMappingBatchingWindow: Rule = {
  id: 'LambdaMappingBatchingWindow',
  severity: Severity.ERROR,
  summary: 'MaximumBatchingWindowInSeconds is a whole number of seconds from 0 to 300.',
  types: [MAPPING],
  check: e => checkLimit('MaximumBatchingWindowInSeconds', e.properties.MaximumBatchingWindowInSeconds, LIMITS.batchingWindow),
};
