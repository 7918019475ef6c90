import { createHash, randomUUID } from 'crypto';
import { SampleEventEnvironment } from '../options';

/** The default message body or payload. */
export const HELLO = '{"hello":"world"}';

/** The fixed time of every sample event. */
export const TIME = '2025-01-01T00:00:00.000Z';
export const EPOCH_MS = Date.parse(TIME);

/** The account and region of an event (defaults: 123456789012, us-east-1). */
export function env(o: SampleEventEnvironment): { account: string; region: string } {
  return { account: o.account ?? '123456789012', region: o.region ?? 'us-east-1' };
}

/** A deterministic UUID-shaped id (events are reproducible: same options, same event). */
export function id(...parts: unknown[]): string {
  const h = createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * When an event happens and how its ids are made: fixed and derived from the options for the public sample
 * events (reproducible), the current time and random ids for the local emulator's deliveries.
 */
export interface Stamp {
  /** Epoch milliseconds of the event. */
  readonly at: number;
  /** A UUID-shaped id for these parts. */
  readonly id: (...parts: unknown[]) => string;
}

/** The stamp of the public sample events: `TIME`, ids derived from the options. */
export const SAMPLE: Stamp = { at: EPOCH_MS, id };

/** A stamp of now, with random ids (the emulator's events). */
export function liveStamp(): Stamp {
  return { at: Date.now(), id: () => randomUUID() };
}

/** The ISO 8601 time of a stamp (`2025-01-01T00:00:00.000Z`). */
export function isoTime(stamp: Stamp): string {
  return new Date(stamp.at).toISOString();
}

/**
 * An object key as S3 event notifications write it: URL-encoded as a form value
 * (`application/x-www-form-urlencoded`: a space becomes `+`, `+` becomes `%2B`, `(` becomes `%28`),
 * with the `/` separators kept.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
 */
export function s3EventKey(key: string): string {
  return encodeURIComponent(key)
    .replace(/[!'()~]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+')
    .replace(/%2F/g, '/');
}

export function md5(text: string): string {
  return createHash('md5').update(text, 'utf-8').digest('hex');
}

/** A plain value in DynamoDB JSON. */
export function marshall(value: any): any {
  if (value === null || value === undefined) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(marshall) };
  return { M: marshallItem(value) };
}

export function marshallItem(item: { [name: string]: any }): any {
  return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, marshall(v)]));
}
