import { logGroupKeys, sameLogGroup, SUBSCRIPTION_FILTER } from './log-groups';
import { TRIGGER_FACTS } from '../../limits';
import { Rule, Severity, show } from '../private/rule';

const LIMIT = TRIGGER_FACTS.logsSubscriptionFilters;

/** At most 2 subscription filters on one log group: reported at each filter beyond the quota. */
export const LogsSubscriptionFilterCount: Rule = {
  id: 'LogsSubscriptionFilterCount',
  severity: Severity.ERROR,
  summary: 'A log group has at most 2 CloudWatch Logs subscription filters in the stack (AWS refuses a third).',
  types: [SUBSCRIPTION_FILTER],
  check: (e, { index }) => {
    const keys = logGroupKeys(index, e.properties.LogGroupName);
    const filters = index.ofType(SUBSCRIPTION_FILTER).filter(f => f === e || sameLogGroup(keys, logGroupKeys(index, f.properties.LogGroupName)));
    const position = filters.indexOf(e) + 1;
    if (position <= LIMIT.max) return [];
    return [{
      property: 'LogGroupName',
      value: `${show(e.properties.LogGroupName)}, whose filter number ${position} this is (${filters.map(f => f.path).join(', ')})`,
      allowed: `at most ${LIMIT.max} ${LIMIT.unit} per log group`,
      reason: LIMIT.reason,
      involves: filters.filter(f => f !== e),
    }];
  },
};
