import { LIMITS } from '../../limits';
import { checkLimit, QUEUE, Rule, Severity } from '../private/rule';
import { isObject } from '../private/template-index';

/** A queue's retention, visibility timeout and redrive receive count are in SQS's ranges. */
export const SqsQueueSettings: Rule = {
  id: 'SqsQueueSettings',
  severity: Severity.ERROR,
  summary: 'An SQS queue keeps messages 60 s to 14 days, has a visibility timeout of at most 12 h, and a redrive maxReceiveCount of 1–1,000.',
  types: [QUEUE],
  check: e => {
    const redrive = e.properties.RedrivePolicy;
    return [
      ...checkLimit('MessageRetentionPeriod', e.properties.MessageRetentionPeriod, LIMITS.sqsRetention),
      ...checkLimit('VisibilityTimeout', e.properties.VisibilityTimeout, LIMITS.sqsVisibilityTimeout),
      ...(isObject(redrive) ? checkLimit('RedrivePolicy.maxReceiveCount', redrive.maxReceiveCount, LIMITS.sqsRedriveMaxReceiveCount) : []),
    ];
  },
};
