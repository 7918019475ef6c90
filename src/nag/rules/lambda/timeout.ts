import { NagMessageLevel } from 'cdk-nag';
import { LIMITS } from '../../../limits';
import { BlueprintRule, FUNCTION, NOT_APPLICABLE, judgeLimit, range } from '../rule';

/** Timeout is a whole number of seconds in 1–900. */
export const LambdaTimeout: BlueprintRule = {
  name: 'LambdaTimeout',
  info: `The Lambda function's Timeout is outside ${range(LIMITS.timeout)} or not a whole number of seconds.`,
  explanation: `${LIMITS.timeout.reason}.`,
  level: NagMessageLevel.ERROR,
  check: (e) => e.type === FUNCTION ? judgeLimit(e.properties.Timeout, LIMITS.timeout) : NOT_APPLICABLE,
};
