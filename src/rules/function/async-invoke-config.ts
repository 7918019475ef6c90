import { LIMITS } from '../../limits';
import { checkLimit, EVENT_INVOKE_CONFIG, Rule, Severity } from '../private/rule';

/** Asynchronous invocation: 0–2 retries, a maximum event age of 60 s to 6 h. */
export const LambdaAsyncInvokeConfig: Rule = {
  id: 'LambdaAsyncInvokeConfig',
  severity: Severity.ERROR,
  summary: 'Asynchronous invocation retries 0–2 times and keeps events 60 s to 6 h.',
  types: [EVENT_INVOKE_CONFIG],
  check: e => [
    ...checkLimit('MaximumRetryAttempts', e.properties.MaximumRetryAttempts, LIMITS.asyncRetryAttempts),
    ...checkLimit('MaximumEventAgeInSeconds', e.properties.MaximumEventAgeInSeconds, LIMITS.asyncMaxEventAge),
  ],
};
