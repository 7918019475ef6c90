import { queueTiming } from './queue-timing';
import { fmt, MAPPING, Rule, Severity } from '../private/rule';

/** Lambda refuses an SQS mapping whose queue visibility timeout is below the function timeout. */
export const LambdaSqsVisibilityBelowTimeout: Rule = {
  id: 'LambdaSqsVisibilityBelowTimeout',
  severity: Severity.ERROR,
  summary: 'The SQS source queue\'s VisibilityTimeout is at least the function\'s final Timeout.',
  types: [MAPPING],
  check: (e, { index }) => {
    const t = queueTiming(index, e);
    if (!t || t.visibility === undefined || t.timeout === undefined || t.visibility >= t.timeout) return [];
    return [{
      property: 'queue VisibilityTimeout',
      value: `${fmt(t.visibility)} s (${t.queue!.path})`,
      allowed: `at least the function timeout (${fmt(t.timeout)} s), best ${fmt(t.recommended ?? t.timeout)} s`,
      reason: 'Lambda refuses to create an SQS mapping whose queue visibility timeout is below the function timeout',
      involves: [t.queue!, t.fn!],
    }];
  },
};
