import { setting, standardFinding } from './helpers';
import { fmt, Rule, Severity, show } from '../private/rule';
import { knownNumber } from '../private/template-index';

/** Log groups (and `logRetention` custom resources) keep logs at least as long as the standards require (never expiring passes). */
export const StandardMinLogRetention: Rule = {
  id: 'StandardMinLogRetention',
  severity: Severity.ERROR,
  summary: 'A log group keeps logs at least the minimum retention of the platform standards in force.',
  types: ['AWS::Logs::LogGroup', 'Custom::LogRetention'],
  standard: true,
  check: (e, ctx) => {
    const days = knownNumber(e.properties.RetentionInDays);
    if (days === undefined) return [];
    return setting(ctx, 'minLogRetention').filter(s => days < s.value).map(({ standard, value }) =>
      standardFinding(standard, 'RetentionInDays', show(days, 'days'), `at least ${fmt(value)} days`, 'the platform must be able to investigate incidents that far back'));
  },
};
