import { CfnResource, Stack } from 'aws-cdk-lib';
import { CfnResourceJson, TemplateModel } from '../../report/private/template-model';

/** Resource types whose properties carry the event paths (the others are rendered with their type only). */
const EDGE_TYPES = new Set([
  'AWS::Lambda::Function', 'AWS::Lambda::EventSourceMapping', 'AWS::Lambda::EventInvokeConfig', 'AWS::Lambda::Alias',
  'AWS::Lambda::Version', 'AWS::Lambda::Permission', 'AWS::Lambda::Url', 'AWS::SQS::Queue', 'AWS::SNS::Subscription',
  'AWS::Events::Rule', 'AWS::S3::Bucket', 'Custom::S3BucketNotifications', 'AWS::ElasticLoadBalancingV2::TargetGroup',
]);

const STREAM_TYPES = new Set(['AWS::Kinesis::Stream', 'AWS::Kinesis::StreamConsumer', 'AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable']);

/** A queue the dashboard shows: a DLQ or a source queue of a function. */
export interface QueueFacts {
  readonly resource: CfnResource;
  readonly name: string;
  readonly role: string;
}

/** What the dashboard shows for one function, derived from the stack's event paths. */
export interface FunctionTopology {
  /** Invoked asynchronously (S3, SNS, EventBridge…) or with an async invoke configuration / destinations. */
  readonly async: boolean;
  /** Consumes a Kinesis or DynamoDB stream through an event source mapping. */
  readonly streamConsumer: boolean;
  /** Consumes an SQS queue through an event source mapping. */
  readonly queueConsumer: boolean;
  /** Its source queues and where its failed events go (SQS queues of the stack only). */
  readonly queues: QueueFacts[];
}

/**
 * The event paths of a stack while it is being prepared (aspects): the same model the blueprint report
 * draws from the synthesized template, built from the stack's L1 resources. A resource that cannot be
 * rendered yet (a cross-stack reference before `prepare`) is known by its type only.
 */
export class LiveTopology {
  public readonly model: TemplateModel;
  private readonly byId = new Map<string, CfnResource>();

  constructor(private readonly stack: Stack) {
    const resources: Record<string, CfnResourceJson> = {};
    for (const c of stack.node.findAll()) {
      if (!CfnResource.isCfnResource(c) || Stack.of(c) !== stack) continue;
      const id = logicalIdOf(c);
      this.byId.set(id, c);
      resources[id] = { Type: c.cfnResourceType };
      if (!EDGE_TYPES.has(c.cfnResourceType)) continue;
      try {
        const rendered = stack.resolve((c as any)._toCloudFormation()) as { Resources?: Record<string, CfnResourceJson> };
        resources[id] = Object.values(rendered.Resources ?? {})[0] ?? resources[id];
      } catch {
        // keep the type only
      }
    }
    this.model = new TemplateModel({ Resources: resources });
  }

  /** The logical id of a resource of the stack. */
  public idOf(resource: CfnResource): string {
    return logicalIdOf(resource);
  }

  /** What the dashboard shows for the function with this logical id. */
  public of(fnId: string, hasAsyncConfig: boolean): FunctionTopology {
    const m = this.model;
    const sources = m.sourcesOf(fnId);
    const typeOf = (id: string) => m.resource(id)?.Type ?? '';
    const mapped = sources.filter(e => e.label.startsWith('mapping'));
    const configured = m.idsOfType('AWS::Lambda::EventInvokeConfig')
      .some(id => m.functionOf(m.resource(id)?.Properties?.FunctionName) === fnId);
    const queues: QueueFacts[] = [];
    const addQueue = (id: string, role: string) => {
      const resource = this.byId.get(id);
      if (typeOf(id) !== 'AWS::SQS::Queue' || !resource || queues.some(q => q.resource === resource)) return;
      queues.push({ resource, name: this.nameOf(resource), role });
    };
    for (const e of mapped) addQueue(e.from, 'source queue');
    for (const e of m.outcomesOf(fnId)) addQueue(e.to, e.kind === 'failure' ? `DLQ (${e.label})` : `destination (${e.label})`);
    return {
      async: hasAsyncConfig || configured || sources.some(e => e.label.includes('(async)')),
      streamConsumer: mapped.some(e => STREAM_TYPES.has(typeOf(e.from))),
      queueConsumer: mapped.some(e => typeOf(e.from) === 'AWS::SQS::Queue'),
      queues,
    };
  }

  /** A readable name: the construct path below the stack, without the L1/L2 tails. */
  public nameOf(resource: CfnResource): string {
    return readableName(this.stack, resource.node.path);
  }
}

/** A construct path below its stack, without `Resource`/`Queue`/`Function` tails. */
export function readableName(stack: Stack, path: string): string {
  let parts = path.split('/').slice(stack.node.path.split('/').length);
  while (parts.length > 1 && ['Resource', 'Function', 'Queue', 'Default'].includes(parts[parts.length - 1])) parts = parts.slice(0, -1);
  return parts.join('/') || path;
}

function logicalIdOf(resource: CfnResource): string {
  const override = (resource as unknown as { _logicalIdOverride?: string })._logicalIdOverride;
  return override ?? Stack.of(resource).getLogicalId(resource);
}
