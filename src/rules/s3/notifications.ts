import { asArray } from '../private/iam';
import { BUCKET, CUSTOM_NOTIFICATIONS } from '../private/rule';
import { isObject, knownString, refId, ResourceEntry } from '../private/template-index';

/** One notification configuration of a bucket. */
export interface BucketNotification {
  readonly kind: 'lambda' | 'queue' | 'topic';
  /** The destination ARN value (function, queue or topic). */
  readonly destination: unknown;
  readonly events: string[];
  /** Key filters; undefined when unknown at synth (token). `''` means no filter. */
  readonly prefix?: string;
  readonly suffix?: string;
}

function filterValue(rules: unknown[], name: string): string | undefined {
  const rule = rules.filter(isObject).find(r => String(r.Name).toLowerCase() === name);
  return rule === undefined ? '' : knownString(rule.Value);
}

function item(kind: BucketNotification['kind'], destination: unknown, events: unknown, rules: unknown[]): BucketNotification {
  return { kind, destination, events: asArray(events).filter((e): e is string => typeof e === 'string'), prefix: filterValue(rules, 'prefix'), suffix: filterValue(rules, 'suffix') };
}

/** The bucket (logical id) and notification configurations of an S3 bucket or CDK's notifications resource. */
export function notificationsOf(e: ResourceEntry): { bucketId?: string; bucketName?: string; items: BucketNotification[] } {
  const config = e.properties.NotificationConfiguration;
  if (!isObject(config)) return { items: [] };
  if (e.type === BUCKET) {
    const rules = (c: Record<string, any>) => asArray(isObject(c.Filter) && isObject(c.Filter.S3Key) ? c.Filter.S3Key.Rules : undefined);
    return {
      bucketId: e.logicalId,
      bucketName: knownString(e.properties.BucketName),
      items: [
        ...asArray(config.LambdaConfigurations).filter(isObject).map(c => item('lambda', c.Function, c.Event, rules(c))),
        ...asArray(config.QueueConfigurations).filter(isObject).map(c => item('queue', c.Queue, c.Event, rules(c))),
        ...asArray(config.TopicConfigurations).filter(isObject).map(c => item('topic', c.Topic, c.Event, rules(c))),
      ],
    };
  }
  if (e.type !== CUSTOM_NOTIFICATIONS) return { items: [] };
  const rules = (c: Record<string, any>) => asArray(isObject(c.Filter) && isObject(c.Filter.Key) ? c.Filter.Key.FilterRules : undefined);
  return {
    bucketId: refId(e.properties.BucketName),
    bucketName: knownString(e.properties.BucketName),
    items: [
      ...asArray(config.LambdaFunctionConfigurations).filter(isObject).map(c => item('lambda', c.LambdaFunctionArn, c.Events, rules(c))),
      ...asArray(config.QueueConfigurations).filter(isObject).map(c => item('queue', c.QueueArn, c.Events, rules(c))),
      ...asArray(config.TopicConfigurations).filter(isObject).map(c => item('topic', c.TopicArn, c.Events, rules(c))),
    ],
  };
}

/** Whether a key can match both filters (prefixes nest, suffixes nest). Unknown filters are assumed apart. */
export function filtersOverlap(a: { prefix?: string; suffix?: string }, b: { prefix?: string; suffix?: string }): boolean {
  if (a.prefix === undefined || b.prefix === undefined || a.suffix === undefined || b.suffix === undefined) return false;
  const prefixes = a.prefix.startsWith(b.prefix) || b.prefix.startsWith(a.prefix);
  const suffixes = a.suffix.endsWith(b.suffix) || b.suffix.endsWith(a.suffix);
  return prefixes && suffixes;
}

/** Whether two S3 event type lists share an event (`s3:ObjectCreated:*` covers `s3:ObjectCreated:Put`). */
export function eventsOverlap(a: string[], b: string[]): boolean {
  const covers = (x: string, y: string) => x === y || (x.endsWith('*') && y.startsWith(x.slice(0, -1)));
  return a.some(x => b.some(y => covers(x, y) || covers(y, x)));
}

/** `prefix "in/", suffix ".csv"` or `no filter`. */
export function describeFilter(n: BucketNotification): string {
  const parts = [n.prefix ? `prefix ${JSON.stringify(n.prefix)}` : '', n.suffix ? `suffix ${JSON.stringify(n.suffix)}` : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no key filter';
}
