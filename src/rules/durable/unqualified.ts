import { durableConfig } from './config';
import { unqualifiedTriggers } from '../private/invokers';
import { FUNCTION, Rule, Severity } from '../private/rule';

/** The triggers of a durable function invoke a version or an alias, not the unqualified function. */
export const LambdaDurableUnqualified: Rule = {
  id: 'LambdaDurableUnqualified',
  severity: Severity.WARNING,
  summary: 'The triggers of a durable function (mappings, permissions, URLs, notifications, subscriptions, rules) invoke a version or an alias (a qualified ARN), not the unqualified function.',
  types: [FUNCTION],
  check: (e, { index }) => (!durableConfig(e) ? [] : unqualifiedTriggers(index, e, 'DurableConfig', 'set',
    'a durable execution replays the function on every resume, so it must stay on one version of the code: AWS invokes durable functions through a qualified ARN and advises against $LATEST')),
};
