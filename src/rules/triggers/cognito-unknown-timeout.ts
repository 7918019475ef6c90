import { userPoolTriggers, USER_POOL } from './cognito-timeout';
import { TRIGGER_FACTS } from '../../limits';
import { Rule, Severity, show } from '../private/rule';

/**
 * A Cognito user pool trigger whose function is imported: its timeout is unknown at synth, so
 * CognitoTriggerTimeout cannot check it. Says so instead of passing silently.
 */
export const CognitoTriggerUnknownTimeout: Rule = {
  id: 'CognitoTriggerUnknownTimeout',
  severity: Severity.WARNING,
  summary: 'A Cognito user pool trigger whose function is imported (its timeout unknown at synth) names the check it could not make.',
  types: [USER_POOL],
  check: (e, { index }) => userPoolTriggers(e)
    // A function of the template, or a value that refers to a resource of it: CognitoTriggerTimeout's.
    .filter(t => index.isImportedFunction(t.arn))
    .map(t => ({
      property: t.property,
      value: `${show(t.arn)} (an imported function: its timeout is unknown at synth)`,
      allowed: `a function whose Timeout is at most ${show(TRIGGER_FACTS.cognitoTimeout.max, TRIGGER_FACTS.cognitoTimeout.unit)}`,
      reason: `${TRIGGER_FACTS.cognitoTimeout.reason}; check it yourself or define the function in this app`,
    })),
};
