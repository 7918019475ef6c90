import { env, SAMPLE, Stamp } from './common';
import { httpBody, lower, multi, restProxyRequest } from './http';
import { HttpSampleOptions } from '../options';

/**
 * An API Gateway REST API proxy event (payload format 1.0).
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html#api-gateway-simple-proxy-for-lambda-input-format
 */
export function apiGatewayRestEvent(options: HttpSampleOptions, stamp: Stamp = SAMPLE): any {
  const { account } = env(options);
  const method = options.method ?? 'GET';
  const path = options.path ?? '/';
  const headers = options.headers ?? { 'Accept': '*/*', 'Host': 'abc123.execute-api.us-east-1.amazonaws.com', 'X-Forwarded-Proto': 'https' };
  const query = options.query;
  return {
    ...restProxyRequest(method, path, headers, query),
    pathParameters: path === '/' ? null : { proxy: path.replace(/^\//, '') },
    stageVariables: null,
    requestContext: {
      accountId: account,
      apiId: 'abc123',
      resourceId: 'res123',
      resourcePath: '/{proxy+}',
      stage: 'prod',
      httpMethod: method,
      path: `/prod${path}`,
      protocol: 'HTTP/1.1',
      requestId: stamp.id('apigw', method, path),
      requestTime: clfTime(stamp),
      requestTimeEpoch: stamp.at,
      identity: { sourceIp: '203.0.113.10', userAgent: 'curl/8.0.0', accountId: null, caller: null, user: null, userArn: null },
    },
    ...httpBody(options, 'null'),
  };
}

/**
 * An Application Load Balancer request to a Lambda target, with single-value or multi-value headers.
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html
 */
export function albEvent(options: HttpSampleOptions): any {
  const { account, region } = env(options);
  const headers = lower(options.headers ?? { 'accept': '*/*', 'host': `blueprint-alb-123456789.${region}.elb.amazonaws.com`, 'x-forwarded-proto': 'https' });
  const query = options.query ?? {};
  const head = {
    requestContext: { elb: { targetGroupArn: `arn:aws:elasticloadbalancing:${region}:${account}:targetgroup/lambda-target/0123456789abcdef` } },
    httpMethod: options.method ?? 'GET',
    path: options.path ?? '/',
  };
  const values = options.multiValueHeaders
    ? { multiValueQueryStringParameters: multi(query), multiValueHeaders: multi(headers) }
    : { queryStringParameters: query, headers };
  return { ...head, ...values, ...httpBody(options, 'empty') };
}

/**
 * A Lambda function URL request (payload format 2.0).
 * @see https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html#urls-payloads
 */
export function functionUrlEvent(options: HttpSampleOptions, stamp: Stamp = SAMPLE): any {
  const { account, region } = env(options);
  const method = options.method ?? 'GET';
  const path = options.path ?? '/';
  const domain = `abcdefghijklmnopqrstuvwxyz012345.lambda-url.${region}.on.aws`;
  const headers = lower(options.headers ?? { accept: '*/*', host: domain });
  const query = options.query;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: query ? new URLSearchParams(query).toString() : '',
    headers,
    ...(query ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: account,
      apiId: 'abcdefghijklmnopqrstuvwxyz012345',
      domainName: domain,
      domainPrefix: 'abcdefghijklmnopqrstuvwxyz012345',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.10', userAgent: headers['user-agent'] ?? 'curl/8.0.0' },
      requestId: stamp.id('url', method, path),
      routeKey: '$default',
      stage: '$default',
      time: clfTime(stamp),
      timeEpoch: stamp.at,
    },
    ...httpBody(options, 'absent'),
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A time as API Gateway and function URLs write it (`01/Jan/2025:00:00:00 +0000`). */
function clfTime(stamp: Stamp): string {
  const d = new Date(stamp.at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}
