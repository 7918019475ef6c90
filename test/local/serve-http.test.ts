import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { synthApp } from './helpers';
import { frontDoorsApp, streamingApp } from './serve-fixtures';
import { LocalApi } from '../../src';
import { runCli } from '../../src/local/private/cli-main';

// `serve` over real HTTP (node's fetch as the client), and `LocalApi`, the same front doors for tests.

let assembly: string;
beforeAll(() => { assembly = synthApp(frontDoorsApp); });

/** Starts `serve` in-process; resolves once it printed its front doors, with their URLs and a stop function. */
async function startServe(...args: string[]): Promise<{ urls: Record<string, string>; out: string[]; err: string[]; stop: () => Promise<number> }> {
  const out: string[] = [];
  const err: string[] = [];
  const stopper = new AbortController();
  let ready: () => void = () => undefined;
  const started = new Promise<void>(resolve => { ready = resolve; });
  const running = runCli(['serve', '--assembly', assembly, ...args], { // a later --assembly wins
    out: t => out.push(t),
    err: t => { err.push(t); if (t.startsWith('# serving')) ready(); },
    signal: stopper.signal,
  });
  const code = await Promise.race([started.then(() => undefined), running]);
  if (code !== undefined) throw new Error(`serve ended with ${code}: ${err.join('\n')}`);
  const urls = Object.fromEntries(out.filter(l => !l.startsWith(' ')).map(l => [l.split(' ')[0], l.slice(l.lastIndexOf(' ') + 1)]));
  return { urls, out, err, stop: () => { stopper.abort(); return running; } };
}

test('serve: each front door on its own port, the route table printed, requests answered over HTTP, one log line each', async () => {
  const served = await startServe('--port', '0');
  try {
    expect(Object.keys(served.urls)).toEqual(['rest-api', 'http-api', 'function-url', 'alb']);
    expect(served.urls['rest-api']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(served.out).toContain('  GET /items/{id} -> Doors/Echo [CUSTOM authorizer runs]');
    expect(served.err).toContain('warning: rest-api Doors/Rest (stage v1): GET /mock: MOCK integrations are not emulated (only Lambda proxy integrations); it answers 502');

    const rest = await fetch(`${served.urls['rest-api']}/items/7?x=1`, { headers: { Authorization: 'allow' } });
    expect([rest.status, rest.headers.get('x-multi'), rest.headers.get('x-echo')]).toEqual([200, 'a, b', '1']);
    expect(((await rest.json()) as any).event.requestContext.authorizer.user).toBe('alice');
    const url = await fetch(`${served.urls['function-url']}/up`, { method: 'POST', body: 'hi', headers: { 'content-type': 'text/plain' } });
    expect(((await url.json()) as any).event).toEqual(expect.objectContaining({ rawPath: '/up', body: 'hi', isBase64Encoded: false }));
    expect(url.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    const binary = await fetch(`${served.urls['http-api']}/open?mode=binary`);
    expect([binary.status, binary.headers.get('content-type'), [...new Uint8Array(await binary.arrayBuffer())]]).toEqual([201, 'image/png', [0, 1, 2, 255]]);
    const moved = await fetch(`${served.urls.alb}/old`, { redirect: 'manual' });
    expect([moved.status, moved.headers.get('location')]).toEqual([301, `${served.urls.alb}/new`]);
    expect(served.err).toEqual(expect.arrayContaining([expect.stringMatching(/^# GET \/v1\/items\/7\?x=1 -> 200 \(Doors\/Echo\) [\d.]+ ms$/), expect.stringMatching(/^# GET \/old -> 301 [\d.]+ ms$/)]));
    expect(served.err.some(l => l.startsWith('REPORT RequestId:'))).toBe(true);
  } finally {
    expect(await served.stop()).toBe(0);
  }
});

test('serve: a busy port, an unknown front door and a bad --port are refused (exit 2)', async () => {
  const busy = net.createServer();
  await new Promise<void>(resolve => busy.listen(0, '127.0.0.1', resolve));
  const port = (busy.address() as net.AddressInfo).port;
  const err: string[] = [];
  const io = { out: () => undefined, err: (t: string) => err.push(t) };
  try {
    expect(await runCli(['serve', '--assembly', assembly, '--port', String(port), '--front-door', 'rest-api', '-q'], io)).toBe(2);
    expect(err.pop()).toBe(`error: port ${port} on 127.0.0.1 is in use: pass another --port (front doors take consecutive ports from it)`);
  } finally {
    busy.close();
  }
  expect(await runCli(['serve', '--assembly', assembly, '--front-door', 'Nope'], io)).toBe(2);
  expect(err.pop()).toMatch(/^error: No front door "Nope" in the cloud assembly; it has:\n {2}rest-api Doors\/Rest \(stage v1\)\n {2}http-api Doors\/Http\n/);
  expect(await runCli(['serve', '--assembly', assembly, '--port', '70000'], io)).toBe(2);
  expect(err.join('\n')).toMatch(/option '--port <n>' argument '70000' is invalid\. "70000" is not a port \(0–65535\)\./);
});

test('LocalApi: the same front doors from a test, synchronously; the front door named when there are several', () => {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'local-test-cdkout-')) });
  frontDoorsApp(app);
  const api = LocalApi.fromStage(app);
  try {
    expect(api.frontDoors).toEqual(['rest-api Doors/Rest (stage v1)', 'http-api Doors/Http', 'function-url Doors/Echo/FunctionUrl', 'alb Doors/Alb/Http']);
    expect(api.routes).toContain('http-api Doors/Http: GET /items/{id} -> Doors/Echo [CUSTOM authorizer runs]');
    const r = api.request('GET', '/v1/items/3?a=1', { frontDoor: 'rest-api', headers: { Authorization: 'allow' } });
    expect([r.statusCode, r.headers['x-multi'], r.cookies, r.isBase64Encoded, r.functionPath]).toEqual([200, 'a, b', [], false, '/Doors/Echo/Resource']);
    expect(JSON.parse(r.body).event.pathParameters).toEqual({ id: '3' });
    const png = api.request('POST', '/v1/items?mode=binary', { frontDoor: 'Doors/Rest', body: 'AAEC', bodyBase64: true, headers: { 'content-type': 'image/png' } });
    expect([png.statusCode, png.body, png.isBase64Encoded]).toEqual([201, 'AAEC/w==', true]);
    expect(api.request('GET', '/', { frontDoor: 'function-url' }).cookies).toEqual(['a=1', 'b=2']);
    expect(() => api.request('GET', '/')).toThrow(/^\[LocalLambda\.FrontDoorNotFound\] the assembly has 4 front doors: name one with the frontDoor option:/);
    expect(() => api.request('GET', '/', { frontDoor: 'nope' })).toThrow(/^\[LocalLambda\.FrontDoorNotFound\] no front door "nope"/);
  } finally {
    api.dispose();
    api.dispose();
  }
  expect(() => api.request('GET', '/', { frontDoor: 'alb' })).toThrow(/^\[LocalLambda\.Disposed\] LocalApi was disposed$/);
  const alb = LocalApi.fromAssembly(assembly, { frontDoor: 'alb' });
  try {
    expect([alb.frontDoors, alb.request('GET', '/nowhere').body]).toEqual([['alb Doors/Alb/Http'], 'nothing here']);
  } finally {
    alb.dispose();
  }
});

describe('a Function URL in RESPONSE_STREAM mode', () => {
  let streaming: string;
  beforeAll(() => { streaming = synthApp(streamingApp); });

  test('over HTTP: the prelude\'s status, headers and cookies, then each chunk as the function writes it', async () => {
    const served = await startServe('--port', '0', '--assembly', streaming);
    try {
      const started = Date.now();
      const res = await fetch(`${served.urls['function-url']}/`);
      expect([res.status, res.headers.get('content-type'), res.headers.get('x-s'), res.headers.getSetCookie()]).toEqual([201, 'text/plain', '1', ['s=1']]);
      const reader = res.body!.getReader();
      const first = await reader.read();
      const firstAt = Date.now() - started;
      let rest = '';
      for (let r = await reader.read(); !r.done; r = await reader.read()) rest += Buffer.from(r.value).toString();
      const lastAt = Date.now() - started;
      expect([Buffer.from(first.value!).toString(), rest]).toEqual(['first;', 'second']);
      expect(lastAt - firstAt).toBeGreaterThanOrEqual(250); // the first chunk came before the function's pause ended

      const plain = await fetch(`${served.urls['function-url']}/?mode=plain`);
      expect([plain.status, plain.headers.get('content-type'), await plain.text()]).toEqual([200, 'text/plain', 'ab']);
      const early = await fetch(`${served.urls['function-url']}/?mode=early`);
      expect([early.status, await early.text()]).toEqual([502, 'Internal Server Error']);
      const late = await fetch(`${served.urls['function-url']}/?mode=late`);
      expect(late.status).toBe(201);
      await expect(late.text()).rejects.toThrow(/terminated/); // an error after the first byte cuts the connection
    } finally {
      await served.stop();
    }
  });

  test('LocalApi keeps the whole streamed body', () => {
    const api = LocalApi.fromAssembly(streaming);
    try {
      const r = api.request('GET', '/');
      expect([r.statusCode, r.headers['x-s'], r.cookies, r.body]).toEqual([201, '1', ['s=1'], 'first;second']);
      expect([api.request('GET', '/?mode=late').body, api.request('GET', '/?mode=early').statusCode]).toEqual(['first;', 502]);
    } finally {
      api.dispose();
    }
  });
});
