/**
 * The result of one local invocation.
 *
 * @experimental
 */
export interface LocalInvokeResult {
  /** The request id the runtime saw. */
  readonly requestId: string;
  /** The status code of Lambda's Invoke API: 200 for a synchronous invocation, 202 (accepted) for an asynchronous one. */
  readonly statusCode: number;
  /**
   * The response, or Lambda's error document, as JSON text (parse it: `JSON.parse`, `json.loads`…); empty for an
   * asynchronous invocation (as Lambda returns).
   */
  readonly payload: string;
  /**
   * The error type (e.g. `Runtime.HandlerNotFound`, `Sandbox.Timedout`, the handler's error name).
   *
   * @default - the invocation succeeded
   */
  readonly errorType?: string;
  /**
   * The error message.
   *
   * @default - the invocation succeeded
   */
  readonly errorMessage?: string;
  /** Whether a new execution environment was started for it. */
  readonly coldStart: boolean;
  /**
   * Duration of the init phase, in ms.
   *
   * @default - a warm invocation
   */
  readonly initDurationMs?: number;
  /** Duration of the invocation, in ms. */
  readonly durationMs: number;
  /** Billed duration, in whole ms (init included on a cold start). */
  readonly billedDurationMs: number;
  /** The function's memory size, in MB. */
  readonly memorySizeMb: number;
  /** Peak resident memory of the runtime process, in MB. */
  readonly maxMemoryUsedMb: number;
  /** The log lines of the invocation, START / END / REPORT included. */
  readonly logs: string[];
  /** Which execution environment ran it (1, 2, ...). */
  readonly environmentId: number;
  /** How many times the function ran: 1, or up to 1 + the retries for an asynchronous invocation (its timings and error are the last attempt's; its logs are every attempt's). */
  readonly attempts: number;
  /**
   * Where an asynchronous invocation's event ended up, as JSON: `{ function, source, invocations, succeeded,
   * failed, destinations: { <logical id>: [...] }, warnings }` (the format of `LocalDeliveryResult.outbox`).
   *
   * @default - a synchronous invocation
   */
  readonly outbox?: string;
}
