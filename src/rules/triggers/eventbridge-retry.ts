import { LIMITS } from '../../limits';
import { asArray } from '../private/iam';
import { checkLimit, Rule, Severity } from '../private/rule';
import { isObject } from '../private/template-index';

/** An EventBridge rule. */
export const EVENTS_RULE = 'AWS::Events::Rule';

/** Each target's retry policy is in EventBridge's ranges: 0–185 retries, events kept 60 s to 24 h. */
export const EventBridgeTargetRetry: Rule = {
  id: 'EventBridgeTargetRetry',
  severity: Severity.ERROR,
  summary: 'An EventBridge rule target retries 0–185 times and keeps an event 60 s to 24 h (RetryPolicy).',
  types: [EVENTS_RULE],
  check: e => asArray(e.properties.Targets).filter(isObject).flatMap(t => {
    const policy = t.RetryPolicy;
    if (!isObject(policy)) return [];
    return [
      ...checkLimit('RetryPolicy.MaximumRetryAttempts', policy.MaximumRetryAttempts, LIMITS.eventBridgeRetryAttempts),
      ...checkLimit('RetryPolicy.MaximumEventAgeInSeconds', policy.MaximumEventAgeInSeconds, LIMITS.eventBridgeMaxEventAge),
    ];
  }),
};
