import { managedInstances } from './config';
import { MANAGED_INSTANCES_FACTS } from '../../limits';
import { fmt, FUNCTION, Rule, Severity, show } from '../private/rule';
import { knownNumber } from '../private/template-index';

/**
 * A function on a capacity provider has at least 2,048 MB, and at least its memory-per-vCPU ratio × 1,024
 * MB. An unset MemorySize is not judged (Lambda's default on a capacity provider is not documented).
 */
export const LambdaManagedInstancesMemory: Rule = {
  id: 'LambdaManagedInstancesMemory',
  severity: Severity.ERROR,
  summary: 'A function on Lambda Managed Instances has a MemorySize of at least 2,048 MB and at least ExecutionEnvironmentMemoryGiBPerVCpu × 1,024 MB.',
  types: [FUNCTION],
  check: e => {
    const lmi = managedInstances(e);
    const memory = knownNumber(e.properties.MemorySize);
    if (!lmi || memory === undefined) return [];
    const ratio = knownNumber(lmi.config.ExecutionEnvironmentMemoryGiBPerVCpu);
    const fromRatio = ratio === undefined ? 0 : ratio * MANAGED_INSTANCES_FACTS.mbPerGib;
    const min = Math.max(MANAGED_INSTANCES_FACTS.minMemoryMb, fromRatio);
    if (memory >= min) return [];
    const withRatio = ratio === undefined ? '' : ` with ExecutionEnvironmentMemoryGiBPerVCpu ${fmt(ratio)}`;
    return [{
      property: 'MemorySize',
      value: `${show(memory, 'MB')} on Lambda Managed Instances${withRatio}`,
      allowed: `at least ${fmt(min)} MB (${fmt(MANAGED_INSTANCES_FACTS.minMemoryMb)} MB, and at least ExecutionEnvironmentMemoryGiBPerVCpu × ${fmt(MANAGED_INSTANCES_FACTS.mbPerGib)} MB)`,
      reason: 'a Lambda Managed Instances execution environment gets at least 2 GB and 1 vCPU, and its memory cannot be less than one vCPU\'s share at the chosen memory-per-vCPU ratio',
    }];
  },
};
