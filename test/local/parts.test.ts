import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { App, Stack, Stage } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { tempZip } from './fixtures';
import { synthApp, withFunction } from './helpers';
import { deliverAsync } from '../../src/local/private/delivery/async';
import { Outbox } from '../../src/local/private/delivery/outbox';
import { EVENT_KINDS, eventKindOf } from '../../src/local/private/events';
import { RuntimeApiServer, sendNext } from '../../src/local/private/runtime-api';
import { extractZip } from '../../src/local/private/unzip';

interface Reply {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

function request(address: string, method: string, urlPath: string, body?: string, headers: Record<string, string> = {}): Promise<Reply> {
  const [host, port] = address.split(':');
  return new Promise((resolve, reject) => {
    const req = http.request({ host, port: Number(port), method, path: urlPath, headers }, res => {
      const chunks: Buffer[] = [];
      res.on('data', c => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('Runtime API server: Lambda\'s headers on next, the payload limit enforced while reading, 404 elsewhere', async () => {
  const seen: string[] = [];
  const server = await RuntimeApiServer.start({
    next: res => sendNext(res, {
      requestId: 'req-1',
      deadlineMs: 1234,
      functionArn: 'arn:aws:lambda:us-east-1:1:function:f',
      traceId: 'Root=1-a-b',
      clientContext: '{"c":1}',
      cognitoIdentity: '{"cognitoIdentityId":"id"}',
      payload: '{"e":1}',
    }),
    response: (id, body, tooLarge) => (seen.push(`response ${id} ${body.length} ${tooLarge}`), tooLarge ? { status: 413, body: {} } : { status: 202, body: { status: 'OK' } }),
    error: (id, body, type) => (seen.push(`error ${id} ${type} ${body}`), { status: 202, body: { status: 'OK' } }),
    initError: (_body, type) => (seen.push(`init ${type}`), { status: 202, body: { status: 'OK' } }),
    responseLimitBytes: () => 10,
    stream: (id, type) => (id === 'req-1'
      ? { chunk: data => seen.push(`chunk ${data}`), end: (errorType, errorBody) => (seen.push(`end ${type} ${errorType} ${errorBody}`), { status: 202, body: {} }) }
      : { status: 400, body: {} }),
  });
  try {
    expect(server.address).toMatch(/^127\.0\.0\.1:\d+$/);
    const next = await request(server.address, 'GET', '/2018-06-01/runtime/invocation/next');
    expect([next.status, next.body]).toEqual([200, '{"e":1}']);
    expect(next.headers).toEqual(expect.objectContaining({
      'lambda-runtime-aws-request-id': 'req-1',
      'lambda-runtime-deadline-ms': '1234',
      'lambda-runtime-invoked-function-arn': 'arn:aws:lambda:us-east-1:1:function:f',
      'lambda-runtime-trace-id': 'Root=1-a-b',
      'lambda-runtime-client-context': '{"c":1}',
      'lambda-runtime-cognito-identity': '{"cognitoIdentityId":"id"}',
    }));
    expect((await request(server.address, 'POST', '/2018-06-01/runtime/invocation/req-1/response', '"ok"')).status).toBe(202);
    expect((await request(server.address, 'POST', '/2018-06-01/runtime/invocation/req-1/response', '"far too long"')).status).toBe(413);
    await request(server.address, 'POST', '/2018-06-01/runtime/invocation/req-1/error', '{}', { 'Lambda-Runtime-Function-Error-Type': 'Custom.Error' });
    await request(server.address, 'POST', '/2018-06-01/runtime/init/error', '{}', { 'Lambda-Runtime-Function-Error-Type': 'Runtime.Broken' });
    const unknown = await request(server.address, 'GET', '/2018-06-01/runtime/elsewhere');
    expect([unknown.status, JSON.parse(unknown.body).errorType]).toEqual([404, 'InvalidRequest']);
    expect(seen).toEqual(['response req-1 4 false', 'response req-1 0 true', 'error req-1 Custom.Error {}', 'init Runtime.Broken']);
    // Streaming mode: chunks as they come (past the buffered limit), then the error trailers.
    seen.length = 0;
    const [host, port] = server.address.split(':');
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = http.request({
        host,
        port: Number(port),
        method: 'POST',
        path: '/2018-06-01/runtime/invocation/req-1/response',
        headers: { 'Lambda-Runtime-Function-Response-Mode': 'streaming', 'Content-Type': 'text/plain', 'Trailer': 'Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body' },
      }, res => { res.resume(); resolve(res.statusCode!); });
      req.on('error', reject);
      req.write('first chunk');
      setTimeout(() => {
        req.write('second');
        req.addTrailers({ 'Lambda-Runtime-Function-Error-Type': 'Boom', 'Lambda-Runtime-Function-Error-Body': 'e30=' });
        req.end();
      }, 20);
    });
    expect([streamed, seen]).toEqual([202, ['chunk first chunk', 'chunk second', 'end text/plain Boom e30=']]);
    const other = await request(server.address, 'POST', '/2018-06-01/runtime/invocation/req-2/response', 'x', { 'Lambda-Runtime-Function-Response-Mode': 'streaming' });
    expect(other.status).toBe(400);
  } finally {
    server.close();
  }
});

test('zip extraction: deflated entries, folders and modes; damaged, unsupported and escaping archives are refused', () => {
  const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'local-test-unzip-'));
  extractZip(tempZip({ 'lib/': { content: '' }, 'lib/a.txt': { content: 'hello hello hello', deflate: true }, 'run': { content: '#!/bin/sh', mode: 0o755 } }), dest);
  expect(fs.readFileSync(path.join(dest, 'lib', 'a.txt'), 'utf-8')).toBe('hello hello hello');
  expect(fs.statSync(path.join(dest, 'run')).mode % 0o1000).toBe(0o755);
  const notZip = path.join(dest, 'not.zip');
  fs.writeFileSync(notZip, 'not a zip at all, clearly not a zip archive');
  expect(() => extractZip(notZip, dest)).toThrow(/is not a zip archive/);
  expect(() => extractZip(tempZip({ '../evil': { content: 'x' } }), dest)).toThrow(/entry \.\.\/evil points outside the archive/);
  const odd = tempZip({ a: { content: 'x' } });
  const buf = fs.readFileSync(odd);
  buf.writeUInt16LE(12, 8); // bzip2 in the local header
  buf.writeUInt16LE(12, buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10);
  fs.writeFileSync(odd, buf);
  expect(() => extractZip(odd, dest)).toThrow(/uses compression method 12/);
});

test('event kinds are recognized from their documented fields', () => {
  for (const kind of Object.keys(EVENT_KINDS)) expect(eventKindOf(EVENT_KINDS[kind]())).toBe(kind);
  expect([eventKindOf(null), eventKindOf({ any: 1 }), eventKindOf({ Records: [{ eventSource: 'aws:mq' }] })]).toEqual([undefined, undefined, 'aws:mq']);
});

test('Lambda@Edge, Cognito and CloudWatch Logs kinds: samples of SampleEvents, recognized by their fields', () => {
  expect(Object.keys(EVENT_KINDS)).toEqual(expect.arrayContaining([
    'cloudfront-viewer-request', 'cloudfront-origin-request', 'cloudfront-origin-response', 'cloudfront-viewer-response',
    'cognito-pre-sign-up', 'cognito-post-confirmation', 'cognito-pre-token-generation', 'cognito-custom-message', 'cloudwatch-logs',
  ]));
  const logs = EVENT_KINDS['cloudwatch-logs']({ region: 'eu-west-1', account: '111122223333', sourceArn: 'arn:aws:logs:eu-west-1:111122223333:log-group:/app/api:*' }) as any;
  const batch = JSON.parse(zlib.gunzipSync(Buffer.from(logs.awslogs.data, 'base64')).toString('utf-8'));
  expect(batch).toMatchObject({ owner: '111122223333', logGroup: '/app/api' });
  expect((EVENT_KINDS['cognito-pre-sign-up']({ region: 'eu-west-1', account: '111122223333' }) as any).userPoolId).toBe('eu-west-1_EXAMPLE');
  expect(eventKindOf({ triggerSource: 'UserMigration_Authentication', userPoolId: 'x' })).toBe('cognito');
});

test('asynchronous delivery: the on-success destination gets a Success record; without destinations a failure is dropped with a warning', async () => {
  const ok = { requestId: 'r', payload: '{"done":true}', coldStart: false, durationMs: 1, billedDurationMs: 1, memorySizeMb: 128, maxMemoryUsedMb: 1, logs: [], environmentId: 1 };
  const outbox = new Outbox('/S/F', 'eventbridge:R');
  await deliverAsync(['{"a":1}'], { maxRetries: 2, onSuccess: 'Bus' }, 'arn:f', async () => ok, outbox);
  expect((outbox.destinations.Bus[0] as any)).toEqual(expect.objectContaining({ requestContext: expect.objectContaining({ condition: 'Success', functionArn: 'arn:f:$LATEST' }), responsePayload: { done: true } }));
  const failing = new Outbox('/S/F', 'eventbridge:R');
  await deliverAsync(['{"a":1}'], { maxRetries: 0 }, 'arn:f', async () => ({ ...ok, payload: 'not json', errorType: 'E' }), failing);
  expect([failing.invocations, failing.failed, failing.warnings]).toEqual([1, 1, [expect.stringMatching(/event dropped after 1 attempts/)]]);
});

test('stages, environment-agnostic stacks, aliases and path metadata: functions are found and triggers followed', async () => {
  const assembly = synthApp(app => {
    const stage = new Stage(app, 'Dev');
    const stack = new Stack(stage, 'Api');
    const fn = new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => 42;') });
    const alias = new lambda.Alias(stack, 'Live', { aliasName: 'live', version: fn.currentVersion });
    new sns.Topic(stack, 'Topic').addSubscription(new subscriptions.LambdaSubscription(alias));
  });
  await withFunction(assembly, 'Dev/Api/Fn', async e => {
    expect([e.spec.region, e.spec.account, e.spec.path]).toEqual(['us-east-1', '123456789012', '/Dev/Api/Fn/Resource']);
    expect(e.sources.map(s => s.kind)).toEqual(['sns']);
    expect((await e.deliver(['hi'])).succeeded).toBe(1);
  });
  const withPaths = fs.mkdtempSync(path.join(os.tmpdir(), 'local-test-cdkout-'));
  const app = new App({ outdir: withPaths, context: { 'aws:cdk:enable-path-metadata': true } });
  new lambda.Function(new Stack(app, 'Meta'), 'Fn', { runtime: lambda.Runtime.PYTHON_3_12, handler: 'index.handler', code: lambda.Code.fromInline('def handler(e, c):\n    return 1') });
  app.synth();
  await withFunction(withPaths, 'Meta/Fn', async e => {
    expect(JSON.parse((await e.invoke({ payload: '{}' })).payload)).toBe(1);
  });
});
