import { inputRule, Severity } from '../private/rule';

/** One asynchronous configuration per function, with destinations Lambda supports. */
export const LambdaAsyncInvokeOptions = inputRule('LambdaAsyncInvokeOptions', Severity.ERROR,
  'A function has one asynchronous invocation configuration, whose on-success destination is a queue, topic, function or event bus (S3 buckets take failures only).');
