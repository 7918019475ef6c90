import { MONITORING, PRICES } from '../../limits';
import { LambdaCostEstimator } from '../cost';
import { describePackage, PackageMeasure } from './packages';
import { standardsSection } from './standards';
import { NagOutcome } from './summary';
import { dashboardMetricCount, ReportPicture } from './svg';
import { TemplateModel } from './template-model';

/** Options of the blueprint report. */
export interface ReportOptions {
  /** Invocations per function per month for the cost estimate. */
  readonly monthlyInvocations: number;
  /** Average duration per invocation, in ms, for the cost estimate. */
  readonly averageDurationMs: number;
  /** Subtract the account's monthly free tier once from the total. */
  readonly includeFreeTier: boolean;
}

/** The default cost assumptions: 1 M invocations a month, 100 ms each, no free tier. */
export const DEFAULT_REPORT_OPTIONS: ReportOptions = { monthlyInvocations: 1_000_000, averageDurationMs: 100, includeFreeTier: false };

function usd(n: number): string {
  return `$${n.toFixed(2)}`;
}

function mermaidId(id: string): string {
  return id.replace(/[^A-Za-z0-9_]/g, '_');
}

function mermaidText(text: string): string {
  return text.replace(/"/g, '\'');
}

/** The concurrency a function needs for its stream sources: shards × parallelization factor. */
export function streamConcurrency(model: TemplateModel, fn: string): number | undefined {
  let total: number | undefined;
  for (const id of model.idsOfType('AWS::Lambda::EventSourceMapping')) {
    const p = model.resource(id)!.Properties ?? {};
    if (model.functionOf(p.FunctionName) !== fn) continue;
    const source = model.resource(model.sourcesOf(fn).find(e => JSON.stringify(p.EventSourceArn).includes(`"${e.from}"`))?.from ?? '');
    const shards = source?.Type === 'AWS::Kinesis::Stream' ? source.Properties?.ShardCount : undefined;
    if (typeof shards === 'number') total = (total ?? 0) + shards * (p.ParallelizationFactor ?? 1);
  }
  return total;
}

/** The Mermaid flowchart of every event path: solid edges for events, dashed for failures, dotted-thick for successes. */
export function eventFlowchart(model: TemplateModel): string {
  const lines = ['flowchart LR'];
  const declared = new Set<string>();
  const node = (id: string): string => {
    const m = mermaidId(id);
    if (!declared.has(m)) {
      declared.add(m);
      const label = mermaidText(model.labelOf(id));
      const fn = model.resource(id)?.Type === 'AWS::Lambda::Function';
      lines.push(fn ? `  ${m}(["λ ${label}"])` : `  ${m}["${label}"]`);
    }
    return m;
  };
  for (const e of model.edges) {
    const from = node(e.from);
    const to = node(e.to);
    const label = mermaidText(e.label);
    if (e.kind === 'event') lines.push(`  ${from} -->|"${label}"| ${to}`);
    else if (e.kind === 'failure') lines.push(`  ${from} -.->|"failure: ${label}"| ${to}`);
    else lines.push(`  ${from} ==>|"success: ${label}"| ${to}`);
  }
  for (const id of model.functionIds) node(id);
  return lines.join('\n');
}

/**
 * The blueprint report of one stack in Markdown: a table of the functions, every event path as a
 * Mermaid flowchart (failure edges dashed), a monthly cost estimate and the cdk-nag results. With
 * `packages` (measured at synth, `measurePackages`), the functions table has a package column.
 * `pictures` (`reportPictures`: the event paths and each dashboard's layout as SVG files next to the
 * report) are linked under the flowchart.
 */
export function markdownReport(stackName: string, model: TemplateModel, nag: NagOutcome, options: ReportOptions = DEFAULT_REPORT_OPTIONS,
  packages?: ReadonlyMap<string, PackageMeasure>, pictures: ReportPicture[] = []): string {
  const out: string[] = [`# Blueprint report: ${stackName}`, ''];
  out.push('## Functions', '');
  out.push(`| function | memory | timeout | architecture | concurrency | layers | network | release |${packages ? ' package |' : ''}`);
  out.push(`|---|---|---|---|---|---|---|---|${packages ? '---|' : ''}`);
  for (const id of model.functionIds) {
    const f = model.facts(id);
    const stream = streamConcurrency(model, id);
    const concurrency = [
      f.reservedConcurrency !== undefined ? `reserved ${f.reservedConcurrency}` : 'unreserved',
      stream !== undefined ? `streams need ${stream}` : undefined,
    ].filter(Boolean).join(', ');
    const pkg = packages?.get(id);
    const packageCell = packages ? ` ${pkg ? describePackage(pkg) : '–'} |` : '';
    out.push(`| ${f.name} | ${f.memoryMb ?? '?'} MB | ${f.timeoutSeconds ?? '?'} s | ${f.architecture} | ${concurrency} | ${f.layers ? f.layerNames.join(' → ') : '–'} | ${f.network} | ${f.release} |${packageCell}`);
  }

  out.push('', ...standardsSection(model));
  out.push('## Event paths', '', 'Solid: events; dashed: where failed events go; thick: successes.', '', '```mermaid', eventFlowchart(model), '```', '');
  for (const p of pictures) out.push(`![${p.title}](${encodeURI(p.file)})`, '');
  for (const id of model.functionIds) {
    const failures = model.outcomesOf(id).filter(e => e.kind === 'failure');
    if (failures.length === 0) out.push(`> **Warning**: ${model.nameOf(id)} has no durable place for failed events.`, '');
  }

  out.push('## Monthly cost estimate', '');
  out.push(`Assumes ${options.monthlyInvocations.toLocaleString('en-US')} invocations per function per month of ${options.averageDurationMs} ms each, us-east-1 list prices ($${PRICES.perMillionRequests} per million requests; per GB-s x86_64 $${PRICES.perGbSecondX86}, arm64 $${PRICES.perGbSecondArm64})${options.includeFreeTier ? ', the free tier subtracted once from the total' : ', no free tier'}.`, '');
  out.push('| function | architecture | GB-s | requests | duration | total |', '|---|---|---|---|---|---|');
  let requests = 0;
  let duration = 0;
  const gbSecondsByArch: Record<string, number> = {};
  for (const id of model.functionIds) {
    const f = model.facts(id);
    if (f.memoryMb === undefined) continue;
    const c = LambdaCostEstimator.monthly({
      memoryMb: f.memoryMb,
      architecture: f.architecture,
      monthlyInvocations: options.monthlyInvocations,
      averageDurationMs: options.averageDurationMs,
    });
    requests += c.requestCost;
    duration += c.durationCost;
    gbSecondsByArch[f.architecture] = (gbSecondsByArch[f.architecture] ?? 0) + c.gbSeconds;
    out.push(`| ${f.name} | ${f.architecture} | ${Math.round(c.gbSeconds).toLocaleString('en-US')} | ${usd(c.requestCost)} | ${usd(c.durationCost)} | ${usd(c.total)} |`);
  }
  let total = requests + duration;
  if (options.includeFreeTier) {
    const invocations = options.monthlyInvocations * model.functionIds.length;
    const freeRequests = Math.min(invocations, PRICES.freeTierRequests) / 1_000_000 * PRICES.perMillionRequests;
    // The free GB-seconds go to the dearest architecture first.
    let freeGbs = PRICES.freeTierGbSeconds;
    let freeDuration = 0;
    for (const arch of ['x86_64', 'arm64']) {
      const used = Math.min(freeGbs, gbSecondsByArch[arch] ?? 0);
      freeDuration += used * (arch === 'arm64' ? PRICES.perGbSecondArm64 : PRICES.perGbSecondX86);
      freeGbs -= used;
    }
    total = Math.max(0, total - freeRequests - freeDuration);
  }
  out.push(`| **total** | | | ${usd(requests)} | ${usd(duration)} | **${usd(total)}** |`, '');
  out.push(...dashboardCost(model));

  out.push('## cdk-nag', '');
  for (const [pack, findings] of Object.entries(nag.findings)) {
    out.push(`- ${pack}: ${findings.length} unacknowledged finding${findings.length === 1 ? '' : 's'}`);
    for (const f of findings) out.push(`  - ${f}`);
  }
  out.push(`- ${nag.acknowledged} acknowledgement${nag.acknowledged === 1 ? '' : 's'} with reasons in the template metadata (\`cdk_lambda_blueprints_acknowledgements\`)`, '');
  out.push(...acknowledgementsSection(model));
  return out.join('\n');
}

/** Every acknowledgement of the template with its reason, one row per resource and rule. */
function acknowledgementsSection(model: TemplateModel): string[] {
  const acks = model.acknowledgements;
  if (acks.length === 0) return [];
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return ['## Acknowledgements', '', '| resource | rule | reason |', '|---|---|---|',
    ...acks.map(a => `| ${cell(a.resource)} | ${cell(a.ruleId)} | ${cell(a.reason)} |`), ''];
}

/** The stack's dashboards and what they cost beyond CloudWatch's free tier (not in the Lambda total). */
function dashboardCost(model: TemplateModel): string[] {
  const ids = model.idsOfType('AWS::CloudWatch::Dashboard');
  if (ids.length === 0) return [];
  const m = MONITORING;
  const list = ids.map(id => {
    const metrics = dashboardMetricCount(model.resource(id)?.Properties?.DashboardBody);
    return `${model.nameOf(id)} (${metrics} metrics${metrics > m.freeDashboardMetrics ? `, more than the free tier's ${m.freeDashboardMetrics}` : ''})`;
  });
  return [`Dashboards: ${list.join(', ')}. CloudWatch gives an account ${m.freeDashboards} dashboards of up to ${m.freeDashboardMetrics} metrics a month for free; `
    + `each further one costs $${m.dashboardPerMonth} a month (not in the total above; \`BlueprintDashboard.disableDefault(scope)\` turns the automatic ones off).`, ''];
}
