import { ARCHITECTURES } from '../../limits';
import { FUNCTION, Rule, Severity, show } from '../private/rule';
import { knownString } from '../private/template-index';

/** Architectures lists exactly one of x86_64 and arm64. */
export const LambdaArchitecture: Rule = {
  id: 'LambdaArchitecture',
  severity: Severity.ERROR,
  summary: 'Architectures lists exactly one of x86_64 and arm64.',
  types: [FUNCTION],
  check: e => {
    const list = e.properties.Architectures;
    if (list === undefined) return [];
    if (!Array.isArray(list)) return [];
    const names = list.map(knownString);
    if (names.includes(undefined)) return [];
    const ok = names.length === 1 && ARCHITECTURES.includes(names[0]!);
    return ok ? [] : [{ property: 'Architectures', value: show(list), allowed: `exactly one of ${ARCHITECTURES.join(', ')}`, reason: 'Lambda runs a function on one instruction set' }];
  },
};
