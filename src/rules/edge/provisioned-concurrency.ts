import { edgeUsesOf, eventTypesOf, VERSION } from './associations';
import { ALIAS, Rule, Severity, show } from '../private/rule';

/** No alias or version of a Lambda@Edge function has provisioned concurrency. */
export const LambdaEdgeProvisionedConcurrency: Rule = {
  id: 'LambdaEdgeProvisionedConcurrency',
  severity: Severity.ERROR,
  summary: 'No alias or version of a Lambda@Edge function has provisioned concurrency.',
  types: [ALIAS, VERSION],
  check: (e, { index }) => {
    const config = e.properties.ProvisionedConcurrencyConfig;
    if (config === undefined) return [];
    const fn = index.functionOf(e.properties.FunctionName);
    if (!fn) return [];
    const uses = edgeUsesOf(index, fn);
    if (!uses.length) return [];
    return [{
      property: 'ProvisionedConcurrencyConfig',
      value: `${show(config)} (on ${fn.path}, a Lambda@Edge ${eventTypesOf(uses)} trigger)`,
      allowed: 'no provisioned concurrency',
      reason: 'Lambda@Edge does not support provisioned concurrency: the edge replicas scale within the regional concurrency of each region',
      involves: [fn],
    }];
  },
};
