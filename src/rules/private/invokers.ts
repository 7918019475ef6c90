import { asArray } from './iam';
import { Finding } from './rule';
import { CfnEntry, isObject, knownString, referencedIds, refId, TemplateIndex, indexKey } from './template-index';
import { notificationsOf } from '../s3/notifications';
import { USER_POOL, userPoolTriggers } from '../triggers/cognito-timeout';
import { SUBSCRIPTION_FILTER } from '../triggers/log-groups';

/** What invokes a function. */
export enum InvokerKind {
  MAPPING = 'event source mapping',
  PERMISSION = 'permission',
  URL = 'function URL',
  S3 = 'S3 notification',
  SNS = 'SNS subscription',
  RULE = 'EventBridge rule target',
  COGNITO = 'Cognito trigger',
  LOGS = 'log subscription filter',
}

/** One resource of the stack that invokes (or lets a service invoke) a function of the stack. */
export interface Invoker {
  /** The resource that names the function (mapping, permission, URL, bucket, subscription, rule …). */
  readonly entry: CfnEntry;
  readonly kind: InvokerKind;
  /** Whether it names a version or an alias (true), the unqualified function or `$LATEST` (false). */
  readonly qualified: boolean;
  /** Logical ids of the event source it connects (a permission for the same source says nothing new). */
  readonly sources: ReadonlySet<string>;
}

interface Named {
  readonly fn: CfnEntry;
  readonly qualified: boolean;
}

/** `arn:…:function:name[:qualifier]`, `account:function:name[:qualifier]` or `name[:qualifier]`. */
const FUNCTION_REFERENCE = /^(?:(?:arn:[^:]+:lambda:[^:]*:)?\d{12}:function:)?([a-zA-Z0-9_-]+)(?::([^:]+))?$/;

/**
 * The function of this stack a value names, and whether through a qualifier. Undefined when unknown:
 * a token, another stack's function, or an expression whose qualifier cannot be read (never guessed).
 */
export function namedFunction(index: TemplateIndex, value: unknown, qualifier?: unknown): Named | undefined {
  const q = knownString(qualifier);
  if (qualifier !== undefined && q === undefined) return undefined;
  const qualified = q !== undefined && q !== '$LATEST';
  const direct = index.target(value);
  if (direct) {
    if (direct.type === 'AWS::Lambda::Function') return { fn: direct, qualified };
    if (direct.type === 'AWS::Lambda::Alias' || direct.type === 'AWS::Lambda::Version') {
      const fn = index.functionOf(value);
      return fn ? { fn, qualified: true } : undefined;
    }
    return undefined;
  }
  const s = knownString(value);
  if (s !== undefined) {
    const m = FUNCTION_REFERENCE.exec(s);
    const fn = m ? index.functionsNamed(m[1]).find(f => index.get(f.logicalId) === f) : undefined;
    return fn ? { fn, qualified: qualified || (m![2] !== undefined && m![2] !== '$LATEST') } : undefined;
  }
  // An expression (`Fn::Join` of an alias ARN's parts): qualified only when it reads an alias or version.
  const ids = [...referencedIds(value)].map(id => index.get(id)).filter(e => e !== undefined);
  const versions = ids.filter(e => e.type === 'AWS::Lambda::Alias' || e.type === 'AWS::Lambda::Version');
  const fn = index.functionOf(value);
  return fn && versions.length ? { fn, qualified: true } : undefined;
}

const INVOKERS = indexKey<Map<string, Invoker[]>>('invokers by function');

function add(map: Map<string, Invoker[]>, named: Named | undefined, entry: CfnEntry, kind: InvokerKind, sources: Iterable<string | undefined>): void {
  if (!named) return;
  const ids = new Set([...sources].filter((s): s is string => s !== undefined));
  map.set(named.fn.logicalId, [...(map.get(named.fn.logicalId) ?? []), { entry, kind, qualified: named.qualified, sources: ids }]);
}

function isInvokeAction(action: unknown): boolean {
  const a = knownString(action);
  return a !== undefined && /^lambda:(Invoke|\*$)/i.test(a);
}

function build(index: TemplateIndex): Map<string, Invoker[]> {
  const map = new Map<string, Invoker[]>();
  for (const m of index.ofType('AWS::Lambda::EventSourceMapping')) {
    add(map, namedFunction(index, m.properties.FunctionName), m, InvokerKind.MAPPING, [refId(m.properties.EventSourceArn)]);
  }
  for (const u of index.ofType('AWS::Lambda::Url')) {
    add(map, namedFunction(index, u.properties.TargetFunctionArn, u.properties.Qualifier), u, InvokerKind.URL, [u.logicalId]);
  }
  for (const e of [...index.ofType('AWS::S3::Bucket'), ...index.ofType('Custom::S3BucketNotifications')]) {
    const { bucketId, items } = notificationsOf(e);
    for (const n of items.filter(i => i.kind === 'lambda')) add(map, namedFunction(index, n.destination), e, InvokerKind.S3, [bucketId]);
  }
  for (const s of index.ofType('AWS::SNS::Subscription')) {
    if (String(s.properties.Protocol).toLowerCase() !== 'lambda') continue;
    add(map, namedFunction(index, s.properties.Endpoint), s, InvokerKind.SNS, [refId(s.properties.TopicArn)]);
  }
  for (const r of index.ofType('AWS::Events::Rule')) {
    for (const t of asArray(r.properties.Targets).filter(isObject)) add(map, namedFunction(index, t.Arn), r, InvokerKind.RULE, [r.logicalId]);
  }
  for (const pool of index.ofType(USER_POOL)) {
    for (const t of userPoolTriggers(pool)) add(map, namedFunction(index, t.arn), pool, InvokerKind.COGNITO, [pool.logicalId]);
  }
  for (const f of index.ofType(SUBSCRIPTION_FILTER)) {
    add(map, namedFunction(index, f.properties.DestinationArn), f, InvokerKind.LOGS, referencedIds(f.properties.LogGroupName));
  }
  // Permissions last: one for a source a trigger above already connects (or for a function URL) adds nothing.
  for (const p of index.ofType('AWS::Lambda::Permission')) {
    if (!isInvokeAction(p.properties.Action)) continue;
    const named = namedFunction(index, p.properties.FunctionName);
    if (!named) continue;
    const known = map.get(named.fn.logicalId) ?? [];
    const sources = referencedIds(p.properties.SourceArn);
    const forUrl = p.properties.FunctionUrlAuthType !== undefined || p.properties.InvokedViaFunctionUrl !== undefined;
    const covered = known.some(i => (forUrl && i.kind === InvokerKind.URL) || [...sources].some(s => i.sources.has(s)));
    if (!covered) add(map, named, p, InvokerKind.PERMISSION, sources);
  }
  return map;
}

/** The resources of the stack that invoke a function (built once per index). */
export function invokersOf(index: TemplateIndex, fn: CfnEntry): Invoker[] {
  return index.memo(INVOKERS, () => build(index)).get(fn.logicalId) ?? [];
}

/** `Test/Queue/Mapping (event source mapping), Test/Topic/Sub (SNS subscription)`. */
export function describeInvokers(invokers: readonly Invoker[]): string {
  return invokers.map(i => `${i.entry.path} (${i.kind})`).join(', ');
}

/** `Test/Mapping (event source mapping) invokes` or `Test/A (…), Test/B (…) invoke`. */
export function invokersInvoke(invokers: readonly Invoker[]): string {
  return `${describeInvokers(invokers)} ${invokers.length === 1 ? 'invokes' : 'invoke'}`;
}

/**
 * The finding of a function whose triggers invoke it unqualified ($LATEST) while a setting needs a published
 * version (SnapStart, durable functions), or none. `value` is how the setting is printed before "but …".
 */
export function unqualifiedTriggers(index: TemplateIndex, e: CfnEntry, property: string, value: string, reason: string): Finding[] {
  const unqualified = invokersOf(index, e).filter(i => !i.qualified);
  if (!unqualified.length) return [];
  return [{
    property,
    value: `${value}, but ${invokersInvoke(unqualified)} the unqualified function ($LATEST)`,
    allowed: 'triggers on a published version or an alias (its qualified ARN)',
    reason,
    involves: unqualified.map(i => i.entry),
  }];
}
