import { managedInstances } from './config';
import { LIMITS, MANAGED_INSTANCES_FACTS } from '../../limits';
import { describeInvokers, Invoker, InvokerKind, invokersOf } from '../private/invokers';
import { fmt, FUNCTION, Rule, Severity, show } from '../private/rule';
import { knownNumber, knownString, TemplateIndex } from '../private/template-index';

/** Whether an invoker of a function on a capacity provider keeps the 900 s limit. */
export function invokesWithinStandardTimeout(index: TemplateIndex, i: Invoker): boolean {
  if (i.kind === InvokerKind.URL || i.kind === InvokerKind.COGNITO) return true;
  if (i.kind === InvokerKind.PERMISSION) {
    return MANAGED_INSTANCES_FACTS.synchronousPrincipals.includes(knownString(i.entry.properties.Principal) ?? '');
  }
  if (i.kind !== InvokerKind.MAPPING) return false;
  const source = i.entry.properties.EventSourceArn;
  const target = index.target(source);
  if (target) return MANAGED_INSTANCES_FACTS.shortMappingSources.includes(target.type);
  return MANAGED_INSTANCES_FACTS.shortMappingArn.test(knownString(source) ?? '');
}

/**
 * A function on a capacity provider with a timeout above 900 s is not invoked where 900 s still applies:
 * synchronously (function URLs, API Gateway, load balancers, Cognito) or by Amazon MQ and Amazon
 * DocumentDB mappings.
 */
export const LambdaManagedInstancesTimeout: Rule = {
  id: 'LambdaManagedInstancesTimeout',
  severity: Severity.WARNING,
  summary: 'A function on Lambda Managed Instances with a Timeout above 900 s is invoked only asynchronously or by event source mappings other than Amazon MQ and Amazon DocumentDB.',
  types: [FUNCTION],
  check: (e, { index }) => {
    const timeout = knownNumber(e.properties.Timeout);
    if (timeout === undefined || timeout <= LIMITS.timeout.max || !managedInstances(e)) return [];
    const limited = invokersOf(index, e).filter(i => invokesWithinStandardTimeout(index, i));
    if (!limited.length) return [];
    return [{
      property: 'Timeout',
      value: `${show(timeout, 's')} on Lambda Managed Instances, invoked by ${describeInvokers(limited)}`,
      allowed: `at most ${LIMITS.timeout.max} s for a function invoked synchronously or by Amazon MQ or Amazon DocumentDB (${fmt(MANAGED_INSTANCES_FACTS.timeout.max)} s only for asynchronous invocations and other event source mappings)`,
      reason: 'Lambda Managed Instances extend the timeout to 90 minutes only for asynchronous invocations and event source mappings other than Amazon MQ and Amazon DocumentDB; other invocations keep the 900 s limit',
      involves: limited.map(i => i.entry),
    }];
  },
};
