import { hasSnapStart } from './provisioned';
import { SNAPSTART_FACTS } from '../../limits';
import { invokersInvoke, invokersOf } from '../private/invokers';
import { FUNCTION, Rule, Severity, show } from '../private/rule';

/** The triggers of a SnapStart function invoke a version or an alias, not the unqualified function. */
export const LambdaSnapStartUnqualified: Rule = {
  id: 'LambdaSnapStartUnqualified',
  severity: Severity.WARNING,
  summary: 'The triggers of a SnapStart function (mappings, permissions, URLs, notifications, subscriptions, rules) invoke a version or an alias, not the unqualified function ($LATEST).',
  types: [FUNCTION],
  check: (e, { index }) => {
    if (!hasSnapStart(e)) return [];
    const unqualified = invokersOf(index, e).filter(i => !i.qualified);
    if (!unqualified.length) return [];
    return [{
      property: 'SnapStart.ApplyOn',
      value: `${show(SNAPSTART_FACTS.applyOn)}, but ${invokersInvoke(unqualified)} the unqualified function ($LATEST)`,
      allowed: 'triggers on a published version or an alias (its qualified ARN)',
      reason: 'SnapStart applies only to published versions: an invocation of the unqualified function runs $LATEST, which is never snapshotted, with a full cold start',
      involves: unqualified.map(i => i.entry),
    }];
  },
};
