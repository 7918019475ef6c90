import { durableConfig } from './config';
import { invokersInvoke, invokersOf } from '../private/invokers';
import { FUNCTION, Rule, Severity } from '../private/rule';

/** The triggers of a durable function invoke a version or an alias, not the unqualified function. */
export const LambdaDurableUnqualified: Rule = {
  id: 'LambdaDurableUnqualified',
  severity: Severity.WARNING,
  summary: 'The triggers of a durable function (mappings, permissions, URLs, notifications, subscriptions, rules) invoke a version or an alias (a qualified ARN), not the unqualified function.',
  types: [FUNCTION],
  check: (e, { index }) => {
    if (!durableConfig(e)) return [];
    const unqualified = invokersOf(index, e).filter(i => !i.qualified);
    if (!unqualified.length) return [];
    return [{
      property: 'DurableConfig',
      value: `set, but ${invokersInvoke(unqualified)} the unqualified function ($LATEST)`,
      allowed: 'triggers on a published version or an alias (its qualified ARN)',
      reason: 'a durable execution replays the function on every resume, so it must stay on one version of the code: AWS invokes durable functions through a qualified ARN and advises against $LATEST',
      involves: unqualified.map(i => i.entry),
    }];
  },
};
