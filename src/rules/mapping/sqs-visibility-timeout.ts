import { queueTiming, recommendation } from './queue-timing';
import { LIMITS } from '../../limits';
import { fmt, MAPPING, Rule, Severity } from '../private/rule';

/** The source queue's visibility timeout is at least 6 × the function timeout plus the batching window. */
export const LambdaSqsVisibilityTimeout: Rule = {
  id: 'LambdaSqsVisibilityTimeout',
  severity: Severity.WARNING,
  summary: 'The SQS source queue\'s VisibilityTimeout is at least 6 x the function\'s Timeout plus the batching window.',
  types: [MAPPING],
  check: (e, { index }) => {
    const t = queueTiming(index, e);
    if (!t || t.visibility === undefined || t.timeout === undefined || t.recommended === undefined) return [];
    if (t.visibility < t.timeout || t.visibility >= t.recommended) return [];
    return [{
      property: 'queue VisibilityTimeout',
      value: `${fmt(t.visibility)} s (${t.queue!.path})`,
      allowed: `at least ${recommendation(t)}`,
      reason: `${LIMITS.visibilityTimeoutFactor.reason}: messages of a slow or retried batch become visible again and are processed twice`,
      involves: [t.queue!, t.fn!],
    }];
  },
};
