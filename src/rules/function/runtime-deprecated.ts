import { FUNCTION, Rule, Severity, show } from '../private/rule';
import { isDeprecatedRuntime } from '../private/runtimes';
import { knownString } from '../private/template-index';

/** The runtime is one AWS Lambda still supports. */
export const LambdaRuntimeDeprecated: Rule = {
  id: 'LambdaRuntimeDeprecated',
  severity: Severity.ERROR,
  summary: 'The runtime is one AWS Lambda still supports (BlueprintFunction: allowDeprecatedRuntime acknowledges it for legacy code).',
  types: [FUNCTION],
  check: e => {
    const runtime = knownString(e.properties.Runtime);
    if (runtime === undefined || !isDeprecatedRuntime(runtime)) return [];
    return [{ property: 'Runtime', value: show(runtime), allowed: 'a supported runtime', reason: 'AWS Lambda no longer supports it: no security patches, and new functions are blocked' }];
  },
};
