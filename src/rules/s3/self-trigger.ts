import { describeFilter, notificationsOf } from './notifications';
import { BUCKET, CUSTOM_NOTIFICATIONS, Finding, Rule, Severity } from '../private/rule';
import { knownString } from '../private/template-index';
import { bucketWrites, keyPatternMatches } from '../private/writes';

/**
 * A bucket does not notify a function that may write (by its role's real `s3:PutObject` grants) keys the
 * notification's filter matches: each object it writes would invoke it again.
 */
export const S3NotificationSelfTrigger: Rule = {
  id: 'S3NotificationSelfTrigger',
  severity: Severity.ERROR,
  summary: 'A bucket does not notify a function whose role may put objects under keys the notification\'s filter matches.',
  types: [BUCKET, CUSTOM_NOTIFICATIONS],
  check: (e, { index }) => {
    const { bucketId, bucketName, items } = notificationsOf(e);
    const bucket = { logicalId: bucketId, name: bucketName ?? (bucketId ? knownString(index.get(bucketId)?.properties.BucketName) : undefined) };
    const out: Finding[] = [];
    for (const n of items.filter(i => i.kind === 'lambda')) {
      const fn = index.functionOf(n.destination);
      if (!fn || n.prefix === undefined || n.suffix === undefined) continue;
      const write = bucketWrites(index, fn, bucket).find(w => keyPatternMatches(w.keyPattern, n.prefix, n.suffix));
      if (!write) continue;
      out.push({
        property: 'NotificationConfiguration',
        value: `${describeFilter(n)} → ${fn.path}, whose role allows ${write.action} on keys ${JSON.stringify(write.keyPattern)}`,
        allowed: 'a filter no key the function may write can match (or write to another bucket)',
        reason: 'every object the function writes there invokes it again: an endless, costly loop',
        involves: [fn],
      });
    }
    return out;
  },
};
