import { NagMessageLevel } from 'cdk-nag';
import { LIMITS } from '../../../limits';
import { BlueprintRule, FUNCTION, NOT_APPLICABLE, judgeLimit, range } from '../rule';

/** MemorySize is a whole number of MB in 128–10,240. */
export const LambdaMemorySize: BlueprintRule = {
  name: 'LambdaMemorySize',
  info: `The Lambda function's MemorySize is outside ${range(LIMITS.memorySize)} or not a whole number of MB.`,
  explanation: `${LIMITS.memorySize.reason}; CloudFormation rejects any other value at deploy time.`,
  level: NagMessageLevel.ERROR,
  check: (e) => e.type === FUNCTION ? judgeLimit(e.properties.MemorySize, LIMITS.memorySize) : NOT_APPLICABLE,
};
