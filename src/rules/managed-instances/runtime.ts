import { managedInstances } from './config';
import { MANAGED_INSTANCES_FACTS } from '../../limits';
import { FUNCTION, Rule, Severity, show } from '../private/rule';
import { knownString } from '../private/template-index';

/** A function on a capacity provider uses a runtime Lambda Managed Instances run. */
export const LambdaManagedInstancesRuntime: Rule = {
  id: 'LambdaManagedInstancesRuntime',
  severity: Severity.ERROR,
  summary: `A function on Lambda Managed Instances (CapacityProviderConfig) uses ${MANAGED_INSTANCES_FACTS.runtimesText}.`,
  types: [FUNCTION],
  check: e => {
    const runtime = knownString(e.properties.Runtime);
    if (runtime === undefined || !managedInstances(e) || MANAGED_INSTANCES_FACTS.runtimes.test(runtime)) return [];
    return [{
      property: 'Runtime',
      value: `${show(runtime)} on Lambda Managed Instances (CapacityProviderConfig)`,
      allowed: MANAGED_INSTANCES_FACTS.runtimesText,
      reason: 'Lambda Managed Instances run only these runtimes',
    }];
  },
};
