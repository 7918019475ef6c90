import { inputRule, Severity } from '../private/rule';

/** An acknowledgement carries a reason a reviewer can accept. */
export const NagAcknowledgementReason = inputRule('NagAcknowledgementReason', Severity.ERROR,
  'An acknowledgement (acknowledge, NagAcknowledgements) gives a reason of at least 20 characters that tells a reviewer why the finding is acceptable.');
