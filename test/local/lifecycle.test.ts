import { Duration, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { lifecycleApp } from './fixtures';
import { synthApp, withFunction } from './helpers';
import { Emulator } from '../../src/local/private/emulator';

let assembly: string;
beforeAll(() => { assembly = synthApp(lifecycleApp); });

test('init once, warm reuse: module state and /tmp survive; the cold start carries Init Duration', async () => {
  await withFunction(assembly, 'Local/Warm', async e => {
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push(await e.invoke({ payload: '{}' }));
    const bodies = outcomes.map(o => JSON.parse(o.payload));
    expect(bodies.map(b => b.count)).toEqual([1, 2, 3]);
    expect(new Set(bodies.map(b => b.bornAt)).size).toBe(1);
    expect(bodies.map(b => b.tmpSurvived)).toEqual([false, true, true]);
    expect(bodies[0].env).toBe('256');
    expect(outcomes.map(o => o.coldStart)).toEqual([true, false, false]);
    expect(outcomes[0].initDurationMs).toBeGreaterThan(0);
    expect(outcomes[1].initDurationMs).toBeUndefined();
    const [first, second] = outcomes;
    expect(first.logs[0]).toMatch(/^INIT_START Runtime Version: nodejs22.x/);
    expect(first.logs).toContain(`START RequestId: ${first.requestId} Version: $LATEST`);
    expect(first.logs.find(l => l.includes('count is 1'))).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\t${first.requestId}\\tINFO\\tcount is 1$`));
    expect(first.logs).toContain(`END RequestId: ${first.requestId}`);
    const report = first.logs[first.logs.length - 1];
    expect(report).toMatch(new RegExp(`^REPORT RequestId: ${first.requestId}\\tDuration: [\\d.]+ ms\\tBilled Duration: \\d+ ms\\tMemory Size: 256 MB\\tMax Memory Used: \\d+ MB\\tInit Duration: [\\d.]+ ms$`));
    expect(second.logs[second.logs.length - 1]).not.toMatch(/Init Duration/);
    expect(first.maxMemoryUsedMb).toBeGreaterThan(10);
  });
});

test('a timeout ends the invocation and the environment: "Task timed out after 1.00 seconds", then a cold start', async () => {
  await withFunction(assembly, 'Local/Sleep', async e => {
    const slow = await e.invoke({ payload: '{"ms":3000}' });
    expect(slow.errorType).toBe('Sandbox.Timedout');
    expect(slow.errorMessage).toMatch(/Task timed out after 1.00 seconds/);
    expect(slow.logs.some(l => / Task timed out after 1.00 seconds$/.test(l))).toBe(true);
    expect(slow.logs[slow.logs.length - 1]).toMatch(/Status: timeout$/);
    expect(slow.durationMs).toBeGreaterThanOrEqual(990);
    const next = await e.invoke({ payload: '{"ms":1}' });
    expect(JSON.parse(next.payload)).toEqual({ slept: 1 });
    expect(next.coldStart).toBe(true);
  });
});

test('N concurrent invocations run in N environments', async () => {
  await withFunction(assembly, 'Local/Sleep', async e => {
    const outcomes = await Promise.all([1, 2, 3].map(() => e.invoke({ payload: '{"ms":300}' })));
    expect(new Set(outcomes.map(o => o.environmentId)).size).toBe(3);
    expect(outcomes.every(o => o.coldStart)).toBe(true);
    const again = await e.invoke({ payload: '{"ms":1}' });
    expect(again.coldStart).toBe(false);
    expect(e.runner.environmentsStarted).toBe(3);
  });
});

test('callback handlers get Lambda\'s context: request id, ARN, remaining time, client context, trace id', async () => {
  await withFunction(assembly, 'Callback', async e => {
    const o = await e.invoke({ payload: '{}', clientContext: '{"custom":{"a":"b"}}', traceId: 'Root=1-abc-def;Sampled=1' });
    const body = JSON.parse(o.payload);
    expect(body.id).toBe(o.requestId);
    expect(body.arn).toBe(`arn:aws:lambda:eu-west-1:111111111111:function:${e.spec.functionName}`);
    expect(body.left).toBeGreaterThan(1000);
    expect(body.left).toBeLessThanOrEqual(3000);
    expect(body.client).toEqual({ custom: { a: 'b' } });
    expect(body.trace).toBe('Root=1-abc-def;Sampled=1');
  });
});

test('LoggingConfig.LogFormat JSON: application and platform records are JSON', async () => {
  await withFunction(assembly, 'Local/Json', async e => {
    const o = await e.invoke({ payload: '{}' });
    const records = o.logs.map(l => JSON.parse(l));
    expect(records).toContainEqual(expect.objectContaining({ level: 'INFO', message: 'hello json', requestId: o.requestId }));
    expect(records).toContainEqual(expect.objectContaining({ level: 'ERROR', message: 'oops' }));
    expect(records).toContainEqual(expect.objectContaining({ type: 'platform.start', record: { requestId: o.requestId, version: '$LATEST' } }));
    const report = records.find(r => r.type === 'platform.report');
    expect(report.record.metrics).toEqual(expect.objectContaining({
      memorySizeMB: 256, initDurationMs: expect.any(Number), billedDurationMs: expect.any(Number),
    }));
  });
});

test('JSON logs: platform.runtimeDone carries the invocation\'s status, as platform.report does (success, error, timeout)', async () => {
  const jsonApp = synthApp(app => new lambda.Function(new Stack(app, 'Done'), 'Fn', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    timeout: Duration.seconds(1),
    loggingFormat: lambda.LoggingFormat.JSON,
    code: lambda.Code.fromInline('exports.handler = async (e) => { if (e.boom) throw new Error("boom"); if (e.ms) await new Promise(r => setTimeout(r, e.ms)); return 1; };'),
  }));
  await withFunction(jsonApp, 'Done/Fn', async e => {
    const statuses = async (payload: string) => {
      const records = (await e.invoke({ payload })).logs.map(l => JSON.parse(l));
      return ['platform.runtimeDone', 'platform.report'].map(type => records.find(r => r.type === type)?.record.status);
    };
    expect(await statuses('{}')).toEqual(['success', 'success']);
    expect(await statuses('{"boom":true}')).toEqual(['error', 'error']);
    expect(await statuses('{"ms":3000}')).toEqual(['timeout', 'timeout']);
  });
});

test('Python: context.identity and context.client_context are objects, as on Lambda (identity with None fields when none was sent)', async () => {
  await withFunction(assembly, 'Local/Py', async e => {
    const none = JSON.parse((await e.invoke({ payload: '{}' })).payload);
    expect([none.identity, none.client_context, none.client]).toEqual([{ cognito_identity_id: null, cognito_identity_pool_id: null }, null, null]);
    const sent = JSON.parse((await e.invoke({
      payload: '{}',
      cognitoIdentity: '{"cognitoIdentityId":"id-1","cognitoIdentityPoolId":"pool-1"}',
      clientContext: '{"client":{"installation_id":"i-1","app_title":"Shop"},"custom":{"a":"b"},"env":{"locale":"en"}}',
    })).payload);
    expect(sent.identity).toEqual({ cognito_identity_id: 'id-1', cognito_identity_pool_id: 'pool-1' });
    expect(sent.client_context).toEqual({ custom: { a: 'b' }, env: { locale: 'en' } });
    expect(sent.client).toEqual({ installation_id: 'i-1', app_title: 'Shop', app_version_name: null, app_version_code: null, app_package_name: null });
  });
});

test('Python: the project\'s bootstrap runs the inline handler with its context, warm, and reports errors like Lambda', async () => {
  await withFunction(assembly, 'Local/Py', async e => {
    const a = JSON.parse((await e.invoke({ payload: '{"x":1}' })).payload);
    const second = await e.invoke({ payload: '{"x":2}' });
    const b = JSON.parse(second.payload);
    expect([a.x, a.count, b.x, b.count, b.left]).toEqual([1, 1, 2, 2, true]);
    expect(b.id).toBe(second.requestId);
    expect(second.logs.some(l => new RegExp(`^\\[INFO\\]\\t\\S+\\t${second.requestId}\\tpython 2$`).test(l))).toBe(true);
    const err = await e.invoke({ payload: '{"boom":true}' });
    expect(err.errorType).toBe('ValueError');
    expect(JSON.parse(err.payload)).toEqual(expect.objectContaining({ errorMessage: 'python boom', errorType: 'ValueError', stackTrace: expect.any(Array) }));
  });
});

test('function errors carry the error type; an uncaught exception ends the environment', async () => {
  await withFunction(assembly, 'Local/Fails', async e => {
    const o = await e.invoke({ payload: '{"boom":true}' });
    expect(o.errorType).toBe('OrderError');
    expect(JSON.parse(o.payload)).toEqual(expect.objectContaining({ errorType: 'OrderError', errorMessage: 'boom', trace: expect.any(Array) }));
    expect(o.logs.some(l => l.includes('\tERROR\tInvoke Error'))).toBe(true);
    expect((await e.invoke({ payload: '{}' })).coldStart).toBe(false);
  });
  await withFunction(assembly, 'Local/Crash', async e => {
    // thrown from a timer: an uncaught exception, reported as thrown (as aws-lambda-ric does), not a rejection
    const o = await e.invoke({ payload: '{}' });
    expect([o.errorType, JSON.parse(o.payload).errorMessage]).toEqual(['Error', 'async crash']);
    expect(o.logs.some(l => /\tERROR\tUncaught Exception \t\{"errorType":"Error","errorMessage":"async crash"/.test(l))).toBe(true);
    expect((await e.invoke({ payload: '{}' })).coldStart).toBe(true);
  });
});

test('uncaught errors in JSON logs: one record whose message is the error (Node.js) or that is the error (Python), as AWS\'s runtimes log them', async () => {
  const errorsApp = synthApp(app => {
    const stack = new Stack(app, 'Errors');
    const json = { loggingFormat: lambda.LoggingFormat.JSON, handler: 'index.handler' };
    new lambda.Function(stack, 'Node', { ...json, runtime: lambda.Runtime.NODEJS_22_X, code: lambda.Code.fromInline('exports.handler = async (e) => { if (e.reject) { Promise.reject(new Error("lost")); await new Promise(r => setTimeout(r, 50)); } throw new TypeError("bad input"); };') });
    new lambda.Function(stack, 'Py', { ...json, runtime: lambda.Runtime.PYTHON_3_12, code: lambda.Code.fromInline('def handler(event, context):\n    raise KeyError("missing")') });
    new lambda.Function(stack, 'PyText', { handler: 'index.handler', runtime: lambda.Runtime.PYTHON_3_12, code: lambda.Code.fromInline('def handler(event, context):\n    raise KeyError("missing")') });
  });
  const errorRecords = (logs: string[]) => logs.filter(l => l.startsWith('{')).map(l => JSON.parse(l)).filter(r => r.level === 'ERROR' || r.log_level === 'ERROR');
  await withFunction(errorsApp, 'Errors/Node', async e => {
    const o = await e.invoke({ payload: '{}' });
    const [record] = errorRecords(o.logs);
    expect(record).toEqual({ timestamp: expect.any(String), level: 'ERROR', requestId: o.requestId, message: { errorType: 'TypeError', errorMessage: 'bad input', stackTrace: expect.arrayContaining([expect.stringMatching(/^TypeError: bad input/)]) } });
    const rejected = await e.invoke({ payload: '{"reject":true}' });
    expect([rejected.errorType, JSON.parse(rejected.payload).errorMessage]).toEqual(['Runtime.UnhandledPromiseRejection', 'Error: lost']);
    expect(errorRecords(rejected.logs)[0].message.errorType).toBe('Runtime.UnhandledPromiseRejection');
  });
  await withFunction(errorsApp, 'Errors/Py', async e => {
    const o = await e.invoke({ payload: '{}' });
    const [record] = errorRecords(o.logs);
    expect(record).toEqual({ timestamp: expect.any(String), level: 'ERROR', errorMessage: "'missing'", errorType: 'KeyError', requestId: o.requestId, stackTrace: [expect.stringMatching(/^ {2}File ".*index\.py", line 2, in handler\n/)] });
  });
  await withFunction(errorsApp, 'Errors/PyText', async e => {
    const o = await e.invoke({ payload: '{}' });
    const start = o.logs.indexOf("[ERROR] KeyError: 'missing'");
    expect(start).toBeGreaterThanOrEqual(0);
    expect(o.logs[start + 1]).toBe('Traceback (most recent call last):');
    expect(o.logs[start + 2]).toMatch(/^\s+File ".*index\.py", line 2, in handler$/);
    expect(o.logs.join('\n')).not.toMatch(/bootstrap\.py/); // the emulator's own frames are not the function's
  });
});

test('asynchronous triggers: retries per the invoke config, then the on-failure destination and the DLQ', async () => {
  await withFunction(assembly, 'Local/Fails', async e => {
    expect(e.sources.map(s => s.kind)).toEqual(['sns']);
    const outbox = await e.deliver(['good', 'bad']);
    expect(outbox.invocations).toBe(1 + 2);
    expect([outbox.succeeded, outbox.failed]).toEqual([1, 1]);
    const [failureId, dlqId] = ['Failures', 'Dlq'].map(n => Object.keys(outbox.destinations).find(k => k.startsWith(n))!);
    const record = outbox.destinations[failureId][0] as any;
    expect(record.requestContext).toEqual(expect.objectContaining({ condition: 'RetriesExhausted', approximateInvokeCount: 2 }));
    expect(record.requestPayload.Records[0].Sns.Message).toBe('bad');
    expect(record.responsePayload).toEqual(expect.objectContaining({ errorType: 'OrderError' }));
    expect(JSON.parse((outbox.destinations[dlqId][0] as any).body).Records[0].Sns.Message).toBe('bad');
    expect(JSON.parse(JSON.stringify(outbox)).destinations[failureId]).toHaveLength(1);
  });
});

test('the emulator can be disposed twice and refuses to run a disposed environment', async () => {
  const e = Emulator.open(assembly, 'Local/Warm');
  await e.invoke({ payload: '{}' });
  e.dispose();
  e.dispose();
});
