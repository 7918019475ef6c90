import * as fs from 'fs';
import { InvokeOutcome } from '../types';

/** Invokes the function under delivery with one event (JSON text). */
export type Invoker = (payload: string, invocationType?: 'RequestResponse' | 'Event') => Promise<InvokeOutcome>;

/** Where delivered events ended up: per destination (logical id of a queue, topic, bus or function), the entries it received. */
export class Outbox {
  public readonly destinations: Record<string, unknown[]> = {};
  public invocations = 0;
  public succeeded = 0;
  public failed = 0;
  public readonly warnings: string[] = [];

  constructor(public readonly functionPath: string, public readonly source: string) {}

  public put(destination: string, entry: unknown): void {
    (this.destinations[destination] ??= []).push(entry);
  }

  public toJSON(): object {
    return {
      function: this.functionPath,
      source: this.source,
      invocations: this.invocations,
      succeeded: this.succeeded,
      failed: this.failed,
      destinations: this.destinations,
      warnings: this.warnings,
    };
  }

  /** Writes the outbox as JSON (pretty-printed) to `file`. */
  public write(file: string): void {
    fs.writeFileSync(file, JSON.stringify(this.toJSON(), null, 2) + '\n');
  }
}

/** Parses a function response, or undefined when it is not JSON. */
export function parseResponse(outcome: InvokeOutcome): any {
  try {
    return JSON.parse(outcome.payload);
  } catch {
    return undefined;
  }
}

/** The documented `responseContext` of a destination record. */
export function responseContext(outcome: InvokeOutcome): object {
  return { statusCode: 200, executedVersion: '$LATEST', ...(outcome.errorType ? { functionError: 'Unhandled' } : {}) };
}

/**
 * The item identifiers a partial batch response reports as failed, `all` when the response is a
 * function error or malformed (Lambda then retries the whole batch), or [] when all succeeded.
 */
export function failedItems(outcome: InvokeOutcome, reportBatchItemFailures: boolean, ids: string[]): string[] | 'all' {
  if (outcome.errorType) return 'all';
  if (!reportBatchItemFailures) return [];
  const response = parseResponse(outcome);
  const failures = response?.batchItemFailures;
  if (failures === undefined || failures === null) return [];
  if (!Array.isArray(failures)) return 'all';
  const out: string[] = [];
  for (const f of failures) {
    const id = f?.itemIdentifier;
    if (typeof id !== 'string' || !ids.includes(id)) return 'all';
    out.push(id);
  }
  return out;
}
