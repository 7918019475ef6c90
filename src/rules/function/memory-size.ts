import { LIMITS, MANAGED_INSTANCES_FACTS } from '../../limits';
import { managedInstances } from '../managed-instances/config';
import { checkLimit, fmt, FUNCTION, Rule, Severity } from '../private/rule';

/**
 * MemorySize is a whole number of MB in 128–10,240. On Lambda Managed Instances only whole MB are
 * checked here (LambdaManagedInstancesMemory checks the minimum): the quota page says 10,240 MB while
 * 32 GB is reported for capacity providers, and no AWS page settles it.
 */
export const LambdaMemorySize: Rule = {
  id: 'LambdaMemorySize',
  severity: Severity.ERROR,
  summary: 'MemorySize is a whole number of MB from 128 to 10,240 (on Lambda Managed Instances only whole MB: their maximum is not confirmed).',
  types: [FUNCTION],
  check: e => {
    if (!managedInstances(e)) return checkLimit('MemorySize', e.properties.MemorySize, LIMITS.memorySize);
    return checkLimit('MemorySize', e.properties.MemorySize, { ...LIMITS.memorySize, max: Number.MAX_SAFE_INTEGER })
      .map(f => ({ ...f, allowed: `a whole number of MB (at least ${fmt(MANAGED_INSTANCES_FACTS.minMemoryMb)} MB on Lambda Managed Instances)`, reason: 'Lambda allocates memory in whole MB' }));
  },
};
