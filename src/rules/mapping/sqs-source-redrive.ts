import { queueTiming } from './queue-timing';
import { LIMITS } from '../../limits';
import { fmt, MAPPING, Rule, Severity } from '../private/rule';

/**
 * An SQS source queue (defined in the app) has a redrive policy: without a dead-letter queue, a message that
 * keeps failing is retried until its retention ends and then lost. An imported queue is
 * LambdaMappingUnknownFacts's.
 */
export const LambdaSqsSourceRedrive: Rule = {
  id: 'LambdaSqsSourceRedrive',
  severity: Severity.WARNING,
  summary: 'The SQS source queue of a mapping has a redrive dead-letter queue (a message that keeps failing is otherwise lost when its retention ends).',
  types: [MAPPING],
  check: (e, { index }) => {
    const queue = queueTiming(index, e)?.queue;
    if (!queue || queue.properties.RedrivePolicy !== undefined) return [];
    return [{
      property: 'queue RedrivePolicy',
      value: `not set (${queue.path})`,
      allowed: `a dead-letter queue with a maxReceiveCount of at least ${fmt(LIMITS.sqsMaxReceiveCount.min)}`,
      reason: 'a message that keeps failing is retried until its retention period ends and then lost',
      involves: [queue],
    }];
  },
};
