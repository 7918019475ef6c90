import { durableConfig } from './config';
import { DURABLE_FACTS } from '../../limits';
import { FUNCTION, Rule, Severity, show } from '../private/rule';
import { knownString } from '../private/template-index';

/** A durable function uses a runtime the Durable Execution SDK supports (or a container image). */
export const LambdaDurableRuntime: Rule = {
  id: 'LambdaDurableRuntime',
  severity: Severity.ERROR,
  summary: `A durable function (DurableConfig) uses ${DURABLE_FACTS.runtimesText}.`,
  types: [FUNCTION],
  check: e => {
    const runtime = knownString(e.properties.Runtime);
    if (runtime === undefined || !durableConfig(e) || DURABLE_FACTS.runtimes.test(runtime)) return [];
    return [{
      property: 'Runtime',
      value: `${show(runtime)} with DurableConfig`,
      allowed: DURABLE_FACTS.runtimesText,
      reason: 'durable functions run only on the runtimes AWS lists for durable execution',
    }];
  },
};
