/*
 * The one reader of the event paths a template declares: what invokes each function, where failed and
 * successful events go. The rules' event graph (event-graph.ts: loops), the blueprint report and the
 * dashboard's topology (TemplateModel) read these edges, over a stack or a synthesized template's JSON.
 */
import { asArray } from './iam';
import { pathOf, ResourceEntry } from './template-entries';
import { indexKey, ResourceIndex } from './template-index';
import { isObject, refIdWithin } from './template-values';
import { notificationsOf } from '../s3/notifications';
import { userPoolTriggers } from '../triggers/cognito-timeout';

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

/**
 * One path the template declares, with the words of each reader: `label` as the report shows it (none:
 * the report does not show it, e.g. a notification into a queue), `hop` as an event-loop path names it
 * (none: no event a function emits travels it, e.g. a function's DLQ, which the loop search does not follow).
 */
export interface DeclaredEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  readonly label?: string;
  readonly hop?: string;
  readonly prefix?: string;
  readonly suffix?: string;
}

/** The resource types whose properties declare edges (the others' properties are never read). */
export const EDGE_TYPES: ReadonlySet<string> = new Set([
  'AWS::Lambda::Function', 'AWS::Lambda::EventSourceMapping', 'AWS::SQS::Queue', 'AWS::Lambda::EventInvokeConfig',
  'AWS::SNS::Subscription', 'AWS::Events::Rule', 'AWS::Lambda::Permission', 'Custom::S3BucketNotifications',
  'AWS::S3::Bucket', 'AWS::ElasticLoadBalancingV2::TargetGroup', 'AWS::Cognito::UserPool',
  'AWS::Logs::SubscriptionFilter', 'AWS::CloudFront::Distribution', 'AWS::Lambda::Url',
]);

const DECLARED = indexKey<DeclaredEdge[]>('declared edges');
const REPORTED = indexKey<EventEdge[]>('reported edges');

/** The items of a template list (none when it is not a list, e.g. an intrinsic). */
function listOf(value: unknown): any[] {
  return Array.isArray(value) ? value : [];
}

/** One end as each reader resolves it: the report's and the loop search's. */
type Ends = readonly [from: string | undefined, to: string | undefined];

/** Collects the declared edges of a template's resources, in template order. */
class EdgeReader {
  public readonly edges: DeclaredEdge[] = [];
  private apis?: string[];

  constructor(private readonly index: ResourceIndex) {}

  public read(): DeclaredEdge[] {
    for (const r of this.index.all) {
      // A lazily rendered resource (the dashboard's live model) of another type is never rendered.
      if (EDGE_TYPES.has(r.type)) this.readResource(r);
    }
    return this.edges;
  }

  private readResource(r: ResourceEntry): void {
    const id = r.logicalId;
    const p = r.properties;
    switch (r.type) {
      case 'AWS::Lambda::Function':
        return this.shown(id, refIdWithin(p.DeadLetterConfig?.TargetArn), 'failure', 'async DLQ');
      case 'AWS::Lambda::EventSourceMapping': {
        const fn = this.functionOf(p.FunctionName);
        this.both('event', [refIdWithin(p.EventSourceArn), fn], `mapping, batch ${p.BatchSize ?? 'default'}`, [this.targetOf(p.EventSourceArn), fn], 'event source mapping');
        return this.shown(fn, refIdWithin(p.DestinationConfig?.OnFailure?.Destination), 'failure', 'mapping on-failure');
      }
      case 'AWS::SQS::Queue':
        return this.shown(id, refIdWithin(p.RedrivePolicy?.deadLetterTargetArn), 'failure', `redrive after ${p.RedrivePolicy?.maxReceiveCount ?? '?'} receives`);
      case 'AWS::Lambda::EventInvokeConfig':
        return this.invokeConfig(p);
      case 'AWS::SNS::Subscription': {
        const lambda = p.Protocol === 'lambda';
        const endpoint = this.destinationOf(p.Endpoint);
        this.both('event', lambda ? [refIdWithin(p.TopicArn), this.functionOf(p.Endpoint)] : [undefined, undefined], 'subscription (async)',
          [this.targetOf(p.TopicArn), endpoint], 'subscription');
        if (lambda) this.shown(refIdWithin(p.TopicArn), refIdWithin(p.RedrivePolicy?.deadLetterTargetArn), 'failure', 'subscription redrive');
        return;
      }
      case 'AWS::Events::Rule':
        return this.rule(r);
      case 'AWS::Lambda::Permission':
        return this.permission(p);
      case 'Custom::S3BucketNotifications':
      case 'AWS::S3::Bucket':
        return this.notifications(r);
      case 'AWS::ElasticLoadBalancingV2::TargetGroup':
        if (p.TargetType === 'lambda') for (const t of listOf(p.Targets)) this.shown(id, this.functionOf(t?.Id), 'event', 'ALB target (sync)');
        return;
      case 'AWS::Cognito::UserPool': {
        const triggers = new Map(userPoolTriggers(r).map(t => [t.property.split('.')[1], t]));
        for (const [k, v] of Object.entries<any>(p.LambdaConfig ?? {})) {
          const t = triggers.get(k);
          this.both('event', [id, this.functionOf(v?.LambdaArn ?? v)], `trigger ${k} (sync, 5 s)`, [id, t && this.functionOf(t.arn)], t && `trigger ${t.property}`);
        }
        return;
      }
      case 'AWS::Logs::SubscriptionFilter': {
        // The report draws the log group; the loop search passes through the filter (functions write their logs into it).
        const fn = this.functionOf(p.DestinationArn);
        return this.both('event', [refIdWithin(p.LogGroupName) ?? id, fn], 'subscription filter (async)', [id, fn], 'subscription filter');
      }
      case 'AWS::CloudFront::Distribution': {
        const config = p.DistributionConfig ?? {};
        const behaviours = [config.DefaultCacheBehavior, ...listOf(config.CacheBehaviors)];
        for (const b of behaviours) {
          for (const a of listOf(b?.LambdaFunctionAssociations)) this.shown(id, this.functionOf(a?.LambdaFunctionARN), 'event', `Lambda@Edge ${a?.EventType} (sync)`);
        }
        return;
      }
      case 'AWS::Lambda::Url':
        return this.shown(id, this.functionOf(p.TargetFunctionArn), 'event', `URL, auth ${p.AuthType} (sync)`);
      default:
        return;
    }
  }

  /** An async invoke configuration's destinations (the report reads the destination's own id, the loop search the function behind an alias). */
  private invokeConfig(p: Record<string, any>): void {
    const reported = this.functionOf(p.FunctionName) ?? this.functionOf({ Ref: refIdWithin(p.FunctionName) });
    const followed = this.functionOf(p.FunctionName);
    const config = p.DestinationConfig;
    for (const [k, kind, label] of [['OnFailure', 'failure', 'async on-failure'], ['OnSuccess', 'success', 'async on-success']] as const) {
      const followedTo = isObject(config) && isObject(config[k]) ? this.destinationOf(config[k].Destination) : undefined;
      this.both(kind, [reported, refIdWithin(p.DestinationConfig?.[k]?.Destination)], label, [followed, followedTo], `${k} destination`);
    }
  }

  /** A rule invokes its targets (the report's node); the events of its bus reach them (the loop search's). */
  private rule(r: ResourceEntry): void {
    const p = r.properties;
    for (const t of listOf(p.Targets)) {
      const fn = this.functionOf(t?.Arn);
      if (!fn) continue;
      this.shown(r.logicalId, fn, 'event', p.ScheduleExpression ? `schedule ${p.ScheduleExpression} (async)` : 'rule (async)');
      this.shown(r.logicalId, refIdWithin(t?.DeadLetterConfig?.Arn), 'failure', 'rule target DLQ');
    }
    const bus = this.targetOf(p.EventBusName);
    for (const t of asArray(p.Targets).filter(isObject)) this.followed(bus, this.destinationOf(t.Arn), 'event', `rule ${pathOf(r)}`);
  }

  /** A bucket's notifications: into functions (both readers), queues and topics (the loop search only). */
  private notifications(r: ResourceEntry): void {
    const { bucketId, items } = notificationsOf(r);
    const reportedBucket = r.type === 'AWS::S3::Bucket' ? r.logicalId : refIdWithin(r.properties.BucketName);
    for (const n of items) {
      const label = `notification ${n.events.join(',')} (async)`.replace('  ', ' ');
      const reported: Ends = n.kind === 'lambda' ? [reportedBucket, this.functionOf(n.destination)] : [undefined, undefined];
      const followed: Ends = [bucketId !== undefined && this.index.get(bucketId) ? bucketId : undefined, this.destinationOf(n.destination)];
      this.both('event', reported, label, followed, 'notification', { prefix: n.prefix, suffix: n.suffix });
    }
  }

  /** API Gateway invokes a function through a permission scoped to its API. */
  private permission(p: Record<string, any>): void {
    const fn = this.functionOf(p.FunctionName);
    if (p.Principal !== 'apigateway.amazonaws.com') return;
    const text = JSON.stringify(p.SourceArn ?? '');
    this.apis ??= this.index.all.filter(e => e.type === 'AWS::ApiGateway::RestApi' || e.type === 'AWS::ApiGatewayV2::Api').map(e => e.logicalId);
    this.shown(this.apis.find(api => text.includes(`"${api}"`)), fn, 'event', 'API Gateway (sync)');
  }

  /** One edge when both readers see the same ends, else the report's and the loop search's apart. */
  private both(kind: EdgeKind, reported: Ends, label: string, followed: Ends, hop: string | undefined, filter: Pick<DeclaredEdge, 'prefix' | 'suffix'> = {}): void {
    if (hop !== undefined && reported[0] === followed[0] && reported[1] === followed[1]) return this.push(reported, kind, { label, hop, ...filter });
    this.push(reported, kind, { label });
    if (hop !== undefined) this.push(followed, kind, { hop, ...filter });
  }

  private shown(from: string | undefined, to: string | undefined, kind: EdgeKind, label: string): void {
    this.push([from, to], kind, { label });
  }

  private followed(from: string | undefined, to: string | undefined, kind: EdgeKind, hop: string): void {
    this.push([from, to], kind, { hop });
  }

  private push([from, to]: Ends, kind: EdgeKind, words: Omit<DeclaredEdge, 'from' | 'to' | 'kind'>): void {
    if (from && to) this.edges.push({ from, to, kind, ...words });
  }

  /** The function a reference (function, version or alias) leads to, by logical id. */
  private functionOf(value: unknown): string | undefined {
    return this.index.functionOf(value)?.logicalId;
  }

  /** The resource a `Ref`/`Fn::GetAtt` names, when it is in the template. */
  private targetOf(value: unknown): string | undefined {
    return this.index.target(value)?.logicalId;
  }

  /** Where an ARN leads: a function (through aliases and versions) or any other resource of the template. */
  private destinationOf(value: unknown): string | undefined {
    return this.functionOf(value) ?? this.targetOf(value);
  }
}

/** Every path a template declares (read once per index). */
export function declaredEdges(index: ResourceIndex): DeclaredEdge[] {
  return index.memo(DECLARED, () => new EdgeReader(index).read());
}

/** The edges the report and the dashboard show, each once, in template order. */
export function reportedEdges(index: ResourceIndex): EventEdge[] {
  return index.memo(REPORTED, () => {
    const out: EventEdge[] = [];
    const seen = new Set<string>();
    for (const e of declaredEdges(index)) {
      if (e.label === undefined) continue;
      const key = JSON.stringify([e.from, e.to, e.kind, e.label]);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ from: e.from, to: e.to, kind: e.kind, label: e.label });
    }
    return out;
  });
}
