import { FUNCTION, Rule, Severity, show } from '../private/rule';
import { isDeprecatedRuntime, newestOfFamily } from '../private/runtimes';
import { knownString } from '../private/template-index';

/** The runtime is the newest of its family. */
export const LambdaRuntimeNotNewest: Rule = {
  id: 'LambdaRuntimeNotNewest',
  severity: Severity.WARNING,
  summary: 'The runtime is the newest of its family that aws-cdk-lib knows.',
  types: [FUNCTION],
  check: e => {
    const runtime = knownString(e.properties.Runtime);
    if (runtime === undefined || isDeprecatedRuntime(runtime)) return [];
    const newest = newestOfFamily(runtime);
    if (newest === undefined || newest === runtime) return [];
    return [{ property: 'Runtime', value: show(runtime), allowed: `the newest of its family (${newest})`, reason: 'older runtimes reach end of support first; plan the upgrade' }];
  },
};
