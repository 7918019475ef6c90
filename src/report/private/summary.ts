import { describePackage, PackageMeasure } from './packages';
import { standardsSummary } from './standards';
import { TemplateModel } from './template-model';
import { ACKNOWLEDGEMENTS_KEY, AcknowledgementRecord } from '../../nag/private/acknowledgement-metadata';

/** Result of the cdk-nag packs on one stack. */
export interface NagOutcome {
  /** Pack name → unacknowledged findings (`rule @ path`). */
  readonly findings: Record<string, string[]>;
  /** Acknowledged findings written into the template (its acknowledgement list). */
  readonly acknowledged: number;
}

/**
 * Counts the acknowledgements an auditor sees in the template: each (rule, resource) pair and each
 * (rule, scope) pair of the template's acknowledgement list, plus any cdk-nag v2 per-resource metadata.
 */
export function countAcknowledged(model: TemplateModel, ids: string[]): number {
  const records = (model.metadata[ACKNOWLEDGEMENTS_KEY] ?? []) as AcknowledgementRecord[];
  let n = records.reduce((sum, r) => sum + (r.resources?.length ?? 0) + (r.scopes?.length ?? 0), 0);
  for (const id of ids) n += model.resource(id)?.Metadata?.cdk_nag?.rules_to_suppress?.length ?? 0;
  return n;
}

function join(parts: string[], none: string): string {
  return parts.length ? parts.join('; ') : none;
}

/**
 * A one-screen text summary of a stack: each function with memory, timeout, architecture, where its
 * events come from and where failed events go, and the cdk-nag result; with `packages` (measured at
 * synth, `measurePackages`), each function's package size and file count.
 */
export function stackSummary(stackName: string, model: TemplateModel, resourceCount: number, nag: NagOutcome,
  packages?: ReadonlyMap<string, PackageMeasure>): string {
  const lines: string[] = [];
  const total = Object.values(nag.findings).reduce((n, f) => n + f.length, 0);
  const packs = Object.entries(nag.findings).map(([pack, f]) => `${pack} ${f.length}`).join(', ');
  lines.push(`Stack ${stackName}: ${resourceCount} resources, ${model.functionIds.length} functions; cdk-nag ${packs} unacknowledged (${nag.acknowledged} acknowledged with reasons in the template) ${total === 0 ? 'OK' : 'FAIL'}`);
  for (const id of model.functionIds) {
    const f = model.facts(id);
    const sources = model.sourcesOf(id).map(e => `${model.labelOf(e.from)} [${e.label}]`);
    const failures = model.outcomesOf(id).map(e => `${e.kind === 'success' ? 'success → ' : ''}${model.labelOf(e.to)} [${e.label}${e.from !== id ? ` of ${model.nameOf(e.from)}` : ''}]`);
    lines.push(`  λ ${f.name}: ${f.memoryMb ?? '?'} MB, ${f.timeoutSeconds ?? '?'} s, ${f.architecture}, ${f.runtime}` +
      `${f.reservedConcurrency !== undefined ? `, reserved ${f.reservedConcurrency}` : ''}, ${f.layers ? `layers ${f.layerNames.join(' → ')}` : 'no layers'}, ${f.network}, ${f.release}`);
    const pkg = packages?.get(id);
    if (pkg) lines.push(`      package: ${describePackage(pkg)}`);
    lines.push(...standardsSummary(model, id));
    lines.push(`      events from: ${join(sources, 'direct invocation only')}`);
    lines.push(`      failed events go to: ${join(failures, 'NOTHING DURABLE')}`);
  }
  for (const [pack, findings] of Object.entries(nag.findings)) {
    for (const finding of findings) lines.push(`  ! ${pack}: ${finding}`);
  }
  return lines.join('\n');
}
