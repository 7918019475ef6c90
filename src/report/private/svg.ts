import { TemplateModel } from './template-model';

/**
 * The pictures of the blueprint report, as SVG text (no dependencies): the layout of each CloudWatch
 * dashboard of the template and the event paths (the graph the Mermaid flowchart draws).
 */

/** One picture written next to the report. */
export interface ReportPicture {
  /** What it shows (the Markdown link text). */
  readonly title: string;
  /** File name, relative to the report. */
  readonly file: string;
  /** The SVG document. */
  readonly svg: string;
}

/** One widget of a dashboard body, where CloudWatch places it (grid units, 24 columns). */
export interface WidgetBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly title: string;
}

const GRID_X = 40;
const GRID_Y = 30;
const FONT = 'font-family="Helvetica, Arial, sans-serif"';

/** XML text escape. */
export function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function clip(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, Math.max(1, maxChars - 1))}…`;
}

/**
 * The widgets of a dashboard body as the template holds it: a JSON string, or an `Fn::Join` whose
 * non-string parts (references, the region) sit inside JSON strings and are replaced by a placeholder.
 */
export function dashboardWidgets(body: unknown): WidgetBox[] | undefined {
  let text: string | undefined;
  if (typeof body === 'string') {
    text = body;
  } else if (body && typeof body === 'object' && Array.isArray((body as any)['Fn::Join'])) {
    const [sep, parts] = (body as any)['Fn::Join'];
    if (Array.isArray(parts)) text = parts.map((p: unknown) => (typeof p === 'string' ? p : 'TOKEN')).join(typeof sep === 'string' ? sep : '');
  }
  if (text === undefined) return undefined;
  let parsed: any;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const widgets: any[] = Array.isArray(parsed?.widgets) ? parsed.widgets : [];
  return widgets.map(w => ({
    x: Number(w.x ?? 0),
    y: Number(w.y ?? 0),
    width: Number(w.width ?? 6),
    height: Number(w.height ?? 6),
    title: String(w.properties?.title ?? w.properties?.markdown ?? w.type ?? '').replace(/^#+\s*/, ''),
  }));
}

/** The number of metrics a dashboard body shows (each `[namespace, metricName, …]` row of its graphs). */
export function dashboardMetricCount(body: unknown): number {
  const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
  return (text.match(/\[\\?"AWS\//g) ?? []).length;
}

/** The layout of one dashboard: each widget a box at its grid place, with its title. */
export function dashboardSvg(title: string, widgets: WidgetBox[]): string {
  const width = 24 * GRID_X + 20;
  const bottom = widgets.reduce((m, w) => Math.max(m, w.y + w.height), 0);
  const height = bottom * GRID_Y + 60;
  const out = [svgOpen(width, height), `  <text x="10" y="24" ${FONT} font-size="16" font-weight="bold">${xml(title)}</text>`];
  for (const w of widgets) {
    const x = 10 + w.x * GRID_X;
    const y = 40 + w.y * GRID_Y;
    const wpx = w.width * GRID_X - 4;
    const hpx = w.height * GRID_Y - 4;
    const heading = w.height <= 1;
    out.push(`  <g><rect x="${x}" y="${y}" width="${wpx}" height="${hpx}" rx="3" fill="${heading ? '#eef3fb' : '#ffffff'}" stroke="#8a9bb0"/>`);
    out.push(`    <text x="${x + 6}" y="${y + 17}" ${FONT} font-size="12"${heading ? ' font-weight="bold"' : ''}>${xml(clip(w.title, Math.floor(wpx / 6.5)))}</text>`);
    if (!heading) out.push(`    <polyline points="${sparkline(x, y, wpx, hpx)}" fill="none" stroke="#c7d3e3"/>`);
    out.push('  </g>');
  }
  out.push('</svg>', '');
  return out.join('\n');
}

/** A decorative line inside a graph widget (the picture shows the layout, not data). */
function sparkline(x: number, y: number, w: number, h: number): string {
  const pts: string[] = [];
  for (let i = 0; i <= 8; i++) pts.push(`${Math.round(x + 10 + (w - 20) * i / 8)},${Math.round(y + h - 15 - ((i * 37) % 5) * (h - 45) / 5)}`);
  return pts.join(' ');
}

const BOX_W = 240;
const BOX_H = 44;
const COL_GAP = 110;
const ROW_GAP = 26;

/** The event paths: sources left, functions in the middle, failure and success destinations right. */
export function eventPathsSvg(title: string, model: TemplateModel): string {
  const edges = model.edges;
  const nodes: string[] = [];
  const add = (id: string) => { if (!nodes.includes(id)) nodes.push(id); };
  for (const e of edges) { add(e.from); add(e.to); }
  for (const id of model.functionIds) add(id);
  // Longest-path layers (bounded: a cycle stops growing after as many rounds as there are nodes).
  const layer = new Map(nodes.map(n => [n, 0]));
  for (let round = 0; round < nodes.length; round++) {
    let changed = false;
    for (const e of edges) {
      const next = Math.min(layer.get(e.from)! + 1, nodes.length);
      if (next > layer.get(e.to)!) { layer.set(e.to, next); changed = true; }
    }
    if (!changed) break;
  }
  const columns: string[][] = [];
  for (const n of nodes) (columns[layer.get(n)!] ??= []).push(n);
  const place = new Map<string, { x: number; y: number }>();
  columns.forEach((col, c) => col.forEach((n, r) => place.set(n, { x: 10 + c * (BOX_W + COL_GAP), y: 50 + r * (BOX_H + ROW_GAP) })));
  const width = Math.max(1, columns.length) * (BOX_W + COL_GAP) - COL_GAP + 20;
  const rows = columns.reduce((m, col) => Math.max(m, col?.length ?? 0), 0);
  const height = 60 + Math.max(1, rows) * (BOX_H + ROW_GAP);

  const out = [svgOpen(width, height),
    '  <defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#44546a"/></marker></defs>',
    `  <text x="10" y="24" ${FONT} font-size="16" font-weight="bold">${xml(title)}</text>`];
  for (const e of edges) {
    const a = place.get(e.from)!;
    const b = place.get(e.to)!;
    const x1 = a.x + BOX_W;
    const y1 = a.y + BOX_H / 2;
    const x2 = b.x;
    const y2 = b.y + BOX_H / 2;
    const bend = Math.max(40, Math.abs(x2 - x1) / 2);
    const style = e.kind === 'failure' ? ' stroke-dasharray="6 4" stroke="#c0392b"' : e.kind === 'success' ? ' stroke-width="3" stroke="#27ae60"' : ' stroke="#44546a"';
    const label = e.kind === 'event' ? e.label : `${e.kind}: ${e.label}`;
    out.push(`  <g><path d="M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}" fill="none"${style} marker-end="url(#arrow)"/>`);
    out.push(`    <text x="${Math.round((x1 + x2) / 2)}" y="${Math.round((y1 + y2) / 2) - 4}" ${FONT} font-size="10" text-anchor="middle" fill="#44546a">${xml(clip(label, 32))}</text></g>`);
  }
  for (const n of nodes) {
    const p = place.get(n)!;
    const fn = model.resource(n)?.Type === 'AWS::Lambda::Function';
    const text = fn ? `λ ${model.nameOf(n)}` : model.labelOf(n);
    out.push(`  <g><rect x="${p.x}" y="${p.y}" width="${BOX_W}" height="${BOX_H}" rx="${fn ? 20 : 3}" fill="${fn ? '#fff4e0' : '#eef3fb'}" stroke="${fn ? '#e67e22' : '#8a9bb0'}"/>`);
    out.push(`    <text x="${p.x + BOX_W / 2}" y="${p.y + BOX_H / 2 + 4}" ${FONT} font-size="12" text-anchor="middle">${xml(clip(text, 36))}</text></g>`);
  }
  out.push('</svg>', '');
  return out.join('\n');
}

function svgOpen(width: number, height: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">\n  <rect width="100%" height="100%" fill="#ffffff"/>`;
}

/** A file name part from a stack or construct name. */
function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'stack';
}

/** The pictures of one stack's report: its event paths and the layout of each of its dashboards. */
export function reportPictures(stackName: string, model: TemplateModel): ReportPicture[] {
  const stem = slug(stackName);
  const pictures: ReportPicture[] = [{
    title: `Event paths of ${stackName}`,
    file: `${stem}-event-paths.svg`,
    svg: eventPathsSvg(`Event paths: ${stackName}`, model),
  }];
  for (const id of model.idsOfType('AWS::CloudWatch::Dashboard')) {
    const widgets = dashboardWidgets(model.resource(id)?.Properties?.DashboardBody);
    if (!widgets) continue;
    const name = model.nameOf(id);
    pictures.push({
      title: `Dashboard ${name}`,
      file: `${stem}-dashboard-${slug(name)}.svg`,
      svg: dashboardSvg(`Dashboard ${name} (${stackName})`, widgets),
    });
  }
  return pictures;
}
