import { CfnResource, Stack } from 'aws-cdk-lib';
import { TemplateModel } from '../../report/private/template-model';
import { logicalIdOf } from '../../rules/private/held-ids';
import { isObject, renderResource, ResourceEntry, ResourceIndex, stackResources, TemplateIndex } from '../../rules/private/template-index';

/**
 * What tells, before validation, whether a function is invoked asynchronously: these types' edges, and
 * the aliases and versions they may name (rendered only when a reference leads to them).
 */
const ASYNC_TYPES = new Set([
  'AWS::Lambda::EventInvokeConfig', 'AWS::SNS::Subscription', 'AWS::Events::Rule', 'Custom::S3BucketNotifications',
  'AWS::S3::Bucket', 'AWS::Logs::SubscriptionFilter', 'AWS::Lambda::Alias', 'AWS::Lambda::Version',
]);

/** What an asynchronous invoker may name instead of the function. */
const NAMED_TYPES = new Set(['AWS::Lambda::Alias', 'AWS::Lambda::Version']);

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
 * The event paths of a stack at synth: the same model the blueprint report draws from the synthesized
 * template, built from the stack's L1 resources.
 */
export class LiveTopology {
  /**
   * The async paths of a stack while it is being prepared (aspects): only the functions and the resources
   * that can make one asynchronous are in the model, each rendered when the model first reads it. A resource that
   * cannot be rendered yet (a cross-stack reference before `prepare`) is known by its type only.
   */
  public static beforeValidation(stack: Stack): LiveTopology {
    const byId = new Map<string, CfnResource>();
    const entries: ResourceEntry[] = [];
    const all = stackResources(stack);
    // Aliases and versions matter only as what an invoker names; without an invoker, their logical ids
    // (a version's is a hash of its function's rendered properties) are not computed.
    const invoked = all.some(c => ASYNC_TYPES.has(c.cfnResourceType) && !NAMED_TYPES.has(c.cfnResourceType));
    for (const c of all) {
      const type = c.cfnResourceType;
      if (type !== 'AWS::Lambda::Function' && !ASYNC_TYPES.has(type)) continue;
      if (!invoked && NAMED_TYPES.has(type)) continue;
      const id = logicalIdOf(c);
      byId.set(id, c);
      entries.push(type === 'AWS::Lambda::Function' ? { logicalId: id, type, properties: {} } : lazyEntry(id, type, () => renderOrNothing(c)));
    }
    return new LiveTopology(stack, new ResourceIndex(entries), byId, r => logicalIdOf(r));
  }

  /**
   * Every event path of a stack, over the rule engine's index of the same validation: the resources the
   * rules rendered are not rendered again.
   */
  public static fromIndex(index: TemplateIndex): LiveTopology {
    const byId = new Map(index.all.map(e => [e.logicalId, e.resource]));
    return new LiveTopology(index.stack, index, byId, r => index.entry(r)?.logicalId ?? logicalIdOf(r));
  }

  public readonly model: TemplateModel;

  private constructor(
    private readonly stack: Stack,
    index: ResourceIndex,
    private readonly byId: Map<string, CfnResource>,
    private readonly logicalId: (resource: CfnResource) => string,
  ) {
    this.model = new TemplateModel(index);
  }

  /** The logical id of a resource of the stack. */
  public idOf(resource: CfnResource): string {
    return this.logicalId(resource);
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

/** A resource whose `Properties`, `Metadata` and `UpdatePolicy` are rendered on first read. */
function lazyEntry(logicalId: string, type: string, render: () => Record<string, any> | undefined): ResourceEntry {
  let body: Record<string, any> | undefined;
  const get = (key: string): Record<string, any> | undefined => {
    const value = (body ??= render() ?? {})[key];
    return isObject(value) ? value : undefined;
  };
  return {
    logicalId,
    type,
    get properties() { return get('Properties') ?? {}; },
    get metadata() { return get('Metadata'); },
    get updatePolicy() { return get('UpdatePolicy'); },
  };
}

function renderOrNothing(resource: CfnResource): Record<string, any> | undefined {
  try {
    return renderResource(resource);
  } catch {
    return undefined; // known by its type only
  }
}
