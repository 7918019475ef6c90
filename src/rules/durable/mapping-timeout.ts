import { durableConfig } from './config';
import { DURABLE_FACTS, MANAGED_INSTANCES_FACTS } from '../../limits';
import { managedInstances } from '../managed-instances/config';
import { invokesWithinStandardTimeout } from '../managed-instances/timeout';
import { Invoker, InvokerKind, invokersInvoke, invokersOf } from '../private/invokers';
import { fmt, FUNCTION, Rule, Severity, show } from '../private/rule';
import { knownNumber } from '../private/template-index';

/**
 * A durable function an event source mapping invokes has an ExecutionTimeout within the longest
 * synchronous invocation: 900 s (5,400 s on Lambda Managed Instances, except Amazon MQ and DocumentDB).
 */
export const LambdaDurableMappingTimeout: Rule = {
  id: 'LambdaDurableMappingTimeout',
  severity: Severity.WARNING,
  summary: 'A durable function fed by an event source mapping has a DurableConfig.ExecutionTimeout of at most 900 s (5,400 s on Lambda Managed Instances).',
  types: [FUNCTION],
  check: (e, { index }) => {
    const config = durableConfig(e);
    const timeout = knownNumber(config?.ExecutionTimeout);
    if (timeout === undefined) return [];
    const lmi = managedInstances(e) !== undefined;
    const mappings = invokersOf(index, e).filter(i => i.kind === InvokerKind.MAPPING);
    const extended = (m: Invoker) => lmi && !invokesWithinStandardTimeout(index, m);
    const limitOf = (m: Invoker) => extended(m) ? MANAGED_INSTANCES_FACTS.timeout.max : DURABLE_FACTS.mappingExecutionSeconds;
    const over = mappings.filter(m => timeout > limitOf(m));
    if (!over.length) return [];
    return [{
      property: 'DurableConfig.ExecutionTimeout',
      value: `${show(timeout, 's')}, and ${invokersInvoke(over)} the function`,
      allowed: `at most ${fmt(DURABLE_FACTS.mappingExecutionSeconds)} s for a function an event source mapping invokes (${fmt(MANAGED_INSTANCES_FACTS.timeout.max)} s on Lambda Managed Instances), or an asynchronous invocation for longer executions`,
      reason: 'an event source mapping invokes a durable function synchronously, so the whole durable execution must finish within the longest function timeout, or it fails',
      involves: over.map(i => i.entry),
    }];
  },
};
