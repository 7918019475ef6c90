import { TemplateModel } from './template-model';
import { PROVENANCE_METADATA } from '../../standards/private/registry';

/** What a function recorded about the platform standards (see `recordProvenance`). */
export interface FunctionProvenance {
  /** `standard "acme" set at the app`, outermost first. */
  readonly standards: string[];
  /** Each setting with its value and where it came from (`prop`, a standard, `library default`). */
  readonly settings: Record<string, { value: string; source: string }>;
}

/** The provenance a function resource carries in its template metadata, if it is under a standard. */
export function provenanceOf(model: TemplateModel, id: string): FunctionProvenance | undefined {
  const meta = model.resource(id)?.Metadata?.[PROVENANCE_METADATA];
  return meta && Array.isArray(meta.standards) ? meta as FunctionProvenance : undefined;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * The report section of the platform standards: per function under a standard, the standards in force
 * and, per setting, its value and where it came from. Empty when no function is under a standard.
 */
export function standardsSection(model: TemplateModel): string[] {
  const out: string[] = [];
  for (const id of model.functionIds) {
    const p = provenanceOf(model, id);
    if (!p) continue;
    if (!out.length) out.push('## Platform standards', '', 'Per function: the standards in force and where each setting came from (prop, standard default at a scope, library default).', '');
    out.push(`### ${cell(model.nameOf(id))}`, '', `Standards in force: ${p.standards.map(cell).join('; ')}`, '');
    out.push('| setting | value | from |', '|---|---|---|');
    for (const [key, s] of Object.entries(p.settings)) out.push(`| ${key} | ${cell(s.value)} | ${cell(s.source)} |`);
    out.push('');
  }
  return out;
}

/** The summary lines of one function's standards (nothing when it is under none). */
export function standardsSummary(model: TemplateModel, id: string): string[] {
  const p = provenanceOf(model, id);
  if (!p) return [];
  const fromStandards = Object.entries(p.settings).filter(([, s]) => s.source.startsWith('standard '))
    .map(([key, s]) => `${key} ${s.value} (${s.source})`);
  return [
    `      standards: ${p.standards.join('; ')}`,
    `      from standards: ${fromStandards.length ? fromStandards.join(', ') : 'nothing (props and library defaults)'}`,
  ];
}
