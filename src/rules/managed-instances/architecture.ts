import { CAPACITY_PROVIDER } from './capacity-provider';
import { managedInstances } from './config';
import { MANAGED_INSTANCES_FACTS } from '../../limits';
import { FUNCTION, Rule, Severity, show } from '../private/rule';
import { knownString } from '../private/template-index';

/** The one architecture of a list (`Architectures` of a function or of a capacity provider's instances). */
function single(list: unknown): string | undefined {
  if (list === undefined) return MANAGED_INSTANCES_FACTS.defaultArchitecture;
  return Array.isArray(list) && list.length === 1 ? knownString(list[0]) : undefined;
}

/**
 * A function on a capacity provider of the same template has the architecture of the provider's
 * instances (x86_64 when either leaves it unset). A provider outside the template (an ARN) or an
 * architecture from a token is not judged.
 */
export const LambdaManagedInstancesArchitecture: Rule = {
  id: 'LambdaManagedInstancesArchitecture',
  severity: Severity.WARNING,
  summary: 'A function on a capacity provider of the template has the architecture of the provider\'s instances (InstanceRequirements.Architectures, x86_64 when unset).',
  types: [FUNCTION],
  check: (e, { index }) => {
    const lmi = managedInstances(e);
    const provider = lmi && index.target(lmi.config.CapacityProviderArn);
    if (!provider || provider.type !== CAPACITY_PROVIDER) return [];
    const instances = single(provider.properties.InstanceRequirements?.Architectures);
    const fn = single(e.properties.Architectures);
    if (instances === undefined || fn === undefined || instances === fn) return [];
    return [{
      property: 'Architectures',
      value: `${show(fn)} on capacity provider ${provider.logicalId}, whose instances are ${show(instances)}`,
      allowed: `${show(instances)}, the architecture of the capacity provider's instances`,
      reason: 'a capacity provider runs instances of one architecture, and Lambda runs a function only on instances of its own architecture',
      involves: [provider],
    }];
  },
};
