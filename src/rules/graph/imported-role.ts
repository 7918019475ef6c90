import { eventGraph } from '../private/event-graph';
import { FUNCTION, Rule, Severity, show } from '../private/rule';
import { refId } from '../private/template-index';

/**
 * A triggered function whose role is not defined in the stack: its grants are unknown at synth, so the
 * self-trigger and event-loop rules cannot check it. Says so instead of passing silently.
 */
export const LambdaImportedRole: Rule = {
  id: 'LambdaImportedRole',
  severity: Severity.WARNING,
  summary: 'A triggered function whose role is imported names the checks (self-trigger, event loop) its unknown grants prevent.',
  types: [FUNCTION],
  check: (e, { index }) => {
    const roleId = refId(e.properties.Role);
    if (roleId !== undefined && index.get(roleId)) return [];
    const triggered = [...eventGraph(index).values()].some(edges => edges.some(edge => edge.to.logicalId === e.logicalId));
    if (!triggered) return [];
    return [{
      property: 'Role',
      value: `${show(e.properties.Role)} (imported: its grants are unknown at synth)`,
      allowed: 'a role defined in this app, or a manual check that the function cannot write to what triggers it',
      reason: 'the S3NotificationSelfTrigger and LambdaEventLoop rules read the role\'s grants to find event loops',
    }];
  },
};
