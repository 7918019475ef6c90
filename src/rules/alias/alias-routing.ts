import { asArray } from '../private/iam';
import { ALIAS, Finding, Rule, Severity, show } from '../private/rule';
import { isObject, knownNumber } from '../private/template-index';

/**
 * An alias's weighted routing gives each additional version a weight strictly between 0 and 1, and an alias
 * that routes weighted traffic has no provisioned concurrency.
 */
export const LambdaAliasRouting: Rule = {
  id: 'LambdaAliasRouting',
  severity: Severity.ERROR,
  summary: 'An alias gives each additional version a weight strictly between 0 and 1, and has no provisioned concurrency while it routes weighted traffic.',
  types: [ALIAS],
  check: e => {
    const out: Finding[] = [];
    const weights = asArray(e.properties.RoutingConfig?.AdditionalVersionWeights).filter(isObject);
    for (const w of weights) {
      const weight = knownNumber(w.FunctionWeight);
      if (weight === undefined || (weight > 0 && weight < 1)) continue;
      out.push({
        property: 'RoutingConfig.AdditionalVersionWeights.FunctionWeight',
        value: show(w.FunctionWeight),
        allowed: 'a weight strictly between 0 and 1',
        reason: 'the alias routes that share to the additional version and the rest to its own version',
      });
    }
    const provisioned = e.properties.ProvisionedConcurrencyConfig?.ProvisionedConcurrentExecutions;
    if (weights.length > 0 && provisioned !== undefined) {
      out.push({
        property: 'ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions',
        value: `${show(provisioned)} with weighted routing`,
        allowed: 'provisioned concurrency or weighted routing',
        reason: 'Lambda cannot change provisioned concurrency on an alias while it routes weighted traffic',
      });
    }
    return out;
  },
};
