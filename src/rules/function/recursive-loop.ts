import { INVOCATION_FACTS } from '../../limits';
import { FUNCTION, Rule, Severity, show } from '../private/rule';
import { knownString } from '../private/template-index';

/** A function lets Lambda stop recursive loops (RecursiveLoop is not Allow); acknowledge with a reason. */
export const LambdaRecursiveLoopAllowed: Rule = {
  id: 'LambdaRecursiveLoopAllowed',
  severity: Severity.WARNING,
  summary: 'RecursiveLoop is not Allow: Lambda stops recursive loops through SQS, SNS, S3 and Lambda (acknowledge an intended loop with its reason).',
  types: [FUNCTION],
  check: e => {
    const value = knownString(e.properties.RecursiveLoop);
    if (value !== INVOCATION_FACTS.recursiveLoopAllow) return [];
    return [{
      property: 'RecursiveLoop',
      value: show(value),
      allowed: '"Terminate" (the default), or an acknowledgement that names what ends the loop',
      reason: `Lambda then no longer stops a function that invokes itself through SQS, SNS, S3 or Lambda after about ${INVOCATION_FACTS.recursiveLoopRounds} rounds: an unintended loop runs, and is billed, until someone notices`,
    }];
  },
};
