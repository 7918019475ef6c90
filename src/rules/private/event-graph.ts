import { declaredEdges, EdgeKind, EventEdge } from './template-edges';
import { CfnEntry, TemplateIndex, indexKey } from './template-index';
import { keyPatternMatches, writesOf } from './writes';
import { functionLogGroupKeys, logGroupKeys, sameLogGroup, SUBSCRIPTION_FILTER } from '../triggers/log-groups';

export type { EdgeKind, EventEdge } from './template-edges';

/** One hop of a path through the graph: the edge and the resource it leads to. */
export interface Hop {
  readonly edge: EventEdge;
  readonly to: CfnEntry;
}

const GRAPH = indexKey<Map<string, EventEdge[]>>('event graph');

function add(graph: Map<string, EventEdge[]>, edge: EventEdge): void {
  graph.set(edge.from, [...(graph.get(edge.from) ?? []), edge]);
}

/**
 * What can invoke what: the paths the template declares that an event travels (template-edges.ts, the
 * report's edges too), then what each function's grants and logs let it put where (its role's writes, its
 * log group's subscription filters).
 */
function build(index: TemplateIndex): Map<string, EventEdge[]> {
  const g = new Map<string, EventEdge[]>();
  for (const e of declaredEdges(index)) {
    if (e.hop !== undefined) add(g, { from: e.from, to: e.to, kind: e.kind, label: e.hop, prefix: e.prefix, suffix: e.suffix });
  }
  // A subscription filter is the node of its log group: the functions logging there put events into it.
  const filters = index.ofType(SUBSCRIPTION_FILTER).map(f => ({ f, keys: logGroupKeys(index, f.properties.LogGroupName) }));
  for (const fn of index.ofType('AWS::Lambda::Function')) {
    const own = filters.length ? functionLogGroupKeys(index, fn) : new Set<string>();
    for (const { f, keys } of filters) if (sameLogGroup(own, keys)) add(g, write(fn, f, 'writes its logs'));
    for (const w of writesOf(index, fn)) {
      add(g, write(fn, w.target, `${w.action}${w.keyPattern !== undefined ? ` on keys ${JSON.stringify(w.keyPattern)}` : ''}`, w.keyPattern));
    }
  }
  return g;
}

function write(from: CfnEntry, to: CfnEntry, label: string, keyPattern?: string): EventEdge {
  const edge = { from: from.logicalId, to: to.logicalId, kind: 'write' as EdgeKind, label };
  return keyPattern === undefined ? edge : { ...edge, keyPattern };
}

/** The event graph of a stack (built once per index). */
export function eventGraph(index: TemplateIndex): Map<string, EventEdge[]> {
  return index.memo(GRAPH, () => build(index));
}

/**
 * A path of edges from `start` back to `start`, or undefined. An S3 hop counts only when the key pattern
 * written can match the filter of the notification that follows. Bounded to `maxHops`.
 */
export function cycleFrom(index: TemplateIndex, start: CfnEntry, maxHops = 8): Hop[] | undefined {
  const g = eventGraph(index);
  const visit = (node: string, path: Hop[], seen: Set<string>): Hop[] | undefined => {
    if (path.length >= maxHops) return undefined;
    for (const edge of g.get(node) ?? []) {
      const previous = path[path.length - 1]?.edge;
      if (previous?.keyPattern !== undefined && edge.prefix !== undefined
        && !keyPatternMatches(previous.keyPattern, edge.prefix, edge.suffix ?? '')) continue;
      if (previous?.keyPattern !== undefined && edge.prefix === undefined && edge.label === 'notification') continue;
      const next = [...path, { edge, to: index.get(edge.to)! }];
      if (edge.to === start.logicalId) return next;
      if (seen.has(edge.to)) continue;
      const found = visit(edge.to, next, new Set([...seen, edge.to]));
      if (found) return found;
    }
    return undefined;
  };
  return visit(start.logicalId, [], new Set([start.logicalId]));
}
