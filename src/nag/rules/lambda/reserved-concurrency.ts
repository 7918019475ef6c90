import { NagMessageLevel } from 'cdk-nag';
import { LIMITS } from '../../../limits';
import { knownNumber } from '../../template-index';
import { BlueprintRule, COMPLIANT, FUNCTION, NON_COMPLIANT, NOT_APPLICABLE } from '../rule';

/** One function's reserved concurrency leaves at least 100 executions of the account limit unreserved. */
export const LambdaReservedConcurrency: BlueprintRule = {
  name: 'LambdaReservedConcurrency',
  info: `The Lambda function reserves more concurrency than the account limit minus the ${LIMITS.unreservedConcurrencyFloor.min} executions that must stay unreserved.`,
  explanation: `${LIMITS.unreservedConcurrencyFloor.reason}; Lambda refuses the reservation. Use ConcurrencyBudget to check the sum over all functions of an environment.`,
  level: NagMessageLevel.ERROR,
  check: (e, _index, config) => {
    if (e.type !== FUNCTION) return NOT_APPLICABLE;
    const value = e.properties.ReservedConcurrentExecutions;
    if (value === undefined) return COMPLIANT;
    const n = knownNumber(value);
    if (n === undefined) return NOT_APPLICABLE;
    const max = config.accountConcurrencyLimit - LIMITS.unreservedConcurrencyFloor.min;
    return n < 0 || n > max || !Number.isInteger(n) ? NON_COMPLIANT : COMPLIANT;
  },
};
