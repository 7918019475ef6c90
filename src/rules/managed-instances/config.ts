import { CfnEntry, isObject } from '../private/template-index';

/**
 * Whether a function runs on Lambda Managed Instances (its template has a `CapacityProviderConfig`), and
 * its `LambdaManagedInstancesCapacityProviderConfig` when the template spells it out.
 */
export function managedInstances(fn: CfnEntry): { readonly config: Record<string, any> } | undefined {
  const outer = fn.properties.CapacityProviderConfig;
  if (outer === undefined || outer === null) return undefined;
  const inner = isObject(outer) ? outer.LambdaManagedInstancesCapacityProviderConfig : undefined;
  return { config: isObject(inner) ? inner : {} };
}
