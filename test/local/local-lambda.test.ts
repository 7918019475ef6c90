import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { lifecycleApp } from './fixtures';
import { buildApp as sqsApp } from '../../examples/sqs-worker';
import { LocalEvents, LocalLambda } from '../../src';

// The jsii-facing class: synchronous methods over a worker thread that keeps environments warm.

test('LocalLambda.fromStage: synchronous invokes, warm between calls, concurrent invokes in several environments', () => {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'local-test-cdkout-')) });
  lifecycleApp(app);
  const fn = LocalLambda.fromStage(app, 'Local/Warm');
  try {
    expect([fn.functionPath, fn.runtime, fn.triggers]).toEqual(['/Local/Warm/Resource', 'nodejs22.x', []]);
    expect(fn.warnings.filter(w => !w.includes('runs on this host\'s Node.js'))).toEqual([]);
    const first = fn.invoke('{}');
    const second = fn.invoke('{}', { clientContext: '{}' });
    expect([JSON.parse(first.payload).count, JSON.parse(second.payload).count]).toEqual([1, 2]);
    expect([first.coldStart, second.coldStart]).toEqual([true, false]);
    expect(second.logs[second.logs.length - 1]).toMatch(/^REPORT RequestId: /);
    const many = fn.invokeConcurrently(['{}', '{}']);
    expect(many).toHaveLength(2);
    expect(() => fn.invoke('{nope')).toThrow(/^\[LocalLambda\.InvalidRequestContent\] \/Local\/\w+\/Resource: InvalidRequestContentException/);
  } finally {
    fn.dispose();
    fn.dispose();
  }
  expect(() => fn.invoke('{}')).toThrow(/^\[LocalLambda\.Disposed\] LocalLambda .* was disposed$/);
  expect(() => LocalLambda.fromAssembly(app.outdir, 'Nope')).toThrow(/^\[LocalLambda\.FunctionNotFound\] No function "Nope"/);
});

test('LocalLambda.invoke asynchronous: 202 and an empty payload; retries per the invoke config, then the destinations', () => {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'local-test-cdkout-')) });
  lifecycleApp(app);
  const fn = LocalLambda.fromStage(app, 'Local/Fails');
  try {
    const sync = fn.invoke('{}');
    expect([sync.statusCode, sync.attempts, sync.outbox, JSON.parse(sync.payload)]).toEqual([200, 1, undefined, { ok: true }]);
    const ok = fn.invoke('{}', { asynchronous: true });
    expect([ok.statusCode, ok.payload, ok.attempts, ok.errorType, JSON.parse(ok.outbox!).succeeded]).toEqual([202, '', 1, undefined, 1]);
    const failed = fn.invoke('{"boom":true}', { asynchronous: true });
    expect([failed.statusCode, failed.payload, failed.attempts, failed.errorType]).toEqual([202, '', 2, 'OrderError']);
    expect(failed.logs.filter(l => l.startsWith('REPORT RequestId:'))).toHaveLength(2);
    const outbox = JSON.parse(failed.outbox!);
    expect([outbox.invocations, outbox.succeeded, outbox.failed]).toEqual([2, 0, 1]);
    const [failure, dlq] = ['Failures', 'Dlq'].map(n => outbox.destinations[Object.keys(outbox.destinations).find(k => k.startsWith(n))!]);
    expect(failure[0]).toEqual(expect.objectContaining({
      requestContext: expect.objectContaining({ condition: 'RetriesExhausted', approximateInvokeCount: 2 }),
      requestPayload: { boom: true },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
    }));
    expect(dlq[0].body).toBe('{"boom":true}');
    expect(() => fn.invoke(JSON.stringify({ big: 'x'.repeat(1_100_000) }), { asynchronous: true })).toThrow(/^\[LocalLambda\.RequestEntityTooLarge\] .*at most 1048576 bytes for Event invocations/);
  } finally {
    fn.dispose();
  }
});

test('LocalLambda.deliver writes the outbox; LocalEvents builds events of every kind', () => {
  const assembly = fs.mkdtempSync(path.join(os.tmpdir(), 'local-test-cdkout-'));
  sqsApp(new App({ outdir: assembly })).synth();
  const fn = LocalLambda.fromAssembly(assembly, 'SqsWorker/Jobs');
  const outboxFile = path.join(assembly, 'outbox.json');
  try {
    expect(fn.triggers).toEqual([expect.stringMatching(/^sqs:JobsQueue/)]);
    const result = fn.deliver({ records: ['a', '', 'c'], outboxFile });
    expect([result.invocations, result.succeeded, result.failed]).toEqual([5, 2, 1]);
    expect(JSON.parse(fs.readFileSync(outboxFile, 'utf-8'))).toEqual(JSON.parse(result.outbox));
    expect(JSON.parse(fn.sampleEvent('sqs')).Records[0].eventSourceARN).toMatch(/^arn:aws:sqs:us-east-1:123456789012:/);
    expect(JSON.parse(fn.invoke(LocalEvents.sqs(['x', ''])).payload).batchItemFailures).toHaveLength(1);
  } finally {
    fn.dispose();
  }
  for (const kind of LocalEvents.KINDS) expect(JSON.parse(LocalEvents.of(kind))).toBeInstanceOf(Object);
  expect(() => LocalEvents.of('nope')).toThrow(/^\[LocalLambda\.UnknownEventKind\] unknown event kind "nope"/);
  expect(JSON.parse(LocalEvents.kinesis(['hi'])).Records[0].kinesis.data).toBe(Buffer.from('hi').toString('base64'));
  expect(JSON.parse(LocalEvents.dynamodb(['{"id":"a","n":1,"ok":true}'])).Records[0].dynamodb.NewImage).toEqual({ id: { S: 'a' }, n: { N: '1' }, ok: { BOOL: true } });
  expect(JSON.parse(LocalEvents.s3('b', 'in/a b.txt')).Records[0].s3.object.key).toBe('in/a+b.txt');
  expect(JSON.parse(LocalEvents.sns('m', 's')).Records[0].Sns).toEqual(expect.objectContaining({ Message: 'm', Subject: 's' }));
  expect(JSON.parse(LocalEvents.eventBridge('Order Placed', '{"id":1}'))).toEqual(expect.objectContaining({ 'detail-type': 'Order Placed', 'detail': { id: 1 } }));
  expect(JSON.parse(LocalEvents.alb('GET', '/x', true)).multiValueHeaders.accept).toEqual(['*/*']);
  expect(JSON.parse(LocalEvents.apiGateway('POST', '/p', 'b'))).toEqual(expect.objectContaining({ httpMethod: 'POST', path: '/p', body: 'b' }));
  expect(JSON.parse(LocalEvents.functionUrl('PUT', '/u', 'b')).requestContext.http.method).toBe('PUT');
});

test('LocalLambda takes events as JSON values or JSON text, and gives the response as JSON text', () => {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'local-test-cdkout-')) });
  lifecycleApp(app);
  const fn = LocalLambda.fromStage(app, 'Local/Conformance');
  try {
    const asValue = fn.invoke({ a: [1, 'x'], b: null });
    const asText = fn.invoke('{"a":[1,"x"],"b":null}');
    expect([JSON.parse(asValue.payload).event, JSON.parse(asText.payload).event]).toEqual([{ a: [1, 'x'], b: null }, { a: [1, 'x'], b: null }]);
    const failed = fn.invoke({ fail: true });
    expect(JSON.parse(failed.payload)).toEqual(expect.objectContaining({ errorType: 'ConformanceError', errorMessage: 'conformance failure' }));
    expect(fn.invokeConcurrently([{ n: 1 }, '{"n":2}']).map(r => JSON.parse(r.payload).event)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(() => fn.invoke('{"shape":', { skipShapeCheck: true })).toThrow(/InvalidRequestContentException/);
  } finally {
    fn.dispose();
  }
});
