import { setting, standardFinding } from './helpers';
import { SERVICE_DEFAULTS } from '../../limits';
import { Finding, FUNCTION, Rule, Severity, show } from '../private/rule';
import { isObject } from '../private/template-index';

/** The function's architecture is one the standards in force allow (no `Architectures` is x86_64). */
export const StandardAllowedArchitectures: Rule = {
  id: 'StandardAllowedArchitectures',
  severity: Severity.ERROR,
  summary: 'Architectures (x86_64 when not set) is one the platform standards in force allow.',
  types: [FUNCTION],
  standard: true,
  check: (e, ctx) => {
    const archs = e.properties.Architectures;
    if (isObject(archs) || (Array.isArray(archs) && archs.some(a => typeof a !== 'string'))) return [];
    const actual: string[] = Array.isArray(archs) ? archs : [SERVICE_DEFAULTS.functionArchitecture];
    const out: Finding[] = [];
    for (const { standard, value } of setting(ctx, 'allowedArchitectures')) {
      const names = value.map(a => a.name);
      if (actual.some(a => !names.includes(a))) {
        const shown = archs === undefined ? `not set (${SERVICE_DEFAULTS.functionArchitecture})` : show(archs);
        out.push(standardFinding(standard, 'Architectures', shown, `${names.map(n => show([n])).join(' or ')}`, 'the platform builds and tests for these instruction sets only'));
      }
    }
    return out;
  },
};
