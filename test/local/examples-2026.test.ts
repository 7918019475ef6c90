import { synthApp, withFunction } from './helpers';
import { buildApp as codeSigningApp } from '../../examples/code-signing-standard';
import { buildApp as durableApp } from '../../examples/durable-order-workflow';
import { buildApp as managedApp } from '../../examples/managed-instances';
import { buildApp as powertoolsApp } from '../../examples/powertools-log-levels';
import { buildApp as pythonSnapStartApp } from '../../examples/python-snapstart-canary';
import { buildApp as streamingApp } from '../../examples/streaming-url';
import { LocalApi } from '../../src';
import { ResponseSink } from '../../src/local/private/types';

// The handlers of the examples of issue 25 ("All of Lambda, as of 2026"), run as synthesized through the
// local emulator.

describe('streaming-url', () => {
  const assembly = synthApp(streamingApp);

  test('the handler streams: the prelude first, then each row as it is written, not all at the end', async () => {
    await withFunction(assembly, 'StreamingUrl/Report', async e => {
      const chunks: Array<{ at: number; text: string }> = [];
      let contentType: string | undefined;
      const started = Date.now();
      const sink: ResponseSink = { start: t => { contentType = t; }, write: b => { chunks.push({ at: Date.now() - started, text: b.toString('latin1') }); } };
      const outcome = await e.invoke({ payload: JSON.stringify({ rawPath: '/', queryStringParameters: { rows: '3' } }), sink }, false);
      expect(outcome.errorType).toBeUndefined();
      expect(contentType).toBe('application/vnd.awslambda.http-integration-response');
      expect(chunks.map(c => c.text).join('')).toBe(
        `{"statusCode":200,"headers":{"content-type":"application/x-ndjson","cache-control":"no-store"}}${'\0'.repeat(8)}`
        + '{"row":1,"of":3}\n{"row":2,"of":3}\n{"row":3,"of":3}\n');
      const firstRow = chunks.find(c => c.text.includes('"row":1'))!;
      const lastRow = chunks.find(c => c.text.includes('"row":3'))!;
      expect(lastRow.at - firstRow.at).toBeGreaterThanOrEqual(150); // two pauses of 100 ms between them
    });
  });

  test('through the URL (LocalApi): status, headers and the whole NDJSON body; a bad row count is a 400', () => {
    const api = LocalApi.fromAssembly(assembly);
    try {
      expect(api.warnings).toContain('function-url StreamingUrl/Url/Url: $default: AWS_IAM authorization is not enforced locally (every request is let through)');
      const r = api.request('GET', '/?rows=2');
      // application/x-ndjson is not among the types a front door treats as text: the body comes base64.
      expect([r.statusCode, r.headers['content-type'], r.isBase64Encoded]).toEqual([200, 'application/x-ndjson', true]);
      expect(Buffer.from(r.body, 'base64').toString()).toBe('{"row":1,"of":2}\n{"row":2,"of":2}\n');
      const bad = api.request('GET', '/?rows=0');
      expect([bad.statusCode, bad.body]).toEqual([400, 'rows must be a whole number from 1 to 100, got "0"']);
    } finally {
      api.dispose();
    }
  });
});

describe('python-snapstart-canary', () => {
  const assembly = synthApp(pythonSnapStartApp);

  test('the Python handler answers quotes and the smoke test; SnapStart is said not to be emulated', async () => {
    await withFunction(assembly, 'PythonSnapStartCanary/Quotes', async e => {
      expect(e.spec.warnings).toContain('/PythonSnapStartCanary/Quotes/Function/Resource uses SnapStart: not emulated here — every environment runs '
        + 'its init from the start (no snapshot, no restore), and runtime hooks such as beforeCheckpoint/afterRestore never run');
      const smoke = await e.invoke({ payload: '{"smokeTest":true}' });
      expect(JSON.parse(smoke.payload)).toEqual({ statusCode: 200, body: 'ok' });
      const quote = await e.invoke({ payload: JSON.stringify({ rawPath: '/', queryStringParameters: { item: 'kiwi' } }) });
      const body = JSON.parse(JSON.parse(quote.payload).body);
      expect([body.item, body.cents, quote.coldStart]).toEqual(['kiwi', 45, false]);
      expect(body.environment).toMatch(/^[0-9a-f-]{36}$/);
      // JSON logs, as Lambda's Python runtime writes a record with `extra` fields.
      expect(quote.logs.map(l => JSON.parse(l))).toContainEqual({
        timestamp: expect.stringMatching(/Z$/), level: 'INFO', message: 'quote', logger: 'quotes', requestId: quote.requestId, item: 'kiwi', environment: body.environment,
      });
      const missing = await e.invoke({ payload: JSON.stringify({ queryStringParameters: { item: 'plum' } }) });
      const notFound = JSON.parse(missing.payload);
      expect([notFound.statusCode, JSON.parse(notFound.body)]).toEqual([404, { error: "no price for 'plum'", items: ['apple', 'kiwi', 'pear'] }]);
    });
  });
});

describe('powertools-log-levels', () => {
  const assembly = synthApp(powertoolsApp);

  test('the environment Powertools reads, JSON logs filtered at INFO; the published layer is said not to be downloaded', async () => {
    await withFunction(assembly, 'PowertoolsLogLevels/Orders', async e => {
      expect(e.spec.warnings.filter(w => w.includes('layer') || w.includes('system log level'))).toEqual([
        '/PowertoolsLogLevels/Orders/Function/Resource has the system log level WARN: not emulated here — the platform\'s START, END and REPORT '
          + 'records are written locally, which Lambda leaves out at WARN',
        '/PowertoolsLogLevels/Orders/Function/Resource uses layer arn:aws:lambda:us-east-1:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:44, '
          + 'which this app does not build: it is not downloaded, so what it puts in /opt (modules, extensions, a bootstrap) is missing locally',
      ]);
      const o = await e.invoke({ payload: '{"orderId":"o-1"}' });
      expect(JSON.parse(o.payload)).toEqual({
        accepted: true,
        orderId: 'o-1',
        logging: { POWERTOOLS_SERVICE_NAME: 'orders', AWS_LAMBDA_LOG_FORMAT: 'JSON', AWS_LAMBDA_LOG_LEVEL: 'INFO' },
      });
      const records = o.logs.map(l => JSON.parse(l)).filter(r => r.type === undefined);
      // the debug line is below the application log level: only the INFO record is written
      expect(records.map(r => [r.level, r.requestId === o.requestId])).toEqual([['INFO', true]]);
      expect(records[0].message).toMatch(/^order received/);
      const missing = await e.invoke({ payload: '{"sku":"x"}' });
      expect(JSON.parse(missing.payload)).toEqual({ accepted: false });
      expect(missing.logs.map(l => JSON.parse(l)).filter(r => r.type === undefined).map(r => r.level)).toEqual(['INFO', 'WARN']);
    });
  });
});

describe('code-signing-standard', () => {
  test('both functions run from their (unsigned) assets; that signatures are not checked is said', async () => {
    const assembly = synthApp(codeSigningApp);
    for (const [id, service] of [['Orders', 'orders'], ['Invoices', 'invoices']]) {
      await withFunction(assembly, `CodeSigningStandard/${id}`, async e => {
        expect(e.spec.warnings).toContain(`/CodeSigningStandard/${id}/Function/Resource has a code signing configuration: not emulated here — the local `
          + 'package runs without its signature being checked (Lambda checks it at deployment)');
        const o = await e.invoke({ payload: '{"who":"local"}' });
        expect([JSON.parse(o.payload), e.spec.environment.SERVICE]).toEqual([{ ok: true }, service]);
      });
    }
  });
});

// The Lambda Managed Instances and durable function examples.

test('managed-instances: the worker on the capacity provider reports only the rejected message; not-emulated parts are said', async () => {
  await withFunction(synthApp(managedApp), 'ManagedInstances/Resize', async e => {
    expect(e.spec.warnings).toContainEqual(expect.stringContaining('runs on Lambda Managed Instances: not emulated here'));
    const outbox = await e.deliver([
      JSON.stringify({ key: 'photos/cat.jpg', width: 640 }),
      JSON.stringify({ key: 'photos/dog.jpg', width: 10_000 }),
      JSON.stringify({ key: 'photos/owl.jpg', width: 320 }),
    ]);
    expect([outbox.succeeded, outbox.failed]).toEqual([2, 1]);
  });
});

test('durable-order-workflow: the bundled workflow runs its steps inline (directly and through the EventBridge rule), and refuses a bad order', async () => {
  await withFunction(synthApp(durableApp), 'DurableOrderWorkflow/OrderWorkflow', async e => {
    expect(e.spec.warnings).toContainEqual(expect.stringContaining('is a durable function: not emulated here'));
    const event = { 'version': '0', 'id': 'e-1', 'detail-type': 'OrderPlaced', 'source': 'shop.orders', 'account': '123456789012', 'time': '2026-12-06T12:00:00Z', 'region': 'us-east-1', 'resources': [], 'detail': { orderId: 'o-42', items: [{ sku: 'mug', quantity: 2 }], amountCents: 2400 } };
    const o = await e.invoke({ payload: JSON.stringify(event) });
    expect(JSON.parse(o.payload)).toEqual({ orderId: 'o-42', status: 'SHIPPED', reservationId: 'rsv-o-42', paymentId: 'pay-o-42-2400', shipmentId: 'shp-o-42-1' });
    const messages = o.logs.map(l => JSON.parse(l).message).filter(m => typeof m === 'string');
    expect(messages).toContain('{"message":"durable wait skipped outside Lambda","seconds":900}');
    // Through the rule the template wires (EventBridge to the alias): the detail arrives as the event's detail.
    expect((await e.deliver([JSON.stringify({ orderId: 'o-44', items: [{ sku: 'pen', quantity: 1 }], amountCents: 300 })])).succeeded).toBe(1);
    const bad = await e.invoke({ payload: JSON.stringify({ ...event, detail: { orderId: 'o-43', items: [], amountCents: 100 } }) });
    expect([bad.errorType, bad.errorMessage]).toEqual(['Error', expect.stringMatching(/^invalid order: /)]);
  });
});
