import { InvokerKind, invokersInvoke, invokersOf } from '../private/invokers';
import { EVENT_INVOKE_CONFIG, FUNCTION, Rule, Severity } from '../private/rule';
import { CfnEntry, isObject, TemplateIndex } from '../private/template-index';

/** Invokers that call a function asynchronously (Lambda retries, then drops the event). */
const ASYNC_INVOKERS: ReadonlySet<InvokerKind> = new Set([InvokerKind.S3, InvokerKind.SNS, InvokerKind.RULE, InvokerKind.LOGS]);

/** Whether an EventInvokeConfig of the function (any qualifier) sends failed events to a destination. */
function hasOnFailureDestination(index: TemplateIndex, fn: CfnEntry): boolean {
  return index.ofType(EVENT_INVOKE_CONFIG).some(c => {
    const onFailure = c.properties.DestinationConfig?.OnFailure;
    return isObject(onFailure) && onFailure.Destination !== undefined && index.functionOf(c.properties.FunctionName) === fn;
  });
}

/**
 * A function that S3, SNS, EventBridge or CloudWatch Logs invoke asynchronously has a failure path: a
 * dead-letter queue or an on-failure destination. Lambda retries an asynchronous event twice, then drops
 * it. A function of another stack or account is that app's to check.
 */
export const LambdaAsyncFailurePath: Rule = {
  id: 'LambdaAsyncFailurePath',
  severity: Severity.ERROR,
  summary: 'A function that S3, SNS, EventBridge or CloudWatch Logs invoke asynchronously has a dead-letter queue or an on-failure destination.',
  types: [FUNCTION],
  check: (e, { index }) => {
    const invokers = invokersOf(index, e).filter(i => ASYNC_INVOKERS.has(i.kind));
    if (!invokers.length) return [];
    const dlq = e.properties.DeadLetterConfig;
    if ((isObject(dlq) && dlq.TargetArn !== undefined) || hasOnFailureDestination(index, e)) return [];
    return [{
      property: 'DeadLetterConfig',
      value: `not set and no on-failure destination, but ${invokersInvoke(invokers)} it asynchronously`,
      allowed: 'a dead-letter queue (DeadLetterConfig) or an EventInvokeConfig with an on-failure destination',
      reason: 'Lambda drops an asynchronous event after its retries unless a failure path catches it',
      involves: invokers.map(i => i.entry),
    }];
  },
};
