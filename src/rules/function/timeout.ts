import { LIMITS, MANAGED_INSTANCES_FACTS } from '../../limits';
import { managedInstances } from '../managed-instances/config';
import { checkLimit, FUNCTION, Rule, Severity } from '../private/rule';

/**
 * Timeout is a whole number of seconds in 1–900, or 1–5,400 on Lambda Managed Instances (where
 * LambdaManagedInstancesTimeout names the invokers that keep 900 s).
 */
export const LambdaTimeout: Rule = {
  id: 'LambdaTimeout',
  severity: Severity.ERROR,
  summary: 'Timeout is a whole number of seconds from 1 to 900 (to 5,400 on Lambda Managed Instances).',
  types: [FUNCTION],
  check: e => checkLimit('Timeout', e.properties.Timeout, managedInstances(e) ? MANAGED_INSTANCES_FACTS.timeout : LIMITS.timeout),
};
