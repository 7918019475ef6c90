import { asArray } from './iam';
import { CfnEntry, isObject, TemplateIndex, indexKey } from './template-index';
import { keyPatternMatches, writesOf } from './writes';
import { notificationsOf } from '../s3/notifications';
import { USER_POOL, userPoolTriggers } from '../triggers/cognito-timeout';
import { destinationFunction, functionLogGroupKeys, logGroupKeys, sameLogGroup, SUBSCRIPTION_FILTER } from '../triggers/log-groups';

/**
 * Kind of an edge of an event graph: a source invokes a function (`event`), a function's failed or
 * successful events go somewhere (`failure`, `success`), a function writes into a resource (`write`).
 */
export type EdgeKind = 'event' | 'failure' | 'success' | 'write';

/**
 * An edge of an event graph, between two resources of the template (logical ids): the rules' graph (what
 * can invoke what, for loops) and the report's (what invokes each function, where its events go) share it.
 */
export interface EventEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  /** How (`s3:PutObject on "out/*"`, `notification`, `subscription`, `mapping, batch 10`). */
  readonly label: string;
  /** For S3 edges out of a bucket: the key filter; for writes into a bucket: the key pattern. */
  readonly prefix?: string;
  readonly suffix?: string;
  readonly keyPattern?: string;
}

/** One hop of a path through the graph: the edge and the resource it leads to. */
export interface Hop {
  readonly edge: EventEdge;
  readonly to: CfnEntry;
}

/** An edge as the graph's builder gives it: the resource it leads to, and what it is. */
type Outgoing = Omit<EventEdge, 'from' | 'to'> & { readonly to: CfnEntry };

const GRAPH = indexKey<Map<string, EventEdge[]>>('event graph');

function add(graph: Map<string, EventEdge[]>, from: CfnEntry | undefined, edge: Outgoing | undefined): void {
  if (!from || !edge) return;
  graph.set(from.logicalId, [...(graph.get(from.logicalId) ?? []), { ...edge, from: from.logicalId, to: edge.to.logicalId }]);
}

/** The resource an ARN value leads to: a function (through aliases and versions) or any other resource. */
function targetOf(index: TemplateIndex, arn: unknown): CfnEntry | undefined {
  return index.functionOf(arn) ?? index.target(arn);
}

function build(index: TemplateIndex): Map<string, EventEdge[]> {
  const g = new Map<string, EventEdge[]>();
  for (const m of index.ofType('AWS::Lambda::EventSourceMapping')) {
    const fn = index.functionOf(m.properties.FunctionName);
    if (fn) add(g, index.target(m.properties.EventSourceArn), { to: fn, kind: 'event', label: 'event source mapping' });
  }
  for (const e of [...index.ofType('AWS::S3::Bucket'), ...index.ofType('Custom::S3BucketNotifications')]) {
    const { bucketId, items } = notificationsOf(e);
    for (const n of items) {
      const to = targetOf(index, n.destination);
      if (to) add(g, bucketId ? index.get(bucketId) : undefined, { to, kind: 'event', label: 'notification', prefix: n.prefix, suffix: n.suffix });
    }
  }
  for (const s of index.ofType('AWS::SNS::Subscription')) {
    add(g, index.target(s.properties.TopicArn), mapTo(targetOf(index, s.properties.Endpoint), 'event', 'subscription'));
  }
  for (const r of index.ofType('AWS::Events::Rule')) {
    const bus = index.target(r.properties.EventBusName);
    for (const t of asArray(r.properties.Targets).filter(isObject)) add(g, bus, mapTo(targetOf(index, t.Arn), 'event', `rule ${r.path}`));
  }
  for (const c of index.ofType('AWS::Lambda::EventInvokeConfig')) {
    const fn = index.functionOf(c.properties.FunctionName);
    const config = c.properties.DestinationConfig;
    for (const [k, kind] of [['OnSuccess', 'success'], ['OnFailure', 'failure']] as const) {
      if (isObject(config) && isObject(config[k])) add(g, fn, mapTo(targetOf(index, config[k].Destination), kind, `${k} destination`));
    }
  }
  for (const pool of index.ofType(USER_POOL)) {
    for (const t of userPoolTriggers(pool)) add(g, pool, mapTo(index.functionOf(t.arn), 'event', `trigger ${t.property}`));
  }
  // A subscription filter is the node of its log group: the functions logging there put events into it.
  const filters = index.ofType(SUBSCRIPTION_FILTER).map(f => ({ f, keys: logGroupKeys(index, f.properties.LogGroupName) }));
  for (const { f } of filters) add(g, f, mapTo(destinationFunction(index, f), 'event', 'subscription filter'));
  for (const fn of index.ofType('AWS::Lambda::Function')) {
    const own = filters.length ? functionLogGroupKeys(index, fn) : new Set<string>();
    for (const { f, keys } of filters) if (sameLogGroup(own, keys)) add(g, fn, { to: f, kind: 'write', label: 'writes its logs' });
    for (const w of writesOf(index, fn)) {
      add(g, fn, { to: w.target, kind: 'write', label: `${w.action}${w.keyPattern !== undefined ? ` on keys ${JSON.stringify(w.keyPattern)}` : ''}`, keyPattern: w.keyPattern });
    }
  }
  return g;
}

function mapTo(to: CfnEntry | undefined, kind: EdgeKind, label: string): Outgoing | undefined {
  return to ? { to, kind, label } : undefined;
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
