import { hasSnapStart } from './provisioned';
import { SNAPSTART_FACTS } from '../../limits';
import { unqualifiedTriggers } from '../private/invokers';
import { FUNCTION, Rule, Severity, show } from '../private/rule';

/** The triggers of a SnapStart function invoke a version or an alias, not the unqualified function. */
export const LambdaSnapStartUnqualified: Rule = {
  id: 'LambdaSnapStartUnqualified',
  severity: Severity.WARNING,
  summary: 'The triggers of a SnapStart function (mappings, permissions, URLs, notifications, subscriptions, rules) invoke a version or an alias, not the unqualified function ($LATEST).',
  types: [FUNCTION],
  check: (e, { index }) => (!hasSnapStart(e) ? [] : unqualifiedTriggers(index, e, 'SnapStart.ApplyOn', show(SNAPSTART_FACTS.applyOn),
    'SnapStart applies only to published versions: an invocation of the unqualified function runs $LATEST, which is never snapshotted, with a full cold start')),
};
