import { synthApp } from './helpers';
import { frontDoorsApp } from './serve-fixtures';
import { FrontDoor } from '../../src/local/private/serve/front-doors';
import { Gateway, GatewayResult } from '../../src/local/private/serve/gateway';

// The local front doors (`serve`, `LocalApi`): routing as the template configures it, the events each
// integration sends, the answers mapped back, and Lambda authorizers.

let gateway: Gateway;
beforeAll(() => { gateway = Gateway.open(synthApp(frontDoorsApp)); });
afterAll(() => gateway.dispose());

function door(kind: FrontDoor['kind']): FrontDoor {
  return gateway.doors.find(d => d.kind === kind)!;
}

interface Sent { readonly query?: string; readonly headers?: Array<[string, string]>; readonly body?: Buffer | string }

function send(kind: FrontDoor['kind'], method: string, path: string, r: Sent = {}): Promise<GatewayResult> {
  const body = typeof r.body === 'string' ? Buffer.from(r.body) : r.body ?? Buffer.alloc(0);
  return gateway.handle(door(kind), { method, path, query: r.query ?? '', headers: [['Host', 'localhost:3000'], ...(r.headers ?? [])], body, sourceIp: '127.0.0.1' });
}

/** The event the echo handler received, and the process it ran in. */
function echoed(result: GatewayResult): { event: any; pid: number } {
  expect(result.statusCode).toBe(200);
  return JSON.parse(result.body.toString());
}

test('every front door of the template is found, with its routes, and what is not emulated is said', () => {
  expect(gateway.doors.map(d => `${d.kind} ${d.path} ${d.stage ?? ''}`.trim())).toEqual([
    'rest-api Doors/Rest v1', 'http-api Doors/Http $default', 'function-url Doors/Echo/FunctionUrl', 'alb Doors/Alb/Http',
  ]);
  expect(gateway.routeTable(door('rest-api'))).toEqual([
    'GET / -> Doors/Echo', 'GET /items -> Doors/Echo', 'GET /items/{id} -> Doors/Echo [CUSTOM authorizer runs]',
    'POST /items/{id} -> Doors/Echo', 'ANY /{proxy+} -> Doors/Echo', 'GET /mock -> (not local)',
  ]);
  expect(gateway.routeTable(door('alb'))).toEqual(['rule 5: forward -> Doors/Echo', 'rule 10: forward -> Doors/Echo', 'rule 20: redirect', 'default: fixed-response']);
  expect(gateway.warnings).toContain('rest-api Doors/Rest (stage v1): GET /mock: MOCK integrations are not emulated (only Lambda proxy integrations); it answers 502');
});

describe('REST API (payload 1.0, stage in the path)', () => {
  test('the most specific resource wins; path parameters, multi-value query and headers; the stage in requestContext.path', async () => {
    const { event } = echoed(await send('rest-api', 'POST', '/v1/items/a%20b', { query: 'tag=x&tag=y', headers: [['X-Trace', '1'], ['X-Trace', '2']], body: '{"n":1}' }));
    expect(event).toEqual(expect.objectContaining({
      resource: '/items/{id}',
      path: '/items/a%20b',
      httpMethod: 'POST',
      pathParameters: { id: 'a b' },
      queryStringParameters: { tag: 'y' },
      multiValueQueryStringParameters: { tag: ['x', 'y'] },
      body: '{"n":1}',
      isBase64Encoded: false,
      stageVariables: null,
    }));
    expect([event.headers['X-Trace'], event.multiValueHeaders['X-Trace']]).toEqual(['2', ['1', '2']]);
    expect(event.requestContext).toEqual(expect.objectContaining({ stage: 'v1', path: '/v1/items/a%20b', resourcePath: '/items/{id}', httpMethod: 'POST', accountId: '111111111111' }));
    expect(echoed(await send('rest-api', 'GET', '/v1/deep/er/path')).event).toEqual(expect.objectContaining({ resource: '/{proxy+}', pathParameters: { proxy: 'deep/er/path' } }));
    expect(echoed(await send('rest-api', 'GET', '/v1')).event).toEqual(expect.objectContaining({ resource: '/', path: '/', pathParameters: null, body: null }));
  });

  test('the answer: headers and multiValueHeaders merged; binary media types both ways; errors and bad answers are 502', async () => {
    const ok = await send('rest-api', 'GET', '/v1/items');
    expect(ok.headers).toEqual([['x-multi', 'a'], ['x-multi', 'b'], ['content-type', 'application/json'], ['x-echo', '1']]);
    const png = Buffer.from([137, 80, 78, 71, 0, 255]);
    const sent = echoed(await send('rest-api', 'POST', '/v1/items/1', { headers: [['Content-Type', 'image/png']], body: png })).event;
    expect([sent.isBase64Encoded, Buffer.from(sent.body, 'base64')]).toEqual([true, png]);
    const binary = await send('rest-api', 'GET', '/v1/items', { query: 'mode=binary' });
    expect([binary.statusCode, [...binary.body]]).toEqual([201, [0, 1, 2, 255]]);
    for (const mode of ['throw', 'raw']) {
      const failed = await send('rest-api', 'GET', '/v1/items', { query: `mode=${mode}` });
      expect([failed.statusCode, JSON.parse(failed.body.toString())]).toEqual([502, { message: 'Internal server error' }]);
    }
    expect((await send('rest-api', 'GET', '/v1/mock')).statusCode).toBe(502);
  });

  test('outside the stage, or no resource: 403 Missing Authentication Token', async () => {
    for (const path of ['/items', '/v2/items']) {
      const r = await send('rest-api', 'GET', path);
      expect([r.statusCode, JSON.parse(r.body.toString()), r.functionPath]).toEqual([403, { message: 'Missing Authentication Token' }, undefined]);
    }
  });

  test('a TOKEN authorizer runs: Allow passes its context, Deny is 403, no token or "Unauthorized" is 401, a failing authorizer 500', async () => {
    const allowed = await send('rest-api', 'GET', '/v1/items/7', { headers: [['Authorization', 'allow']] });
    expect(echoed(allowed).event.requestContext.authorizer).toEqual({ principalId: 'user-1', user: 'alice', integrationLatency: 0 });
    expect(allowed.logs.filter(l => l.startsWith('REPORT RequestId:'))).toHaveLength(2); // the authorizer's and the function's
    const answers = await Promise.all([['deny'], ['throw'], ['bad'], []].map(h => send('rest-api', 'GET', '/v1/items/7', { headers: h.map(v => ['Authorization', v] as [string, string]) })));
    expect(answers.map(a => [a.statusCode, JSON.parse(a.body.toString())])).toEqual([
      [403, { Message: 'User is not authorized to access this resource with an explicit deny' }],
      [401, { message: 'Unauthorized' }],
      [500, { message: null }],
      [401, { message: 'Unauthorized' }],
    ]);
    expect(answers[3].logs).toEqual([]); // no token: API Gateway answers without calling the authorizer
  });
});

describe('HTTP API', () => {
  test('payload 2.0: route key, cookies apart, lower-case headers joined, simple-response authorizer context', async () => {
    const r = await send('http-api', 'GET', '/items/9', { query: 'a=1&a=2', headers: [['Authorization', 'allow'], ['Cookie', 'c=1; d=2'], ['X-A', '1'], ['X-A', '2']] });
    const { event } = echoed(r);
    expect(event).toEqual(expect.objectContaining({
      version: '2.0',
      routeKey: 'GET /items/{id}',
      rawPath: '/items/9',
      rawQueryString: 'a=1&a=2',
      cookies: ['c=1', 'd=2'],
      queryStringParameters: { a: '1,2' },
      pathParameters: { id: '9' },
      isBase64Encoded: false,
    }));
    expect(event.headers).toEqual({ 'host': 'localhost:3000', 'authorization': 'allow', 'x-a': '1,2' });
    expect(event.requestContext).toEqual(expect.objectContaining({ stage: '$default', routeKey: 'GET /items/{id}', authorizer: { lambda: { user: 'bob' } } }));
    expect(event.requestContext.http).toEqual({ method: 'GET', path: '/items/9', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: '' });
    expect(r.headers.filter(([k]) => k === 'set-cookie')).toEqual([['set-cookie', 'a=1'], ['set-cookie', 'b=2']]);
    const [denied, missing] = await Promise.all([send('http-api', 'GET', '/items/9', { headers: [['Authorization', 'no']] }), send('http-api', 'GET', '/items/9')]);
    expect([denied.statusCode, denied.body.toString(), missing.statusCode]).toEqual([403, '{"message":"Forbidden"}', 401]);
  });

  test('payload 1.0 on {proxy+}; an answer without statusCode is a JSON 200; errors are 500; no route is 404', async () => {
    expect(echoed(await send('http-api', 'DELETE', '/any/thing')).event).toEqual(expect.objectContaining({ version: '1.0', resource: '/{proxy+}', httpMethod: 'DELETE', pathParameters: { proxy: 'any/thing' } }));
    const raw = await send('http-api', 'GET', '/open', { query: 'mode=raw' });
    expect([raw.statusCode, raw.headers, raw.body.toString()]).toEqual([200, [['content-type', 'application/json']], '{"hello":"raw"}']);
    const failed = await send('http-api', 'GET', '/open', { query: 'mode=throw' });
    expect([failed.statusCode, failed.body.toString()]).toEqual([500, '{"message":"Internal Server Error"}']);
    const none = await send('http-api', 'GET', '/');
    expect([none.statusCode, none.body.toString()]).toEqual([404, '{"message":"Not Found"}']);
  });
});

test('Function URL: payload 2.0 with routeKey $default and an anonymous account; binary bodies base64; errors 502', async () => {
  const { event } = echoed(await send('function-url', 'PUT', '/some/path', { query: 'x=1', headers: [['content-type', 'application/octet-stream']], body: Buffer.from([1, 2]) }));
  expect(event).toEqual(expect.objectContaining({ routeKey: '$default', rawPath: '/some/path', rawQueryString: 'x=1', body: 'AQI=', isBase64Encoded: true }));
  expect(event.requestContext).toEqual(expect.objectContaining({ accountId: 'anonymous', stage: '$default' }));
  const failed = await send('function-url', 'GET', '/', { query: 'mode=throw' });
  expect([failed.statusCode, failed.body.toString()]).toEqual([502, 'Internal Server Error']);
});

test('ALB: rules by priority and condition; single- or multi-value headers per target group; redirect and fixed response', async () => {
  const single = echoed(await send('alb', 'GET', '/api/x', { query: 'q=a%20b&q=c', headers: [['X-A', '1'], ['X-A', '2']] })).event;
  expect(single).toEqual(expect.objectContaining({ httpMethod: 'GET', path: '/api/x', queryStringParameters: { q: 'c' }, body: '', isBase64Encoded: false }));
  expect(single.headers).toEqual({ 'host': 'localhost:3000', 'x-a': '2' });
  expect(single.requestContext.elb.targetGroupArn).toMatch(/^arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup\/AlbHttpApiGroup/);
  const multi = await send('alb', 'GET', '/anything', { query: 'q=a%20b&q=c', headers: [['x-multi', 'yes']] });
  expect(echoed(multi).event).toEqual(expect.objectContaining({ multiValueQueryStringParameters: { q: ['a%20b', 'c'] }, multiValueHeaders: { 'host': ['localhost:3000'], 'x-multi': ['yes'] } }));
  expect(multi.headers).toEqual([['x-multi', 'a'], ['x-multi', 'b']]); // a multi-value target group reads multiValueHeaders only
  const moved = await send('alb', 'GET', '/old', { query: 'k=1' });
  expect([moved.statusCode, moved.headers]).toEqual([301, [['location', 'http://localhost:3000/new?k=1']]]);
  const other = await send('alb', 'GET', '/elsewhere');
  expect([other.statusCode, other.body.toString(), other.functionPath]).toEqual([404, 'nothing here', undefined]);
  const failed = await send('alb', 'GET', '/api/x', { query: 'mode=throw' });
  expect([failed.statusCode, failed.body.toString()]).toEqual([502, expect.stringContaining('502 Bad Gateway')]);
});

test('concurrent requests run on separate environments; the next one is warm', async () => {
  const [a, b] = await Promise.all([1, 2].map(() => send('function-url', 'GET', '/', { query: 'mode=sleep' })));
  expect(echoed(a).pid).not.toBe(echoed(b).pid);
  expect([echoed(a).pid, echoed(b).pid]).toContain(echoed(await send('function-url', 'GET', '/')).pid);
});

test('unknown or ambiguous front doors are refused with the list', () => {
  expect(() => Gateway.open(synthApp(frontDoorsApp), { frontDoor: 'Nope' })).toThrow(/^No front door "Nope" in the cloud assembly; it has:\n {2}rest-api Doors\/Rest \(stage v1\)\n/);
});
