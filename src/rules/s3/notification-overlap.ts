import { describeFilter, eventsOverlap, filtersOverlap, notificationsOf } from './notifications';
import { BUCKET, CUSTOM_NOTIFICATIONS, Finding, Rule, Severity } from '../private/rule';

/** No two notification configurations of one bucket share an event type and a key. */
export const S3NotificationOverlap: Rule = {
  id: 'S3NotificationOverlap',
  severity: Severity.ERROR,
  summary: 'No two notification configurations of one bucket share an event type for keys both filters match.',
  types: [BUCKET, CUSTOM_NOTIFICATIONS],
  check: (e, { index }) => {
    const { items } = notificationsOf(e);
    const out: Finding[] = [];
    items.forEach((a, i) => items.slice(i + 1).forEach(b => {
      if (!eventsOverlap(a.events, b.events) || !filtersOverlap(a, b)) return;
      const name = (n: typeof a) => index.target(n.destination)?.path ?? index.functionOf(n.destination)?.path ?? JSON.stringify(n.destination);
      const involved = [index.functionOf(a.destination), index.functionOf(b.destination)].filter(f => f !== undefined);
      out.push({
        property: 'NotificationConfiguration',
        value: `${a.events.join(', ')} with ${describeFilter(a)} → ${name(a)} and ${b.events.join(', ')} with ${describeFilter(b)} → ${name(b)}`,
        allowed: 'configurations whose event types or key filters do not overlap',
        reason: 'S3 refuses overlapping notification configurations for the same event type ("Configurations overlap")',
        involves: involved,
      });
    }));
    return out;
  },
};
