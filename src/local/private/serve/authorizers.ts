import { FrontDoor, Route } from './front-doors';
import { gatewayAnswer, HttpResult } from './integration-responses';
import { HttpRequest, RouteMatch } from './match';
import { InvokeOutcome } from '../types';

/**
 * Lambda authorizers, as API Gateway runs them before the integration: REST API TOKEN and REQUEST
 * authorizers (an IAM policy back) and HTTP API REQUEST authorizers (payload 1.0 or 2.0, IAM policy or
 * simple `{ isAuthorized, context }` responses). Results are not cached: every request runs the authorizer.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-use-lambda-authorizer.html
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
 */

type Event = Record<string, unknown>;

/** Let through with the authorizer's context for the integration event, or answered by the gateway. */
export type AuthDecision =
  | { readonly allowed: true; readonly context?: Record<string, unknown> }
  | { readonly allowed: false; readonly answer: HttpResult };

/** The value of an identity source (`method.request.header.X`, `$request.querystring.x`, ...), or undefined. */
function identityValue(source: string, req: HttpRequest): string | undefined {
  const m = /^(?:method\.request|\$request)\.(header|querystring)\.(.+)$/.exec(source);
  if (!m) return undefined;
  if (m[1] === 'header') return req.headers.find(([k]) => k.toLowerCase() === m[2].toLowerCase())?.[1];
  return new URLSearchParams(req.query).get(m[2]) ?? undefined;
}

function wildcardArn(pattern: string, arn: string): boolean {
  return new RegExp(`^${pattern.split('*').map(p => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(arn);
}

/** IAM policy evaluation for one `execute-api:Invoke` on `arn`: an explicit Deny wins, else an Allow is needed. */
function policyDecision(policy: any, arn: string): 'allow' | 'deny' | 'none' {
  const statements = Array.isArray(policy?.Statement) ? policy.Statement : policy?.Statement ? [policy.Statement] : [];
  const applies = (s: any): boolean => {
    const actions = ([] as string[]).concat(s.Action ?? []);
    const resources = ([] as string[]).concat(s.Resource ?? []);
    return actions.some(a => a === '*' || wildcardArn(a, 'execute-api:Invoke')) && resources.some(r => wildcardArn(r, arn));
  };
  if (statements.some((s: any) => s.Effect === 'Deny' && applies(s))) return 'deny';
  return statements.some((s: any) => s.Effect === 'Allow' && applies(s)) ? 'allow' : 'none';
}

/** API Gateway's 401 (no identity, or the authorizer said `Unauthorized`). */
export function unauthorized(): AuthDecision & { allowed: false } {
  return { allowed: false, answer: gatewayAnswer(401, { message: 'Unauthorized' }, [['x-amzn-ErrorType', 'UnauthorizedException']]) };
}

function forbidden(door: FrontDoor, explicit: boolean): AuthDecision {
  if (door.kind === 'http-api') return { allowed: false, answer: gatewayAnswer(403, { message: 'Forbidden' }) };
  const message = explicit ? 'User is not authorized to access this resource with an explicit deny' : 'User is not authorized to access this resource';
  return { allowed: false, answer: gatewayAnswer(403, { Message: message }, [['x-amzn-ErrorType', 'AccessDeniedException']]) };
}

/** The ARN the authorizer is asked about (REST methodArn / HTTP API routeArn). */
export function methodArn(door: FrontDoor, apiId: string, req: HttpRequest, path: string): string {
  return `arn:aws:execute-api:${door.stack.region}:${door.stack.account}:${apiId}/${door.stage ?? '$default'}/${req.method}${path}`;
}

/** The authorizer's event: TOKEN, or REQUEST built on the integration's own event (`requestEvent`). */
export function authorizerEvent(route: Route, req: HttpRequest, arn: string, requestEvent: Event): Event | undefined {
  const values = route.auth.identitySource.map(s => identityValue(s, req));
  if (values.some(v => v === undefined || v === '')) return undefined; // API Gateway answers 401 without calling it
  if (route.auth.authorizerType === 'TOKEN') return { type: 'TOKEN', authorizationToken: values[0], methodArn: arn };
  if (route.auth.payloadFormat === '2.0') return { ...requestEvent, type: 'REQUEST', routeArn: arn, identitySource: values };
  return { ...requestEvent, type: 'REQUEST', methodArn: arn };
}

/** Reads the authorizer's answer: let the request through (with the context the integration sees) or answer it. */
export function authorizerDecision(door: FrontDoor, route: Route, outcome: InvokeOutcome, arn: string): AuthDecision {
  if (outcome.errorType) {
    if (outcome.errorMessage === 'Unauthorized') return unauthorized();
    return { allowed: false, answer: gatewayAnswer(500, { message: null }, [['x-amzn-ErrorType', 'AuthorizerConfigurationException']]) };
  }
  let r: any;
  try {
    r = JSON.parse(outcome.payload);
  } catch {
    r = undefined;
  }
  if (door.kind === 'http-api' && route.auth.simpleResponses && r && typeof r.isAuthorized === 'boolean') {
    return r.isAuthorized ? { allowed: true, context: { lambda: r.context ?? {} } } : forbidden(door, false);
  }
  const decision = policyDecision(r?.policyDocument, arn);
  if (decision !== 'allow') return forbidden(door, decision === 'deny');
  const context = { ...(r.context ?? {}), principalId: r.principalId };
  return { allowed: true, context: door.kind === 'http-api' && route.payloadFormat === '2.0' ? { lambda: r.context ?? {}, principalId: r.principalId } : { ...context, integrationLatency: 0 } };
}

/** Whether the matched route runs a Lambda authorizer locally. */
export function runsAuthorizer(match: RouteMatch): boolean {
  return match.route.auth.type === 'CUSTOM' && match.route.auth.functionId !== undefined;
}
