/**
 * The blueprint report's view of a template, centred on Lambda functions: what invokes each function and
 * where its failed events go. It reads the rules' model of the template (`ResourceIndex`: over a stack,
 * or over a synthesized template's JSON) and the rules' edges of it (rules/private/template-edges.ts), so
 * it describes any app — blueprints, plain L2 code or an imported template — the way the rules see it.
 */

import { CfnResourceJson, TemplateJson } from './template-json';
import { EventEdge, reportedEdges } from '../../rules/private/template-edges';
import { ResourceEntry, ResourceIndex, refIdWithin as refOf } from '../../rules/private/template-index';

export { EDGE_TYPES } from '../../rules/private/template-edges';
export type { EdgeKind, EventEdge } from '../../rules/private/template-edges';
/** The logical id a value refers to: the rules' reader (`refIdWithin`). */
export { refIdWithin as refOf } from '../../rules/private/template-index';
export type { CfnResourceJson, TemplateJson } from './template-json';

/** A readable kind per resource type (`SQS queue`). */
export const TYPE_LABELS: Record<string, string> = {
  'AWS::SQS::Queue': 'SQS queue',
  'AWS::SNS::Topic': 'SNS topic',
  'AWS::Kinesis::Stream': 'Kinesis stream',
  'AWS::DynamoDB::Table': 'DynamoDB stream',
  'AWS::DynamoDB::GlobalTable': 'DynamoDB stream',
  'AWS::S3::Bucket': 'S3 bucket',
  'AWS::Events::Rule': 'EventBridge rule',
  'AWS::Scheduler::Schedule': 'EventBridge schedule',
  'AWS::Events::EventBus': 'EventBridge bus',
  'AWS::Lambda::Function': 'function',
  'AWS::ApiGateway::RestApi': 'REST API',
  'AWS::ApiGatewayV2::Api': 'HTTP API',
  'AWS::ElasticLoadBalancingV2::TargetGroup': 'ALB target group',
  'AWS::Lambda::Url': 'function URL',
  'AWS::Cognito::UserPool': 'Cognito user pool',
  'AWS::Logs::LogGroup': 'log group',
  'AWS::Logs::SubscriptionFilter': 'subscription filter',
  'AWS::CloudFront::Distribution': 'CloudFront distribution',
};

/** One acknowledged finding, as the template records it. */
export interface Acknowledgement {
  /** The resource (its readable name). */
  readonly resource: string;
  /** The acknowledged rule or finding id. */
  readonly ruleId: string;
  /** Why it is acceptable. */
  readonly reason: string;
}

/** What the model knows about one function. */
export interface FunctionFacts {
  readonly logicalId: string;
  readonly name: string;
  readonly runtime: string;
  readonly memoryMb?: number;
  readonly timeoutSeconds?: number;
  readonly architecture: string;
  readonly reservedConcurrency?: number;
  readonly layers: number;
  readonly layerNames: string[];
  readonly network: string;
  readonly release: string;
}

/** The resources of a template's JSON as entries of the rules' model (bodies read when first asked for). */
export function templateEntries(resources: Record<string, CfnResourceJson>): ResourceEntry[] {
  return Object.entries(resources).map(([logicalId, r]) => ({
    logicalId,
    type: r.Type,
    get properties() { return r.Properties ?? {}; },
    get metadata() { return r.Metadata; },
    get updatePolicy() { return r.UpdatePolicy; },
  }));
}

/** A resource of the model as a template writes it (`Type`, `Properties`, …), read when first asked for. */
function asJson(e: ResourceEntry): CfnResourceJson {
  return {
    Type: e.type,
    get Properties() { return e.properties; },
    get Metadata() { return e.metadata; },
    get UpdatePolicy() { return e.updatePolicy; },
  };
}

/** The model of one template. */
export class TemplateModel {
  /** The rules' model of the template. */
  public readonly index: ResourceIndex;
  private readonly edgeList: EventEdge[];
  /** The template-level metadata (acknowledgements made on scopes wider than one resource). */
  public readonly metadata: Record<string, any>;

  /** A model of a synthesized template's JSON, or of the rules' index of a stack (the dashboard's). */
  constructor(template: TemplateJson | ResourceIndex, private readonly stackName = '') {
    this.index = template instanceof ResourceIndex ? template : new ResourceIndex(templateEntries(template.Resources ?? {}));
    this.metadata = template instanceof ResourceIndex ? {} : template.Metadata ?? {};
    this.edgeList = reportedEdges(this.index);
  }

  /** Every Lambda function of the template, by logical id. */
  public get functionIds(): string[] {
    return this.idsOfType('AWS::Lambda::Function');
  }

  /** Every edge of the event graph. */
  public get edges(): EventEdge[] {
    return [...this.edgeList];
  }

  /** Every acknowledgement written into the template (`cdk_nag.rules_to_suppress`), per resource. */
  public get acknowledgements(): Acknowledgement[] {
    const out: Acknowledgement[] = [];
    // The template's list (each acknowledgement once, with the resources or scopes it covers) …
    type Listed = { id: string; reason: string; resources?: string[]; scopes?: string[] };
    const listed = (this.metadata.cdk_lambda_blueprints_acknowledgements ?? []) as Listed[];
    for (const r of listed) {
      for (const id of r.resources ?? []) out.push({ resource: this.nameOf(id), ruleId: r.id, reason: r.reason });
      for (const scope of r.scopes ?? []) out.push({ resource: `${scope} (and everything below)`, ruleId: r.id, reason: r.reason });
    }
    // … and per-resource cdk-nag v2 metadata (whole-rule acknowledgements resolved at synth).
    for (const id of this.index.all.map(e => e.logicalId).sort()) {
      for (const r of this.index.get(id)?.metadata?.cdk_nag?.rules_to_suppress ?? []) {
        out.push({ resource: this.nameOf(id), ruleId: r.id, reason: r.reason });
      }
    }
    return out.sort((a, b) => `${a.resource} ${a.ruleId}`.localeCompare(`${b.resource} ${b.ruleId}`));
  }

  /** Logical ids of the resources of one type. */
  public idsOfType(type: string): string[] {
    return this.index.ofType(type).map(e => e.logicalId).sort();
  }

  /** A resource by logical id. */
  public resource(id: string): CfnResourceJson | undefined {
    const e = this.index.get(id);
    return e ? asJson(e) : undefined;
  }

  /** A readable name: the CDK path without the stack and the `/Resource` tails, or the logical id. */
  public nameOf(id: string): string {
    const path: string | undefined = this.index.get(id)?.metadata?.['aws:cdk:path'];
    if (!path) return id;
    let parts = path.split('/');
    if (this.stackName && parts[0] === this.stackName) parts = parts.slice(1);
    while (parts.length > 1 && ['Resource', 'Function', 'Queue', 'Default', 'Topic', 'Stream', 'Table', 'Bucket'].includes(parts[parts.length - 1])) parts = parts.slice(0, -1);
    return parts.join('/');
  }

  /** A readable label with the kind of resource: `SQS queue Jobs`. */
  public labelOf(id: string): string {
    const type = this.index.get(id)?.type;
    const kind = type ? TYPE_LABELS[type] ?? type : 'external';
    return `${kind} ${this.nameOf(id)}`;
  }

  /** The function a reference (function, version or alias) points to. */
  public functionOf(value: unknown): string | undefined {
    return this.index.functionOf(value)?.logicalId;
  }

  /** Facts about one function. */
  public facts(id: string): FunctionFacts {
    const p = this.index.get(id)?.properties ?? {};
    const vpc = p.VpcConfig;
    const subnets = Array.isArray(vpc?.SubnetIds) ? vpc.SubnetIds.length : 0;
    return {
      logicalId: id,
      name: this.nameOf(id),
      runtime: p.PackageType === 'Image' ? 'container image' : String(p.Runtime ?? '?'),
      memoryMb: typeof p.MemorySize === 'number' ? p.MemorySize : undefined,
      timeoutSeconds: typeof p.Timeout === 'number' ? p.Timeout : undefined,
      architecture: Array.isArray(p.Architectures) ? String(p.Architectures[0]) : 'x86_64',
      reservedConcurrency: typeof p.ReservedConcurrentExecutions === 'number' ? p.ReservedConcurrentExecutions : undefined,
      layers: Array.isArray(p.Layers) ? p.Layers.length : 0,
      layerNames: (Array.isArray(p.Layers) ? p.Layers : []).map((l: unknown) => this.layerName(l)),
      network: vpc ? `VPC, ${subnets} subnet${subnets === 1 ? '' : 's'}, ${Array.isArray(vpc.SecurityGroupIds) ? vpc.SecurityGroupIds.length : 0} SG` : 'no VPC',
      release: this.releaseOf(id),
    };
  }

  /** Edges into a function (what invokes it). */
  public sourcesOf(fn: string): EventEdge[] {
    return this.edgeList.filter(e => e.to === fn && e.kind === 'event');
  }

  /** Edges out of a function and its sources (where failed or successful events go). */
  public outcomesOf(fn: string): EventEdge[] {
    const sources = new Set(this.sourcesOf(fn).map(e => e.from));
    return this.edgeList.filter(e => e.kind !== 'event' && (e.from === fn || (sources.has(e.from) && this.index.get(e.from)?.type !== 'AWS::Lambda::Function')));
  }

  /** A layer's name: its construct name, or the name in its ARN (`arn:…:layer:NAME:VERSION`). */
  private layerName(layer: unknown): string {
    const ref = refOf(layer);
    if (ref) return this.nameOf(ref);
    const m = typeof layer === 'string' ? /:layer:([^:]+)/.exec(layer) : null;
    return m ? m[1] : 'imported layer';
  }

  private releaseOf(fn: string): string {
    for (const aliasId of this.idsOfType('AWS::Lambda::Alias')) {
      const alias = this.index.get(aliasId)!;
      if (this.functionOf(alias.properties.FunctionName) !== fn) continue;
      const name = alias.properties.Name ?? aliasId;
      const groupName = alias.updatePolicy?.CodeDeployLambdaAliasUpdate?.DeploymentGroupName;
      const group = this.idsOfType('AWS::CodeDeploy::DeploymentGroup').find(g => g === refOf(groupName));
      if (group) {
        const config = this.index.get(group)?.properties.DeploymentConfigName;
        const configName = typeof config === 'string' ? config.replace('CodeDeployDefault.', '') : `custom ${this.nameOf(refOf(config) ?? '?')}`;
        return `alias ${name}, CodeDeploy ${configName}`;
      }
      const weights = alias.properties.RoutingConfig?.AdditionalVersionWeights;
      return weights ? `alias ${name}, weighted routing` : `alias ${name}`;
    }
    // Lambda@Edge: CloudFront replicates a numbered version (an association here, or BlueprintEdgeFunction's mark).
    const edge = this.sourcesOf(fn).some(e => this.index.get(e.from)?.type === 'AWS::CloudFront::Distribution');
    if (edge || this.index.get(fn)?.metadata?.['cdk-lambda-blueprints:edge']) return 'numbered version (Lambda@Edge)';
    return '$LATEST';
  }
}
