import { createHash, randomUUID } from 'crypto';
import { AlbRule, FrontDoor } from './front-doors';
import { HttpRequest, RouteMatch } from './match';

/**
 * The events each front door sends to a Lambda function for a request, as AWS documents them: API Gateway
 * REST proxy integrations and HTTP API payload format 1.0, HTTP API payload format 2.0, Function URLs (2.0)
 * and ALB Lambda targets (single- or multi-value headers).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 * @see https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html
 */

/** An event, as a JSON object. */
type Event = Record<string, unknown>;

const TEXT_TYPES = [/^text\//, /[/+]json\b/, /[/+]xml\b/, /^application\/(javascript|x-www-form-urlencoded|yaml|graphql)\b/];

/** Whether a body of this content type travels as text (else base64). */
export function isTextual(type: string | undefined): boolean {
  return type !== undefined && TEXT_TYPES.some(re => re.test(type.toLowerCase()));
}

/** A short, stable id for an API or URL (what AWS shows as the API id / URL id). */
export function localId(door: FrontDoor): string {
  return createHash('sha256').update(`${door.stack.name}/${door.id}`).digest('hex').replace(/[^a-z]/g, '').slice(0, 10).padEnd(10, 'x');
}

function single(pairs: Array<[string, string]>, lower: boolean): Record<string, string> {
  return Object.fromEntries(pairs.map(([k, v]) => [lower ? k.toLowerCase() : k, v]));
}

function multiple(pairs: Array<[string, string]>, lower: boolean): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of pairs) (out[lower ? k.toLowerCase() : k] ??= []).push(v);
  return out;
}

/** Query pairs: decoded (API Gateway) or as sent (ALB). */
function queryPairs(query: string, decoded: boolean): Array<[string, string]> {
  if (!query) return [];
  if (decoded) return [...new URLSearchParams(query).entries()];
  return query.split('&').filter(p => p !== '').map(p => {
    const i = p.indexOf('=');
    return (i < 0 ? [p, ''] : [p.slice(0, i), p.slice(i + 1)]) as [string, string];
  });
}

function contentType(req: HttpRequest): string | undefined {
  return req.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1];
}

function mediaTypeMatches(type: string | undefined, patterns: string[]): boolean {
  if (!type) return false;
  const t = type.split(';')[0].trim().toLowerCase();
  return patterns.some(p => {
    const [pt, ps] = p.replace(/~1/g, '/').toLowerCase().split('/');
    const [tt, ts] = t.split('/');
    return (pt === '*' || pt === tt) && (ps === '*' || ps === ts);
  });
}

function restTime(d: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

function userAgent(req: HttpRequest): string {
  return req.headers.find(([k]) => k.toLowerCase() === 'user-agent')?.[1] ?? '';
}

function host(req: HttpRequest, door: FrontDoor): string {
  return req.headers.find(([k]) => k.toLowerCase() === 'host')?.[1] ?? `${localId(door)}.local`;
}

/** Payload format 1.0: REST API proxy integrations and HTTP API integrations with format 1.0. */
export function payloadV1(door: FrontDoor, match: RouteMatch, req: HttpRequest, path: string, authorizer?: Event): Event {
  const now = new Date();
  const query = queryPairs(req.query, true);
  const binary = door.kind === 'rest-api' ? mediaTypeMatches(contentType(req), door.binaryMediaTypes) : !isTextual(contentType(req));
  const stage = door.stage ?? '$default';
  const { route } = match;
  const resource = route.path === '$default' ? '$default' : route.path;
  return {
    ...(door.kind === 'http-api' ? { version: '1.0' } : {}),
    resource,
    path,
    httpMethod: req.method,
    headers: single(req.headers, false),
    multiValueHeaders: multiple(req.headers, false),
    queryStringParameters: query.length ? single(query, false) : null,
    multiValueQueryStringParameters: query.length ? multiple(query, false) : null,
    pathParameters: Object.keys(match.pathParameters).length ? match.pathParameters : null,
    stageVariables: null,
    requestContext: {
      accountId: door.stack.account,
      apiId: localId(door),
      ...(authorizer ? { authorizer } : {}),
      domainName: host(req, door),
      domainPrefix: localId(door),
      extendedRequestId: randomUUID(),
      httpMethod: req.method,
      identity: {
        accessKey: null,
        accountId: null,
        caller: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: req.sourceIp,
        user: null,
        userAgent: userAgent(req),
        userArn: null,
      },
      path: stage === '$default' ? path : `/${stage}${path}`,
      protocol: 'HTTP/1.1',
      requestId: randomUUID(),
      requestTime: restTime(now),
      requestTimeEpoch: now.getTime(),
      resourceId: route.resourceId ?? route.routeKey,
      resourcePath: resource,
      ...(door.kind === 'http-api' ? { routeKey: route.routeKey } : {}),
      stage,
    },
    body: req.body.length ? req.body.toString(binary ? 'base64' : 'utf-8') : null,
    isBase64Encoded: binary && req.body.length > 0,
  };
}

/** Payload format 2.0: HTTP API integrations and Function URLs. */
export function payloadV2(door: FrontDoor, match: RouteMatch, req: HttpRequest, path: string, authorizer?: Event): Event {
  const now = new Date();
  const cookies = req.headers.filter(([k]) => k.toLowerCase() === 'cookie').flatMap(([, v]) => v.split(/;\s*/)).filter(c => c !== '');
  const headerPairs = req.headers.filter(([k]) => k.toLowerCase() !== 'cookie');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(multiple(headerPairs, true))) headers[k] = v.join(',');
  const query: Record<string, string> = {};
  for (const [k, v] of Object.entries(multiple(queryPairs(req.query, true), false))) query[k] = v.join(',');
  const url = door.kind === 'function-url';
  const binary = !isTextual(contentType(req));
  const { route } = match;
  return {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath: url || door.stage === '$default' ? path : `/${door.stage}${path}`,
    rawQueryString: req.query,
    ...(cookies.length ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: url ? 'anonymous' : door.stack.account,
      apiId: localId(door),
      ...(authorizer ? { authorizer } : {}),
      domainName: host(req, door),
      domainPrefix: localId(door),
      http: { method: req.method, path: url || door.stage === '$default' ? path : `/${door.stage}${path}`, protocol: 'HTTP/1.1', sourceIp: req.sourceIp, userAgent: userAgent(req) },
      requestId: randomUUID(),
      routeKey: route.routeKey,
      stage: door.stage ?? '$default',
      time: restTime(now),
      timeEpoch: now.getTime(),
    },
    ...(Object.keys(match.pathParameters).length ? { pathParameters: match.pathParameters } : {}),
    ...(req.body.length ? { body: req.body.toString(binary ? 'base64' : 'utf-8') } : {}),
    isBase64Encoded: binary && req.body.length > 0,
  };
}

/** The event an ALB sends to a Lambda target. */
export function albPayload(door: FrontDoor, rule: AlbRule, req: HttpRequest): Record<string, unknown> {
  const query = queryPairs(req.query, false);
  const binary = req.body.length > 0 && !isTextual(contentType(req));
  const targetGroupArn = `arn:aws:elasticloadbalancing:${door.stack.region}:${door.stack.account}:targetgroup/${rule.targetGroupId}/${localId(door)}`;
  const head = rule.multiValueHeaders
    ? { multiValueHeaders: multiple(req.headers, true), multiValueQueryStringParameters: multiple(query, false) }
    : { headers: single(req.headers, true), queryStringParameters: single(query, false) };
  return {
    requestContext: { elb: { targetGroupArn } },
    httpMethod: req.method,
    path: req.path,
    ...head,
    body: req.body.toString(binary ? 'base64' : 'utf-8'),
    isBase64Encoded: binary,
  };
}
