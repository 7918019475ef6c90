import { ALIAS_NAME_PATTERN, LIMITS } from '../../limits';
import { ALIAS, checkLimit, Finding, Rule, Severity, show } from '../private/rule';
import { knownString } from '../private/template-index';

/** An alias name of 1–128 characters (not all digits, not $LATEST) and a description of at most 256. */
export const LambdaAliasSettings: Rule = {
  id: 'LambdaAliasSettings',
  severity: Severity.ERROR,
  summary: 'An alias has a name of 1–128 characters of [a-zA-Z0-9-_] that is not all digits, and a description of at most 256 characters.',
  types: [ALIAS],
  check: e => {
    const out: Finding[] = [];
    const name = knownString(e.properties.Name);
    if (name !== undefined && (!ALIAS_NAME_PATTERN.test(name) || /^\d+$/.test(name))) {
      out.push({ property: 'Name', value: show(name), allowed: '1–128 characters of [a-zA-Z0-9-_], not all digits', reason: LIMITS.aliasNameLength.reason });
    }
    const description = knownString(e.properties.Description);
    if (description !== undefined) {
      out.push(...checkLimit('Description length', description.length, LIMITS.aliasDescriptionLength).map(f => ({ ...f, value: `${f.value} (${show(description.slice(0, 30))}…)` })));
    }
    return out;
  },
};
