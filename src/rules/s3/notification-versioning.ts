import { describeFilter, notificationsOf } from './notifications';
import { BUCKET, CUSTOM_NOTIFICATIONS, Rule, Severity } from '../private/rule';
import { isObject } from '../private/template-index';

/**
 * A bucket that invokes a function on its events keeps object versions: then every write is one version and
 * one event, and an overwrite the function has not processed yet is not lost. An imported bucket's
 * versioning is unknown at synth: the finding says so.
 */
export const S3NotificationVersioning: Rule = {
  id: 'S3NotificationVersioning',
  severity: Severity.WARNING,
  summary: 'A bucket that invokes a function on its events has versioning enabled (or, imported, names the check it could not make).',
  types: [BUCKET, CUSTOM_NOTIFICATIONS],
  check: (e, { index }) => {
    const { bucketId, items } = notificationsOf(e);
    const first = items.find(n => n.kind === 'lambda');
    if (!first) return [];
    const bucket = bucketId === undefined ? undefined : index.get(bucketId);
    const versioning = bucket?.properties.VersioningConfiguration;
    if (isObject(versioning) && versioning.Status === 'Enabled') return [];
    return [{
      property: 'VersioningConfiguration',
      value: bucket
        ? `${isObject(versioning) ? JSON.stringify(versioning.Status) : 'not set'} on ${bucket.path}, which invokes a function (${describeFilter(first)})`
        : 'unknown (an imported bucket that invokes a function)',
      allowed: 'Status "Enabled"',
      reason: 'with versions every write is one object version and one event, and an overwrite the function has not processed yet is not lost',
    }];
  },
};
