import { MANAGED_INSTANCES_FACTS } from '../../limits';
import { checkLimit, Finding, FUNCTION, Rule, Severity } from '../private/rule';
import { CfnEntry, isObject, knownString, refId, TemplateIndex } from '../private/template-index';

export const CAPACITY_PROVIDER = 'AWS::Lambda::CapacityProvider';

function count(property: string, list: unknown, limit = MANAGED_INSTANCES_FACTS.capacityProviderSubnets): Finding[] {
  if (!Array.isArray(list)) return [];
  return checkLimit(property, list.length, limit);
}

/** The functions of the stack that run on a capacity provider (for construct mode). */
function functionsOn(index: TemplateIndex, provider: CfnEntry): CfnEntry[] {
  return index.ofType(FUNCTION).filter(f => {
    const config = f.properties.CapacityProviderConfig?.LambdaManagedInstancesCapacityProviderConfig;
    return isObject(config) && refId(config.CapacityProviderArn) === provider.logicalId;
  });
}

/**
 * A capacity provider is in the API's ranges: 2–15,000 vCPUs, 1–16 subnets, 1–10 policies in Manual
 * scaling mode (what an L1 CfnCapacityProvider or an escape hatch may set).
 */
export const LambdaCapacityProviderSettings: Rule = {
  id: 'LambdaCapacityProviderSettings',
  severity: Severity.ERROR,
  summary: 'A capacity provider has a MaxVCpuCount of 2 to 15,000, 1 to 16 subnets, and 1 to 10 scaling policies in Manual scaling mode.',
  types: [CAPACITY_PROVIDER],
  check: (e, { index }) => {
    const scaling = isObject(e.properties.CapacityProviderScalingConfig) ? e.properties.CapacityProviderScalingConfig : {};
    const vpc = isObject(e.properties.VpcConfig) ? e.properties.VpcConfig : {};
    const manual = knownString(scaling.ScalingMode) === MANAGED_INSTANCES_FACTS.manualScalingMode;
    const policies = scaling.ScalingPolicies ?? [];
    const findings = [
      ...checkLimit('CapacityProviderScalingConfig.MaxVCpuCount', scaling.MaxVCpuCount, MANAGED_INSTANCES_FACTS.maxVCpuCount),
      ...count('VpcConfig.SubnetIds (count)', vpc.SubnetIds),
      ...(manual ? count('CapacityProviderScalingConfig.ScalingPolicies (count)', policies, MANAGED_INSTANCES_FACTS.manualScalingPolicies) : []),
    ];
    if (!findings.length) return [];
    const involves = functionsOn(index, e);
    return findings.map(f => ({ ...f, involves }));
  },
};
