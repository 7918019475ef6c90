import { Token } from 'aws-cdk-lib';
import { setting, standardFinding } from './helpers';
import { Finding, FUNCTION, Rule, Severity, show } from '../private/rule';

/** The function's runtime is one the standards in force allow. */
export const StandardAllowedRuntimes: Rule = {
  id: 'StandardAllowedRuntimes',
  severity: Severity.ERROR,
  summary: 'Runtime is one of the runtimes the platform standards in force allow.',
  types: [FUNCTION],
  standard: true,
  check: (e, ctx) => {
    const runtime = e.properties.Runtime;
    if (runtime === undefined || typeof runtime !== 'string' || Token.isUnresolved(runtime)) return [];
    const out: Finding[] = [];
    for (const { standard, value } of setting(ctx, 'allowedRuntimes')) {
      const names = value.map(r => r.name);
      if (!names.includes(runtime)) {
        out.push(standardFinding(standard, 'Runtime', show(runtime), `one of ${names.map(n => show(n)).join(', ')}`, 'the platform supports only these runtimes'));
      }
    }
    return out;
  },
};
