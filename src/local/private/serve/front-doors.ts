import { CfnResource, StackArtifact } from '../assembly';
import { targetOf } from '../sources';

/** What authorizes a route, as the template configures it. */
export interface RouteAuth {
  /** `NONE`, `AWS_IAM`, `COGNITO_USER_POOLS`, `JWT` or `CUSTOM` (a Lambda authorizer). */
  readonly type: string;
  /** A Lambda authorizer: its function's logical id (undefined when the function is not in the assembly). */
  readonly functionId?: string;
  /** REST API: `TOKEN` or `REQUEST`; HTTP API: `REQUEST`. */
  readonly authorizerType?: string;
  /** Where the identity comes from, e.g. `method.request.header.Authorization` or `$request.header.Authorization`. */
  readonly identitySource: string[];
  /** HTTP API: the authorizer's payload format (`1.0` or `2.0`). */
  readonly payloadFormat?: string;
  /** HTTP API: simple `{ isAuthorized, context }` responses. */
  readonly simpleResponses?: boolean;
}

/** One route of a front door: which requests reach which function, and how. */
export interface Route {
  /** `ANY` or a method. */
  readonly method: string;
  /** The route's path template (`/items/{id}`, `/{proxy+}`), or `$default` (HTTP API catch-all). */
  readonly path: string;
  /** The function's logical id, or undefined when the integration is not a local Lambda function. */
  readonly functionId?: string;
  /** Why the route cannot be served locally (a mock or HTTP integration, an imported function). */
  readonly unsupported?: string;
  /** Payload format: `1.0` (REST and HTTP API v1) or `2.0` (HTTP API v2, Function URL). */
  readonly payloadFormat: '1.0' | '2.0';
  readonly auth: RouteAuth;
  /** The route's key as API Gateway writes it into the event (`GET /items/{id}`, `$default`). */
  readonly routeKey: string;
  /** The API Gateway resource id (REST). */
  readonly resourceId?: string;
  /** The function's response is streamed (Function URL `RESPONSE_STREAM`, REST integration transfer mode `STREAM`). */
  readonly streaming?: boolean;
}

/** An ALB listener rule (the listener's default action is the last, with no conditions). */
export interface AlbRule {
  readonly priority: number;
  /** Conditions as the template writes them (`Field` + config). */
  readonly conditions: Array<Record<string, any>>;
  /** `forward` to a Lambda target group, `fixed-response` or `redirect`. */
  readonly action: Record<string, any>;
  /** The forwarded-to target group's logical id, function and multi-value setting. */
  readonly targetGroupId?: string;
  readonly functionId?: string;
  readonly multiValueHeaders?: boolean;
  readonly unsupported?: string;
}

/** A front door of the app: a REST API stage, an HTTP API stage, a Function URL or an ALB listener. */
export interface FrontDoor {
  readonly kind: 'rest-api' | 'http-api' | 'function-url' | 'alb';
  /** Logical id of the API, URL or listener. */
  readonly id: string;
  /** Construct path (without `/Resource`). */
  readonly path: string;
  readonly stack: StackArtifact;
  /** The stage (REST and HTTP APIs); `$default` serves at the root. */
  readonly stage?: string;
  readonly routes: Route[];
  readonly albRules: AlbRule[];
  /** Function URL: `RESPONSE_STREAM` or `BUFFERED`. */
  readonly invokeMode?: string;
  /** REST API binary media types. */
  readonly binaryMediaTypes: string[];
  /** What the local front door does not do as AWS would (authorizers not enforced, unsupported integrations). */
  readonly warnings: string[];
}

const FUNCTION_TYPES = ['AWS::Lambda::Function', 'AWS::Lambda::Alias', 'AWS::Lambda::Version'];

/** Every logical id a CloudFormation value refers to (Ref, Fn::GetAtt, inside Fn::Join and Fn::Sub). */
function refsIn(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const v of value) refsIn(v, into);
  } else if (value && typeof value === 'object') {
    const id = targetOf(value);
    if (id && ('Ref' in value || 'Fn::GetAtt' in value)) into.push(id);
    else for (const v of Object.values(value)) refsIn(v, into);
  } else if (typeof value === 'string') {
    for (const m of value.matchAll(/\$\{([A-Za-z0-9]+)(?:\.[A-Za-z]+)?\}/g)) into.push(m[1]);
  }
  return into;
}

/** The function a value (an integration URI, a target id, a URL's target) points at, through aliases and versions. */
export function functionIn(stack: StackArtifact, value: unknown): string | undefined {
  for (const id of refsIn(value)) {
    const r = stack.resources[id];
    if (!r || !FUNCTION_TYPES.includes(r.Type)) continue;
    if (r.Type === 'AWS::Lambda::Function') return id;
    const target = targetOf(r.Properties?.FunctionName);
    if (target && stack.resources[target]?.Type === 'AWS::Lambda::Function') return target;
  }
  return undefined;
}

function trimPath(p: string): string {
  return p.replace(/^\//, '').replace(/\/Resource$/, '');
}

function byRef(stack: StackArtifact, type: string, prop: string, id: string): Array<[string, CfnResource]> {
  return Object.entries(stack.resources).filter(([, r]) => r.Type === type && refsIn(r.Properties?.[prop]).includes(id));
}

/** The REST API's stages, routes and authorizers. */
function restApis(stack: StackArtifact): FrontDoor[] {
  const out: FrontDoor[] = [];
  for (const [apiId, api] of Object.entries(stack.resources).filter(([, r]) => r.Type === 'AWS::ApiGateway::RestApi')) {
    const warnings: string[] = [];
    if (api.Properties?.Body || api.Properties?.BodyS3Location) warnings.push('the API is defined by an OpenAPI document: only its AWS::ApiGateway::Resource/Method resources are served');
    const resources = new Map(byRef(stack, 'AWS::ApiGateway::Resource', 'RestApiId', apiId));
    const pathOf = (resourceRef: unknown): string => {
      const id = targetOf(resourceRef);
      const r = id ? resources.get(id) : undefined;
      if (!r) return '';
      return `${pathOf(r.Properties?.ParentId)}/${r.Properties?.PathPart}`;
    };
    const routes: Route[] = [];
    for (const [, m] of byRef(stack, 'AWS::ApiGateway::Method', 'RestApiId', apiId)) {
      const p = m.Properties ?? {};
      const path = pathOf(p.ResourceId) || '/';
      const integration = p.Integration ?? {};
      const functionId = integration.Type === 'AWS_PROXY' ? functionIn(stack, integration.Uri) : undefined;
      const auth = restAuth(stack, p);
      routes.push({
        method: p.HttpMethod,
        path,
        functionId,
        payloadFormat: '1.0',
        auth,
        routeKey: `${p.HttpMethod} ${path}`,
        resourceId: targetOf(p.ResourceId),
        streaming: integration.ResponseTransferMode === 'STREAM',
        unsupported: functionId ? undefined : unsupportedIntegration(integration.Type, integration.Uri),
      });
    }
    const stages = byRef(stack, 'AWS::ApiGateway::Stage', 'RestApiId', apiId).map(([, s]) => String(s.Properties?.StageName ?? 'prod'));
    for (const stage of stages.length ? stages : ['prod']) {
      out.push({
        kind: 'rest-api',
        id: apiId,
        path: trimPath(stack.pathOf(apiId)),
        stack,
        stage,
        routes,
        albRules: [],
        binaryMediaTypes: api.Properties?.BinaryMediaTypes ?? [],
        warnings: [...warnings, ...authWarnings(routes)],
      });
    }
  }
  return out;
}

function restAuth(stack: StackArtifact, method: Record<string, any>): RouteAuth {
  const type = String(method.AuthorizationType ?? 'NONE');
  const authorizerId = targetOf(method.AuthorizerId);
  const a = authorizerId ? stack.resources[authorizerId]?.Properties ?? {} : {};
  if (type !== 'CUSTOM') return { type, identitySource: [] };
  return {
    type,
    functionId: functionIn(stack, a.AuthorizerUri),
    authorizerType: a.Type ?? 'TOKEN',
    identitySource: String(a.IdentitySource ?? 'method.request.header.Authorization').split(',').map(s => s.trim()),
  };
}

function unsupportedIntegration(type: unknown, uri: unknown): string {
  if (type === 'AWS_PROXY') return `the integration's function (${JSON.stringify(uri)}) is not in the assembly`;
  return `${String(type ?? 'unknown')} integrations are not emulated (only Lambda proxy integrations)`;
}

function authWarnings(routes: Route[]): string[] {
  const out = new Set<string>();
  for (const r of routes) {
    if (['AWS_IAM', 'COGNITO_USER_POOLS', 'JWT'].includes(r.auth.type)) out.add(`${r.routeKey}: ${r.auth.type} authorization is not enforced locally (every request is let through)`);
    if (r.auth.type === 'CUSTOM' && !r.auth.functionId) out.add(`${r.routeKey}: the Lambda authorizer's function is not in the assembly: requests are let through`);
    if (r.unsupported) out.add(`${r.routeKey}: ${r.unsupported}; it answers 502`);
  }
  return [...out];
}

/** HTTP APIs (API Gateway v2, protocol HTTP): routes, integrations, authorizers, stages. */
function httpApis(stack: StackArtifact): FrontDoor[] {
  const out: FrontDoor[] = [];
  for (const [apiId, api] of Object.entries(stack.resources).filter(([, r]) => r.Type === 'AWS::ApiGatewayV2::Api' && r.Properties?.ProtocolType === 'HTTP')) {
    const routes: Route[] = [];
    const integrations = new Map(byRef(stack, 'AWS::ApiGatewayV2::Integration', 'ApiId', apiId));
    if (api.Properties?.Target) {
      // Quick create: one $default route to the target, payload 2.0.
      routes.push(httpRoute(stack, '$default', { IntegrationType: 'AWS_PROXY', IntegrationUri: api.Properties.Target, PayloadFormatVersion: '2.0' }, {}));
    }
    for (const [, r] of byRef(stack, 'AWS::ApiGatewayV2::Route', 'ApiId', apiId)) {
      const integrationId = refsIn(r.Properties?.Target).find(id => integrations.has(id));
      const integration = integrationId ? integrations.get(integrationId)!.Properties ?? {} : {};
      routes.push(httpRoute(stack, String(r.Properties?.RouteKey), integration, r.Properties ?? {}));
    }
    const stages = byRef(stack, 'AWS::ApiGatewayV2::Stage', 'ApiId', apiId).map(([, s]) => String(s.Properties?.StageName ?? '$default'));
    for (const stage of stages.length ? stages : ['$default']) {
      out.push({ kind: 'http-api', id: apiId, path: trimPath(stack.pathOf(apiId)), stack, stage, routes, albRules: [], binaryMediaTypes: [], warnings: authWarnings(routes) });
    }
  }
  return out;
}

function httpRoute(stack: StackArtifact, routeKey: string, integration: Record<string, any>, route: Record<string, any>): Route {
  const [method, path] = routeKey === '$default' ? ['ANY', '$default'] : routeKey.split(/\s+/, 2);
  const functionId = integration.IntegrationType === 'AWS_PROXY' ? functionIn(stack, integration.IntegrationUri) : undefined;
  const type = String(route.AuthorizationType ?? 'NONE');
  const authorizerId = targetOf(route.AuthorizerId);
  const a = authorizerId ? stack.resources[authorizerId]?.Properties ?? {} : {};
  const auth: RouteAuth = type === 'CUSTOM'
    ? {
      type,
      functionId: functionIn(stack, a.AuthorizerUri),
      authorizerType: 'REQUEST',
      identitySource: a.IdentitySource ?? [],
      payloadFormat: a.AuthorizerPayloadFormatVersion ?? '2.0',
      simpleResponses: a.EnableSimpleResponses === true,
    }
    : { type, identitySource: [] };
  return {
    method,
    path,
    functionId,
    auth,
    routeKey,
    payloadFormat: integration.PayloadFormatVersion === '1.0' ? '1.0' : '2.0',
    unsupported: functionId ? undefined : unsupportedIntegration(integration.IntegrationType, integration.IntegrationUri),
  };
}

/** Function URLs. */
function functionUrls(stack: StackArtifact): FrontDoor[] {
  return Object.entries(stack.resources).filter(([, r]) => r.Type === 'AWS::Lambda::Url').map(([id, r]) => {
    const p = r.Properties ?? {};
    const functionId = functionIn(stack, p.TargetFunctionArn);
    const route: Route = {
      method: 'ANY',
      path: '$default',
      functionId,
      payloadFormat: '2.0',
      routeKey: '$default',
      streaming: p.InvokeMode === 'RESPONSE_STREAM',
      auth: { type: p.AuthType === 'AWS_IAM' ? 'AWS_IAM' : 'NONE', identitySource: [] },
      unsupported: functionId ? undefined : 'the URL\'s function is not in the assembly',
    };
    return { kind: 'function-url' as const, id, path: trimPath(stack.pathOf(id)), stack, routes: [route], albRules: [], invokeMode: p.InvokeMode ?? 'BUFFERED', binaryMediaTypes: [], warnings: authWarnings([route]) };
  });
}

/** ALB listeners: their rules by priority, the default action last. */
function albListeners(stack: StackArtifact): FrontDoor[] {
  const out: FrontDoor[] = [];
  for (const [listenerId, l] of Object.entries(stack.resources).filter(([, r]) => r.Type === 'AWS::ElasticLoadBalancingV2::Listener')) {
    const rules: AlbRule[] = byRef(stack, 'AWS::ElasticLoadBalancingV2::ListenerRule', 'ListenerArn', listenerId)
      .map(([, r]) => albRule(stack, Number(r.Properties?.Priority ?? 50000), r.Properties?.Conditions ?? [], r.Properties?.Actions ?? []))
      .sort((a, b) => a.priority - b.priority);
    rules.push(albRule(stack, Number.MAX_SAFE_INTEGER, [], l.Properties?.DefaultActions ?? []));
    const warnings = rules.filter(r => r.unsupported).map(r => `rule ${r.priority === Number.MAX_SAFE_INTEGER ? 'default' : r.priority}: ${r.unsupported}; it answers 502`);
    out.push({ kind: 'alb', id: listenerId, path: trimPath(stack.pathOf(listenerId)), stack, routes: [], albRules: rules, binaryMediaTypes: [], warnings });
  }
  return out;
}

function albRule(stack: StackArtifact, priority: number, conditions: Array<Record<string, any>>, actions: Array<Record<string, any>>): AlbRule {
  // The last action answers (authenticate-* actions come first and are not emulated).
  const action = [...actions].sort((a, b) => (a.Order ?? 0) - (b.Order ?? 0)).filter(a => !String(a.Type).startsWith('authenticate')).pop() ?? {};
  if (action.Type !== 'forward') return { priority, conditions, action, unsupported: ['fixed-response', 'redirect'].includes(action.Type) ? undefined : `${action.Type} actions are not emulated` };
  const weighted: Array<Record<string, any>> | undefined = action.ForwardConfig?.TargetGroups;
  const groups: unknown[] = weighted?.filter(g => g.Weight !== 0).map(g => g.TargetGroupArn) ?? [action.TargetGroupArn];
  const targetGroupId = groups.map(g => targetOf(g)).find(id => id && stack.resources[id]?.Type === 'AWS::ElasticLoadBalancingV2::TargetGroup');
  const tg = targetGroupId ? stack.resources[targetGroupId].Properties ?? {} : {};
  if (tg.TargetType !== 'lambda') return { priority, conditions, action, targetGroupId, unsupported: `target group ${targetGroupId ?? '(not in the assembly)'} has ${tg.TargetType ?? 'no'} targets (only Lambda targets are emulated)` };
  const functionId = functionIn(stack, (tg.Targets ?? []).map((t: any) => t.Id));
  const multiValueHeaders = (tg.TargetGroupAttributes ?? []).some((a: any) => a.Key === 'lambda.multi_value_headers.enabled' && String(a.Value) === 'true');
  return { priority, conditions, action, targetGroupId, functionId, multiValueHeaders, unsupported: functionId ? undefined : `target group ${targetGroupId}'s function is not in the assembly` };
}

/** Every front door of the stacks: REST API stages, HTTP API stages, Function URLs and ALB listeners. */
export function readFrontDoors(stacks: StackArtifact[]): FrontDoor[] {
  return stacks.flatMap(s => [...restApis(s), ...httpApis(s), ...functionUrls(s), ...albListeners(s)]);
}
