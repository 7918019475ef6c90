import { inputRule, Severity } from '../private/rule';

/** A source queue QueueToFunction creates redrives after 5–1,000 receives. */
export const SqsSourceMaxReceiveCount = inputRule('SqsSourceMaxReceiveCount', Severity.ERROR,
  'A source queue QueueToFunction creates moves a message to its dead-letter queue after a whole number of 5–1,000 receives (maxReceiveCount).');
