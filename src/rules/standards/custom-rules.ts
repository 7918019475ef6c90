import { setting, standardFinding, Violation } from './helpers';
import { Finding, Rule, Severity } from '../private/rule';

/** Runs the custom rules (`StandardRule` subclasses) of the standards in force, under their own ids. */
export const StandardCustomRules: Rule = {
  id: 'StandardCustomRules',
  severity: Severity.ERROR,
  summary: 'The custom rules (StandardRule subclasses) of the platform standards in force, reported under their own ids.',
  types: ['*'],
  standard: true,
  check: (e, ctx) => {
    const out: Finding[] = [];
    for (const { standard, value } of setting(ctx, 'customRules')) {
      for (const rule of value) {
        if (!rule.resourceTypes.includes(e.type)) continue;
        let violations: Violation[];
        try {
          violations = rule.check(e) ?? [];
        } catch (err) {
          // A rule that fails is reported like a violation (with the others), never as a crash of the synth.
          violations = [{ property: 'check()', value: `an error ${JSON.stringify(String((err as Error)?.message ?? err))}`, allowed: 'a list of violations', reason: 'a custom rule must not throw' }];
        }
        for (const v of violations) {
          out.push({ ...standardFinding(standard, v.property, v.value, v.allowed, v.reason), id: rule.id });
        }
      }
    }
    return out;
  },
};
