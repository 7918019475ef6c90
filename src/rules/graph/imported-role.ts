import { eventGraph } from '../private/event-graph';
import { BUCKET, CUSTOM_NOTIFICATIONS, Finding, FUNCTION, Rule, Severity, show } from '../private/rule';
import { CfnEntry, refId, TemplateIndex } from '../private/template-index';
import { describeFilter, notificationsOf } from '../s3/notifications';

const REASON = 'the S3NotificationSelfTrigger and LambdaEventLoop rules read the role\'s grants to find event loops';

/** Bucket notifications that invoke a function defined outside the template (its role, too). */
function importedDestinations(index: TemplateIndex, e: CfnEntry): Finding[] {
  return notificationsOf(e).items.filter(n => n.kind === 'lambda' && index.isImportedFunction(n.destination))
    .map(n => ({
      property: 'NotificationConfiguration',
      value: `${describeFilter(n)} → ${show(n.destination)} (an imported function: its role's grants are unknown at synth)`,
      allowed: 'a function defined in this app, or a manual check that the function cannot write to the bucket',
      reason: REASON,
    }));
}

/**
 * A triggered function whose role is not defined in the stack: its grants are unknown at synth, so the
 * self-trigger and event-loop rules cannot check it. Says so instead of passing silently.
 */
export const LambdaImportedRole: Rule = {
  id: 'LambdaImportedRole',
  severity: Severity.WARNING,
  summary: 'A triggered function whose role is imported, or an imported function a bucket notifies, names the checks (self-trigger, event loop) its unknown grants prevent.',
  types: [FUNCTION, BUCKET, CUSTOM_NOTIFICATIONS],
  check: (e, { index }) => {
    if (e.type !== FUNCTION) return importedDestinations(index, e);
    const roleId = refId(e.properties.Role);
    if (roleId !== undefined && index.get(roleId)) return [];
    const triggered = [...eventGraph(index).values()].some(edges => edges.some(edge => edge.to === e.logicalId));
    if (!triggered) return [];
    return [{
      property: 'Role',
      value: `${show(e.properties.Role)} (imported: its grants are unknown at synth)`,
      allowed: 'a role defined in this app, or a manual check that the function cannot write to what triggers it',
      reason: REASON,
    }];
  },
};
