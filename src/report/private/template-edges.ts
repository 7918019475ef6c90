/**
 * The event graph of a template: what invokes each function and where its failed (or successful) events
 * go, read from the resources' properties.
 */
import { refOf } from './template-json';
import { EdgeKind, EventEdge } from '../../rules/private/event-graph';
import { ResourceIndex } from '../../rules/private/template-index';

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

/** The resource types whose properties carry edges of the event graph. */
export const EDGE_TYPES: ReadonlySet<string> = new Set([
  'AWS::Lambda::Function', 'AWS::Lambda::EventSourceMapping', 'AWS::SQS::Queue', 'AWS::Lambda::EventInvokeConfig',
  'AWS::SNS::Subscription', 'AWS::Events::Rule', 'AWS::Lambda::Permission', 'Custom::S3BucketNotifications',
  'AWS::S3::Bucket', 'AWS::ElasticLoadBalancingV2::TargetGroup', 'AWS::Cognito::UserPool',
  'AWS::Logs::SubscriptionFilter', 'AWS::CloudFront::Distribution', 'AWS::Lambda::Url',
]);

/** Collects the edges of the event graph from a template's resources. */
class EdgeCollector {
  public readonly edgeList: EventEdge[] = [];

  constructor(private readonly index: ResourceIndex) {}

  public collectEdges(): void {
    for (const r of this.index.all) {
      // Only the types below carry edges: the others' properties are never read (a lazily rendered
      // resource, as the dashboard's live model gives, is then never rendered).
      if (!EDGE_TYPES.has(r.type)) continue;
      const id = r.logicalId;
      const p = r.properties;
      switch (r.type) {
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

  private add(from: string | undefined, to: string | undefined, kind: EdgeKind, label: string): void {
    if (!from || !to) return;
    if (this.edgeList.some(e => e.from === from && e.to === to && e.kind === kind && e.label === label)) return;
    this.edgeList.push({ from, to, kind, label });
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
    return this.index.all.find(e => types.includes(e.type) && text.includes(`"${e.logicalId}"`))?.logicalId;
  }

  /** The function a reference (function, version or alias) points to, by logical id. */
  private functionOf(value: unknown): string | undefined {
    return this.index.functionOf(value)?.logicalId;
  }
}

/** Every edge of the event graph of a template's resources, each once. */
export function collectEdges(index: ResourceIndex): EventEdge[] {
  const collector = new EdgeCollector(index);
  collector.collectEdges();
  return collector.edgeList;
}
