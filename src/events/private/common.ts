import { createHash } from 'crypto';
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
