import { synthApp, withFunction } from './helpers';
import { buildApp as albApp } from '../../examples/alb-http-endpoint';
import { buildApp as kinesisApp } from '../../examples/kinesis-stream-processor';
import { buildApp as layersApp } from '../../examples/layers-shared-deps';
import { buildApp as sqsApp } from '../../examples/sqs-worker';
import { albEvent } from '../../src/local/private/events';
import { Gateway } from '../../src/local/private/serve/gateway';

// Every example's handlers, run as synthesized (code, layers, configuration) through the local emulator.

test('sqs-worker: only the failed message returns; it reaches the DLQ after maxReceiveCount (5) receives', async () => {
  const assembly = synthApp(sqsApp);
  await withFunction(assembly, 'SqsWorker/Jobs', async e => {
    const bodies = Array.from({ length: 250 }, (_, i) => (i === 7 ? '' : JSON.stringify({ job: i })));
    const outbox = await e.deliver(bodies);
    const dlq = outbox.destinations.JobsDeadLetterQueue1041DB7D as any[];
    expect(dlq).toHaveLength(1);
    expect(dlq[0].body).toBe('');
    expect(dlq[0].attributes.ApproximateReceiveCount).toBe('5');
    expect(outbox.succeeded).toBe(249);
    expect(outbox.failed).toBe(1);
    // batch size 100: 3 first deliveries, then the failing message alone 4 more times
    expect(outbox.invocations).toBe(3 + 4);
  });
});

test('kinesis-stream-processor: a poison record is bisected out, the rest processed, its batch info on the on-failure queue', async () => {
  const assembly = synthApp(kinesisApp);
  await withFunction(assembly, 'KinesisStreamProcessor/Clickstream', async e => {
    const records = Array.from({ length: 300 }, (_, i) => (i === 150 ? '' : `click-${i}`));
    const outbox = await e.deliver(records);
    const failures = Object.values(outbox.destinations).flat() as any[];
    expect(failures).toHaveLength(1);
    const info = failures[0].KinesisBatchInfo;
    expect(info.batchSize).toBe(1);
    expect(info.startSequenceNumber).toBe(info.endSequenceNumber);
    expect(failures[0].requestContext.condition).toBe('RetryAttemptsExhausted');
    expect(failures[0].requestContext.approximateInvokeCount).toBe(11); // 1 + MaximumRetryAttempts 10
    expect(outbox.failed).toBe(1);
    expect(outbox.succeeded).toBeGreaterThanOrEqual(299);
  });
});

test('alb-http-endpoint: multi-value headers in, multi-value headers out; a single-value event is refused', async () => {
  const assembly = synthApp(albApp);
  await withFunction(assembly, 'AlbHttpEndpoint/Endpoint', async e => {
    const outcome = await e.invoke({ payload: JSON.stringify(albEvent('POST', '/orders', true, 'abc')) });
    const response = JSON.parse(outcome.payload);
    expect(response.multiValueHeaders['Content-Type']).toEqual(['application/json']);
    expect(response.headers).toBeUndefined();
    expect(JSON.parse(response.body)).toEqual({ method: 'POST', path: '/orders', query: {}, bodyLength: 3 });
    await expect(e.invoke({ payload: JSON.stringify(albEvent('GET', '/', false)) })).rejects.toThrow(/event shape mismatch: the event looks like a\(n\) alb event.*alb-multi-value/);
  });
  // Through the served listener: the multi-value query reaches the handler, its multiValueHeaders the client.
  const gateway = Gateway.open(assembly);
  try {
    const r = await gateway.handle(gateway.doors[0], { method: 'GET', path: '/orders', query: 'a=1&a=2', headers: [['host', 'x']], body: Buffer.alloc(0), sourceIp: '127.0.0.1' });
    expect([r.statusCode, r.headers, JSON.parse(r.body.toString()).query]).toEqual([200, [['Content-Type', 'application/json'], ['Cache-Control', 'no-store']], { a: ['1', '2'] }]);
  } finally {
    gateway.dispose();
  }
});

test('layers-shared-deps: Node.js functions load tiny-lib from their layer; the shell custom runtime answers through curl', async () => {
  const assembly = synthApp(layersApp);
  await withFunction(assembly, 'LayersSharedDeps/Greet', async e => {
    const outcome = await e.invoke({ payload: '{"name":"local"}' });
    expect(outcome.errorType).toBeUndefined();
    expect(JSON.parse(outcome.payload).message).toMatch(/local/);
  });
  await withFunction(assembly, 'LayersSharedDeps/Count', async e => {
    expect(JSON.parse((await e.invoke({ payload: '{"items":[1,2,3]}' })).payload)).toEqual({ items: 3 });
  });
  await withFunction(assembly, 'LayersSharedDeps/ShellEcho', async e => {
    const first = await e.invoke({ payload: '{"a":1}' });
    const second = await e.invoke({ payload: '{"b":2}' });
    expect(JSON.parse(first.payload)).toEqual({ received: { a: 1 } });
    expect(JSON.parse(second.payload)).toEqual({ received: { b: 2 } });
    expect([first.coldStart, second.coldStart]).toEqual([true, false]);
  });
});
