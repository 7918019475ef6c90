import { cycleFrom } from '../private/event-graph';
import { FUNCTION, Rule, Severity } from '../private/rule';

/**
 * A function cannot, through its role's grants, destinations and the triggers of the stack, put an event
 * where it invokes itself again (directly or through a chain of S3, SNS, SQS, EventBridge, streams or
 * Lambda invokes, or log groups whose subscription filters invoke a function). A direct S3 self-trigger is
 * S3NotificationSelfTrigger's, a function subscribed to its own log group LogsSubscriptionOwnLogGroup's.
 */
export const LambdaEventLoop: Rule = {
  id: 'LambdaEventLoop',
  severity: Severity.WARNING,
  summary: 'A function cannot put an event where it invokes itself again, directly or through a chain of S3, SNS, SQS, EventBridge, streams, log subscriptions or invokes (the cycle is named).',
  types: [FUNCTION],
  check: (e, { index }) => {
    const cycle = cycleFrom(index, e);
    if (!cycle) return [];
    // One report per cycle: at the function of the cycle that comes first in the template.
    const functions = cycle.map(hop => hop.to).filter(t => t.type === FUNCTION);
    if (functions.some(f => f.logicalId < e.logicalId)) return [];
    if (cycle.length === 2 && cycle[0].to.type === 'AWS::S3::Bucket') return [];
    // A function subscribed to its own log group is LogsSubscriptionOwnLogGroup's (an error).
    if (cycle.length === 2 && cycle[0].to.type === 'AWS::Logs::SubscriptionFilter') return [];
    const path = [e.path, ...cycle.map(hop => `(${hop.edge.label}) → ${hop.to.path}`)].join(' ');
    return [{
      property: 'event path',
      value: path,
      allowed: 'no path from the function back to itself (or a filter, condition or stop the function enforces, acknowledged with its reason)',
      reason: 'each event the function emits invokes it again: an endless, costly loop (AWS stops some recursive loops only after about 16 rounds)',
      involves: functions,
    }];
  },
};
