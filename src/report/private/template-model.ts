/**
 * A read-only model of a synthesized CloudFormation template, centred on Lambda functions: what invokes
 * each function and where its failed events go. It reads only the template (L1 level), so it describes
 * any app — blueprints, plain L2 code or an imported template.
 */

/** One acknowledged finding, as the template records it. */
export interface Acknowledgement {
  /** The resource (its readable name). */
  readonly resource: string;
  /** The acknowledged rule or finding id. */
  readonly ruleId: string;
  /** Why it is acceptable. */
  readonly reason: string;
}

/** A CloudFormation resource as it stands in a template. */
export interface CfnResourceJson {
  readonly Type: string;
  readonly Properties?: Record<string, any>;
  readonly Metadata?: Record<string, any>;
  readonly UpdatePolicy?: Record<string, any>;
}

/** A template: its resources by logical id, and its template-level metadata. */
export interface TemplateJson {
  readonly Resources?: Record<string, CfnResourceJson>;
  readonly Metadata?: Record<string, any>;
}

/** Kind of an edge of the event graph. */
export type EdgeKind = 'event' | 'failure' | 'success';

/** An edge of the event graph: a source invokes a function, or a function's events go somewhere. */
export interface EventEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  readonly label: string;
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

/** The logical id a value refers to ({Ref}, {Fn::GetAtt}, inside {Fn::Join}/{Fn::Select}/{Fn::Split}), if any. */
export function refOf(value: unknown): string | undefined {
  if (value && typeof value === 'object') {
    const v = value as Record<string, any>;
    if (typeof v.Ref === 'string') return v.Ref;
    if (Array.isArray(v['Fn::GetAtt'])) return v['Fn::GetAtt'][0];
    if (typeof v['Fn::GetAtt'] === 'string') return v['Fn::GetAtt'].split('.')[0];
    // `Fn::Select` over `Fn::Split` of an alias ARN: what aws-cdk-lib renders for a mapping on an alias
    if (Array.isArray(v['Fn::Select'])) return refOf(v['Fn::Select'][1]);
    if (Array.isArray(v['Fn::Split'])) return refOf(v['Fn::Split'][1]);
    if (Array.isArray(v['Fn::Join'])) {
      for (const part of v['Fn::Join'][1] ?? []) {
        const r = refOf(part);
        if (r) return r;
      }
    }
  }
  return undefined;
}

const TYPE_LABELS: Record<string, string> = {
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

/** The resource types whose properties carry edges of the event graph. */
export const EDGE_TYPES: ReadonlySet<string> = new Set([
  'AWS::Lambda::Function', 'AWS::Lambda::EventSourceMapping', 'AWS::SQS::Queue', 'AWS::Lambda::EventInvokeConfig',
  'AWS::SNS::Subscription', 'AWS::Events::Rule', 'AWS::Lambda::Permission', 'Custom::S3BucketNotifications',
  'AWS::S3::Bucket', 'AWS::ElasticLoadBalancingV2::TargetGroup', 'AWS::Cognito::UserPool',
  'AWS::Logs::SubscriptionFilter', 'AWS::CloudFront::Distribution', 'AWS::Lambda::Url',
]);

/** The model of one template. */
export class TemplateModel {
  private readonly resources: Record<string, CfnResourceJson>;
  private readonly edgeList: EventEdge[] = [];
  /** The template-level metadata (acknowledgements made on scopes wider than one resource). */
  public readonly metadata: Record<string, any>;

  constructor(template: TemplateJson, private readonly stackName = '') {
    this.resources = template.Resources ?? {};
    this.metadata = template.Metadata ?? {};
    this.collectEdges();
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
    for (const id of Object.keys(this.resources).sort()) {
      for (const r of this.resources[id].Metadata?.cdk_nag?.rules_to_suppress ?? []) {
        out.push({ resource: this.nameOf(id), ruleId: r.id, reason: r.reason });
      }
    }
    return out.sort((a, b) => `${a.resource} ${a.ruleId}`.localeCompare(`${b.resource} ${b.ruleId}`));
  }

  /** Logical ids of the resources of one type. */
  public idsOfType(type: string): string[] {
    return Object.keys(this.resources).filter(id => this.resources[id].Type === type).sort();
  }

  /** A resource by logical id. */
  public resource(id: string): CfnResourceJson | undefined {
    return this.resources[id];
  }

  /** A readable name: the CDK path without the stack and the `/Resource` tails, or the logical id. */
  public nameOf(id: string): string {
    const path: string | undefined = this.resources[id]?.Metadata?.['aws:cdk:path'];
    if (!path) return id;
    let parts = path.split('/');
    if (this.stackName && parts[0] === this.stackName) parts = parts.slice(1);
    while (parts.length > 1 && ['Resource', 'Function', 'Queue', 'Default', 'Topic', 'Stream', 'Table', 'Bucket'].includes(parts[parts.length - 1])) parts = parts.slice(0, -1);
    return parts.join('/');
  }

  /** A readable label with the kind of resource: `SQS queue Jobs`. */
  public labelOf(id: string): string {
    const type = this.resources[id]?.Type;
    const kind = type ? TYPE_LABELS[type] ?? type : 'external';
    return `${kind} ${this.nameOf(id)}`;
  }

  /** The function a reference (function, version or alias) points to. */
  public functionOf(value: unknown): string | undefined {
    let id = refOf(value);
    if (!id && typeof value === 'string') return undefined;
    for (let i = 0; id && i < 3; i++) {
      const r = this.resources[id];
      if (!r) return undefined;
      if (r.Type === 'AWS::Lambda::Function') return id;
      if (r.Type === 'AWS::Lambda::Alias' || r.Type === 'AWS::Lambda::Version') id = refOf(r.Properties?.FunctionName);
      else return undefined;
    }
    return undefined;
  }

  /** Facts about one function. */
  public facts(id: string): FunctionFacts {
    const p = this.resources[id].Properties ?? {};
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
    return this.edgeList.filter(e => e.kind !== 'event' && (e.from === fn || (sources.has(e.from) && this.resources[e.from]?.Type !== 'AWS::Lambda::Function')));
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
      const alias = this.resources[aliasId];
      if (this.functionOf(alias.Properties?.FunctionName) !== fn) continue;
      const name = alias.Properties?.Name ?? aliasId;
      const groupName = alias.UpdatePolicy?.CodeDeployLambdaAliasUpdate?.DeploymentGroupName;
      const group = this.idsOfType('AWS::CodeDeploy::DeploymentGroup').find(g => g === refOf(groupName));
      if (group) {
        const config = this.resources[group].Properties?.DeploymentConfigName;
        const configName = typeof config === 'string' ? config.replace('CodeDeployDefault.', '') : `custom ${this.nameOf(refOf(config) ?? '?')}`;
        return `alias ${name}, CodeDeploy ${configName}`;
      }
      const weights = alias.Properties?.RoutingConfig?.AdditionalVersionWeights;
      return weights ? `alias ${name}, weighted routing` : `alias ${name}`;
    }
    // Lambda@Edge: CloudFront replicates a numbered version (an association here, or BlueprintEdgeFunction's mark).
    const edge = this.sourcesOf(fn).some(e => this.resources[e.from]?.Type === 'AWS::CloudFront::Distribution');
    if (edge || this.resources[fn]?.Metadata?.['cdk-lambda-blueprints:edge']) return 'numbered version (Lambda@Edge)';
    return '$LATEST';
  }

  private add(from: string | undefined, to: string | undefined, kind: EdgeKind, label: string): void {
    if (!from || !to) return;
    if (this.edgeList.some(e => e.from === from && e.to === to && e.kind === kind && e.label === label)) return;
    this.edgeList.push({ from, to, kind, label });
  }

  private collectEdges(): void {
    for (const [id, r] of Object.entries(this.resources)) {
      // Only the types below carry edges: the others' properties are never read (a lazily rendered
      // resource, as the dashboard's live model gives, is then never rendered).
      if (!EDGE_TYPES.has(r.Type)) continue;
      const p = r.Properties ?? {};
      switch (r.Type) {
        case 'AWS::Lambda::Function':
          this.add(id, refOf(p.DeadLetterConfig?.TargetArn), 'failure', 'async DLQ');
          break;
        case 'AWS::Lambda::EventSourceMapping': {
          const fn = this.functionOf(p.FunctionName);
          const source = refOf(p.EventSourceArn);
          this.add(source, fn, 'event', `mapping, batch ${p.BatchSize ?? 'default'}`);
          this.add(fn, refOf(p.DestinationConfig?.OnFailure?.Destination), 'failure', 'mapping on-failure');
          break;
        }
        case 'AWS::SQS::Queue':
          this.add(id, refOf(p.RedrivePolicy?.deadLetterTargetArn), 'failure', `redrive after ${p.RedrivePolicy?.maxReceiveCount ?? '?'} receives`);
          break;
        case 'AWS::Lambda::EventInvokeConfig': {
          const fn = this.functionOf(p.FunctionName) ?? this.functionOf({ Ref: refOf(p.FunctionName) });
          this.add(fn, refOf(p.DestinationConfig?.OnFailure?.Destination), 'failure', 'async on-failure');
          this.add(fn, refOf(p.DestinationConfig?.OnSuccess?.Destination), 'success', 'async on-success');
          break;
        }
        case 'AWS::SNS::Subscription':
          if (p.Protocol === 'lambda') {
            const fn = this.functionOf(p.Endpoint);
            this.add(refOf(p.TopicArn), fn, 'event', 'subscription (async)');
            this.add(refOf(p.TopicArn), refOf(p.RedrivePolicy?.deadLetterTargetArn), 'failure', 'subscription redrive');
          }
          break;
        case 'AWS::Events::Rule':
          for (const t of p.Targets ?? []) {
            const fn = this.functionOf(t.Arn);
            if (!fn) continue;
            this.add(id, fn, 'event', p.ScheduleExpression ? `schedule ${p.ScheduleExpression} (async)` : 'rule (async)');
            this.add(id, refOf(t.DeadLetterConfig?.Arn), 'failure', 'rule target DLQ');
          }
          break;
        case 'AWS::Lambda::Permission':
          this.permissionEdge(p);
          break;
        case 'Custom::S3BucketNotifications':
          for (const c of p.NotificationConfiguration?.LambdaFunctionConfigurations ?? []) {
            this.add(refOf(p.BucketName), this.functionOf(c.LambdaFunctionArn), 'event', `notification ${c.Events?.join(',') ?? ''} (async)`.replace('  ', ' '));
          }
          break;
        case 'AWS::S3::Bucket':
          for (const c of p.NotificationConfiguration?.LambdaConfigurations ?? []) {
            this.add(id, this.functionOf(c.Function), 'event', `notification ${c.Event} (async)`);
          }
          break;
        case 'AWS::ElasticLoadBalancingV2::TargetGroup':
          if (p.TargetType === 'lambda') {
            for (const t of p.Targets ?? []) this.add(id, this.functionOf(t.Id), 'event', 'ALB target (sync)');
          }
          break;
        case 'AWS::Cognito::UserPool':
          for (const [k, v] of Object.entries<any>(p.LambdaConfig ?? {})) this.add(id, this.functionOf(v?.LambdaArn ?? v), 'event', `trigger ${k} (sync, 5 s)`);
          break;
        case 'AWS::Logs::SubscriptionFilter':
          this.add(refOf(p.LogGroupName) ?? id, this.functionOf(p.DestinationArn), 'event', 'subscription filter (async)');
          break;
        case 'AWS::CloudFront::Distribution': {
          const config = p.DistributionConfig ?? {};
          const behaviours = [config.DefaultCacheBehavior, ...(Array.isArray(config.CacheBehaviors) ? config.CacheBehaviors : [])];
          for (const b of behaviours) {
            for (const a of b?.LambdaFunctionAssociations ?? []) {
              this.add(id, this.functionOf(a.LambdaFunctionARN), 'event', `Lambda@Edge ${a.EventType} (sync)`);
            }
          }
          break;
        }
        case 'AWS::Lambda::Url':
          this.add(id, this.functionOf(p.TargetFunctionArn), 'event', `URL, auth ${p.AuthType} (sync)`);
          break;
        default:
          break;
      }
    }
  }

  /** API Gateway invokes a function through a permission scoped to its API. */
  private permissionEdge(p: Record<string, any>): void {
    const fn = this.functionOf(p.FunctionName);
    if (p.Principal !== 'apigateway.amazonaws.com') return;
    const api = this.findRef(p.SourceArn, ['AWS::ApiGateway::RestApi', 'AWS::ApiGatewayV2::Api']);
    this.add(api, fn, 'event', 'API Gateway (sync)');
  }

  private findRef(value: unknown, types: string[]): string | undefined {
    const text = JSON.stringify(value ?? '');
    return Object.keys(this.resources).find(id => types.includes(this.resources[id].Type) && text.includes(`"${id}"`));
  }
}
