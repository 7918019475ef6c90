import { FunctionRef } from './assembly';

/** How the template connects a trigger to a function. */
export interface SourceBinding {
  /** Trigger kind, as in `EVENT_KINDS`. */
  readonly kind: string;
  /** Logical id of the queue, stream, table, bucket, topic, rule, target group, API or URL. */
  readonly sourceId: string;
  /** The event source mapping's properties (queue and stream sources). */
  readonly mapping?: Record<string, any>;
  /** The source resource's properties. */
  readonly sourceProps: Record<string, any>;
}

/** The asynchronous invocation settings of a function (EventInvokeConfig + DeadLetterConfig). */
export interface AsyncConfig {
  readonly maxRetries: number;
  readonly onSuccess?: string;
  readonly onFailure?: string;
  readonly deadLetter?: string;
}

const PRINCIPAL_KINDS: Record<string, string> = {
  's3.amazonaws.com': 's3',
  'sns.amazonaws.com': 'sns',
  'events.amazonaws.com': 'eventbridge',
  'apigateway.amazonaws.com': 'apigateway',
  'logs.amazonaws.com': 'cloudwatch-logs',
  'cognito-idp.amazonaws.com': 'cognito',
};

const MAPPING_KINDS: Record<string, string> = {
  'AWS::SQS::Queue': 'sqs',
  'AWS::Kinesis::Stream': 'kinesis',
  'AWS::DynamoDB::Table': 'dynamodb',
  'AWS::DynamoDB::GlobalTable': 'dynamodb',
};

/** The logical id a `{Ref}` / `{Fn::GetAtt}` points at, or the string itself. */
export function targetOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const v = value as Record<string, any> | undefined;
  if (v?.Ref) return v.Ref;
  if (Array.isArray(v?.['Fn::GetAtt'])) return v!['Fn::GetAtt'][0];
  if (typeof v?.['Fn::GetAtt'] === 'string') return v!['Fn::GetAtt'].split('.')[0];
  // An alias's function name as aws-cdk-lib renders it for a mapping: {Fn::Join: ['', [{Fn::Select: [6,
  // {Fn::Split: [':', {Ref: Alias}]}]}, ':live']]}: the resource the first part refers to.
  if (Array.isArray(v?.['Fn::Select'])) return targetOf(v!['Fn::Select'][1]);
  if (Array.isArray(v?.['Fn::Split'])) return targetOf(v!['Fn::Split'][1]);
  if (Array.isArray(v?.['Fn::Join']?.[1])) {
    for (const part of v!['Fn::Join'][1]) {
      const found = typeof part === 'object' ? targetOf(part) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

/** Whether a FunctionName/FunctionArn value points at the function (directly, or through a version or alias). */
function pointsAt(fn: FunctionRef, value: unknown): boolean {
  const id = targetOf(value);
  if (!id) return false;
  if (id === fn.logicalId) return true;
  const r = fn.stack.resources[id];
  if (r?.Type === 'AWS::Lambda::Alias' || r?.Type === 'AWS::Lambda::Version') return targetOf(r.Properties?.FunctionName) === fn.logicalId;
  return false;
}

/** The triggers of a function, as the template wires them. */
export function findSources(fn: FunctionRef): SourceBinding[] {
  const resources = fn.stack.resources;
  const out: SourceBinding[] = [];
  for (const [id, r] of Object.entries(resources)) {
    const p = r.Properties ?? {};
    if (r.Type === 'AWS::Lambda::EventSourceMapping' && pointsAt(fn, p.FunctionName)) {
      const sourceId = targetOf(p.EventSourceArn) ?? id;
      const kind = MAPPING_KINDS[resources[sourceId]?.Type ?? ''] ?? 'unknown';
      out.push({ kind, sourceId, mapping: p, sourceProps: resources[sourceId]?.Properties ?? {} });
    } else if (r.Type === 'AWS::Lambda::Permission' && pointsAt(fn, p.FunctionName) && PRINCIPAL_KINDS[p.Principal]) {
      const sourceId = targetOf(p.SourceArn) ?? id;
      out.push({ kind: PRINCIPAL_KINDS[p.Principal], sourceId, sourceProps: resources[sourceId]?.Properties ?? {} });
    } else if (r.Type === 'AWS::ElasticLoadBalancingV2::TargetGroup' && (p.Targets ?? []).some((t: any) => pointsAt(fn, t.Id))) {
      out.push({ kind: 'alb', sourceId: id, sourceProps: p });
    } else if (r.Type === 'AWS::Lambda::Url' && pointsAt(fn, p.TargetFunctionArn)) {
      out.push({ kind: 'function-url', sourceId: id, sourceProps: p });
    }
  }
  // One trigger per source (an SNS topic or a bucket may carry several permissions).
  return out.filter((s, i) => out.findIndex(o => o.kind === s.kind && o.sourceId === s.sourceId) === i);
}

/** Retries and destinations of asynchronous invocations (Lambda's defaults without an EventInvokeConfig). */
export function asyncConfig(fn: FunctionRef, defaultRetries: number): AsyncConfig {
  const props = fn.stack.resources[fn.logicalId].Properties ?? {};
  const deadLetter = targetOf(props.DeadLetterConfig?.TargetArn);
  for (const r of Object.values(fn.stack.resources)) {
    const p = r.Properties ?? {};
    if (r.Type === 'AWS::Lambda::EventInvokeConfig' && pointsAt(fn, p.FunctionName)) {
      return {
        maxRetries: typeof p.MaximumRetryAttempts === 'number' ? p.MaximumRetryAttempts : defaultRetries,
        onSuccess: targetOf(p.DestinationConfig?.OnSuccess?.Destination),
        onFailure: targetOf(p.DestinationConfig?.OnFailure?.Destination),
        deadLetter,
      };
    }
  }
  return { maxRetries: defaultRetries, deadLetter };
}
