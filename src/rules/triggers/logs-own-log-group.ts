import { destinationFunction, functionLogGroupKeys, logGroupKeys, sameLogGroup, SUBSCRIPTION_FILTER } from './log-groups';
import { Rule, Severity, show } from '../private/rule';

/** A subscription filter does not deliver a log group to the function that writes its logs there. */
export const LogsSubscriptionOwnLogGroup: Rule = {
  id: 'LogsSubscriptionOwnLogGroup',
  severity: Severity.ERROR,
  summary: 'A CloudWatch Logs subscription filter does not deliver a log group to the function whose own logs go there.',
  types: [SUBSCRIPTION_FILTER],
  check: (e, { index }) => {
    const fn = destinationFunction(index, e);
    if (!fn || !sameLogGroup(logGroupKeys(index, e.properties.LogGroupName), functionLogGroupKeys(index, fn))) return [];
    return [{
      property: 'LogGroupName',
      value: `${show(e.properties.LogGroupName)}, the log group of ${fn.path} (the filter's destination)`,
      allowed: 'a log group the destination function does not write its own logs to',
      reason: 'each batch the function handles writes log lines to that log group, which invoke it again: an endless, costly loop',
      involves: [fn],
    }];
  },
};
