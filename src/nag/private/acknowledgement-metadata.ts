import { CfnResource, IAspect, Stack, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** The template `Metadata` key that lists every acknowledgement of the stack. */
export const ACKNOWLEDGEMENTS_KEY = 'cdk_lambda_blueprints_acknowledgements';

/** One acknowledgement as the template records it: each (id, reason) once, with what it covers. */
export interface AcknowledgementRecord {
  readonly id: string;
  readonly reason: string;
  /** Logical ids of the resources it covers (acknowledged on them or on a small scope around them). */
  readonly resources?: string[];
  /** Construct paths of the wider scopes it covers (a stack, a pattern), each with everything below. */
  readonly scopes?: string[];
}

/** Scopes with at most this many resources (a role and its policy, a queue and its policy) list their resources. */
const PER_RESOURCE_MAX = 3;

function acknowledgementsOn(c: IConstruct): Array<{ id: string; reason: string }> {
  const out: Array<{ id: string; reason: string }> = [];
  for (const entry of c.node.metadata) {
    if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
    for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) out.push({ id: id.replace(/^annotation::/i, ''), reason });
  }
  return out;
}

/**
 * Writes every acknowledgement of a stack into its template exactly once, readable by an auditor, in the
 * template's `Metadata` section: `cdk_lambda_blueprints_acknowledgements: [{ id, reason, resources, scopes }]`.
 * An acknowledgement made on a resource or a small scope (an L2 and its policy) lists those resources'
 * logical ids; one made on a wider scope (a stack, a pattern) names the scope. The same (id, reason) on
 * many resources is written once, not copied into each resource's metadata.
 */
export class AcknowledgementMetadataAspect implements IAspect {
  public visit(node: IConstruct): void {
    if (!Stack.isStack(node)) return;
    const stack = node;
    const records = new Map<string, { id: string; reason: string; resources: Set<string>; scopes: Set<string> }>();
    for (const c of stack.node.findAll()) {
      const acks = acknowledgementsOn(c);
      if (acks.length === 0 || Stack.of(c) !== stack) continue;
      const resources = Stack.isStack(c) ? []
        : c.node.findAll().filter((x): x is CfnResource => CfnResource.isCfnResource(x) && Stack.of(x) === stack);
      const small = !Stack.isStack(c) && resources.length <= PER_RESOURCE_MAX;
      for (const a of acks) {
        const key = `${a.id}\n${a.reason}`;
        const record = records.get(key) ?? { ...a, resources: new Set<string>(), scopes: new Set<string>() };
        records.set(key, record);
        if (small) resources.forEach(r => record.resources.add(stack.getLogicalId(r)));
        else record.scopes.add(c.node.path);
      }
    }
    if (records.size === 0) return;
    const list: AcknowledgementRecord[] = [...records.values()].map(r => ({
      id: r.id,
      reason: r.reason,
      ...(r.resources.size ? { resources: [...r.resources].sort() } : {}),
      ...(r.scopes.size ? { scopes: [...r.scopes].sort() } : {}),
    }));
    stack.templateOptions.metadata = { ...stack.templateOptions.metadata, [ACKNOWLEDGEMENTS_KEY]: list };
  }
}
