import { managedInstances } from './config';
import { MANAGED_INSTANCES_FACTS } from '../../limits';
import { checkLimit, Finding, fmt, FUNCTION, Rule, Severity, show } from '../private/rule';
import { isObject, knownNumber } from '../private/template-index';

const PREFIX = 'CapacityProviderConfig.LambdaManagedInstancesCapacityProviderConfig';

function ratioFindings(value: unknown): Finding[] {
  const limit = MANAGED_INSTANCES_FACTS.memoryPerVCpu;
  const outside = checkLimit(`${PREFIX}.ExecutionEnvironmentMemoryGiBPerVCpu`, value, limit);
  if (outside.length) return outside.map(f => ({ ...f, allowed: `${MANAGED_INSTANCES_FACTS.memoryPerVCpuRatios.join(', ')} GiB per vCPU` }));
  const n = knownNumber(value);
  if (n === undefined || MANAGED_INSTANCES_FACTS.memoryPerVCpuRatios.includes(n)) return [];
  return [{ property: `${PREFIX}.ExecutionEnvironmentMemoryGiBPerVCpu`, value: show(n, limit.unit), allowed: `${MANAGED_INSTANCES_FACTS.memoryPerVCpuRatios.join(', ')} GiB per vCPU`, reason: limit.reason }];
}

function scalingFindings(value: unknown): Finding[] {
  if (!isObject(value)) return [];
  const limit = MANAGED_INSTANCES_FACTS.executionEnvironments;
  const out = [
    ...checkLimit('FunctionScalingConfig.MinExecutionEnvironments', value.MinExecutionEnvironments, limit),
    ...checkLimit('FunctionScalingConfig.MaxExecutionEnvironments', value.MaxExecutionEnvironments, limit),
  ];
  const min = knownNumber(value.MinExecutionEnvironments);
  const max = knownNumber(value.MaxExecutionEnvironments);
  if (!out.length && min !== undefined && max !== undefined && min > max) {
    out.push({ property: 'FunctionScalingConfig.MinExecutionEnvironments', value: `${fmt(min)}, above MaxExecutionEnvironments ${fmt(max)}`, allowed: `at most MaxExecutionEnvironments (${fmt(max)})`, reason: limit.reason });
  }
  return out;
}

/**
 * The settings of a function on a capacity provider are in the API's ranges: memory per vCPU 2, 4 or 8
 * GiB, 1–1,600 concurrent invocations per execution environment, 0–15,000 execution environments with
 * the minimum at most the maximum.
 */
export const LambdaManagedInstancesSettings: Rule = {
  id: 'LambdaManagedInstancesSettings',
  severity: Severity.ERROR,
  summary: 'On Lambda Managed Instances, ExecutionEnvironmentMemoryGiBPerVCpu is 2, 4 or 8, PerExecutionEnvironmentMaxConcurrency a whole number from 1 to 1,600, and FunctionScalingConfig 0 to 15,000 execution environments (minimum ≤ maximum).',
  types: [FUNCTION],
  check: e => {
    const lmi = managedInstances(e);
    if (!lmi) return [];
    return [
      ...ratioFindings(lmi.config.ExecutionEnvironmentMemoryGiBPerVCpu),
      ...checkLimit(`${PREFIX}.PerExecutionEnvironmentMaxConcurrency`, lmi.config.PerExecutionEnvironmentMaxConcurrency, MANAGED_INSTANCES_FACTS.perEnvironmentConcurrency),
      ...scalingFindings(e.properties.FunctionScalingConfig),
    ];
  },
};
