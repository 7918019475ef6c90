import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';

/**
 * Asynchronous invocation settings of a function (S3, SNS, EventBridge, `InvocationType: Event`).
 *
 * Lambda queues asynchronous events internally, retries a failing event up to twice and then discards it
 * unless an on-failure destination or a dead-letter queue catches it. Retried events run again: handlers
 * must be idempotent.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html
 */
export interface AsyncInvokeOptions {
  /**
   * How many times Lambda retries a failed asynchronous invocation: a whole number from 0 to 2.
   * @default 2
   * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html
   */
  readonly retryAttempts?: number;

  /**
   * How long Lambda keeps an event in its asynchronous queue: whole seconds from 60 s to 6 h (21,600 s).
   * @default Duration.hours(6)
   */
  readonly maxEventAge?: Duration;

  /**
   * Where the record of a successful invocation goes: an `AsyncDestination` (checked at synth: standard
   * queues and topics only) or any `lambda.IDestination`.
   * @default - no on-success destination
   * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
   */
  readonly onSuccess?: lambda.IDestination;

  /**
   * Where the record of an invocation that failed every attempt (or expired) goes: an `AsyncDestination`
   * (checked at synth) or any `lambda.IDestination`. Preferred over the
   * dead-letter queue, which the function keeps as well.
   * @default - failures go to the function's dead-letter queue only
   * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
   */
  readonly onFailure?: lambda.IDestination;
}
