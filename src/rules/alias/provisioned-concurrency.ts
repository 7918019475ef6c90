import { LIMITS } from '../../limits';
import { ALIAS, checkLimit, Finding, Rule, Severity, VERSION } from '../private/rule';
import { knownNumber } from '../private/template-index';

/**
 * Provisioned concurrency on an alias or version is a whole number of at least 1 and fits in the function's
 * reserved concurrency (provisioned environments count against it).
 */
export const LambdaProvisionedConcurrency: Rule = {
  id: 'LambdaProvisionedConcurrency',
  severity: Severity.ERROR,
  summary: 'Provisioned concurrency is a whole number of at least 1 and at most the function\'s reserved concurrency.',
  types: [ALIAS, VERSION],
  check: (e, { index }) => {
    const property = 'ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions';
    const value = e.properties.ProvisionedConcurrencyConfig?.ProvisionedConcurrentExecutions;
    const out: Finding[] = checkLimit(property, value, LIMITS.provisionedConcurrency);
    const count = knownNumber(value);
    const reserved = knownNumber(index.functionOf(e.properties.FunctionName)?.properties.ReservedConcurrentExecutions);
    if (!out.length && count !== undefined && reserved !== undefined && count > reserved) {
      out.push({
        property,
        value: `${count} executions`,
        allowed: `at most the function's reserved concurrency (${reserved})`,
        reason: 'provisioned environments count against the function\'s reserved concurrency',
      });
    }
    return out;
  },
};
