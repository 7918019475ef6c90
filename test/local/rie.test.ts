import * as fs from 'fs';
import * as path from 'path';
import { lifecycleApp } from './fixtures';
import { synthApp } from './helpers';
import { NODE_RIC, PYTHON_RIC_DIR, RIE_BIN, RieProcess, RieResponse } from '../../build-tools/local-conformance';
import { Emulator } from '../../src/local/private/emulator';
import { InvokeOutcome } from '../../src/local/private/types';

// Conformance with AWS's Runtime Interface Emulator (aws-lambda-rie, the emulator of Lambda's container
// images): the same function, run by RIE with AWS's runtime client as its bootstrap, gives the same responses
// and error documents as the project's emulator. Where the two differ by design, the difference is asserted
// here and listed in the README ("Run functions locally"). build-tools/setup-local-conformance.sh (run by
// .ci/run) builds RIE into .cache/local-conformance/rie/.

const installed = [RIE_BIN, NODE_RIC, path.join(PYTHON_RIC_DIR, 'awslambdaric')].every(f => fs.existsSync(f));
const inCi = process.env.CI === 'true';

test('AWS\'s Runtime Interface Emulator is installed in CI (build-tools/setup-local-conformance.sh)', () => {
  if (inCi) expect({ rie: fs.existsSync(RIE_BIN), nodeRic: fs.existsSync(NODE_RIC) }).toEqual({ rie: true, nodeRic: true });
});

const rie = installed ? describe : describe.skip;
if (!installed && !inCi) {
  // eslint-disable-next-line no-console
  console.warn('RIE conformance tests skipped: run build-tools/setup-local-conformance.sh to build aws-lambda-rie');
}

/** RIE always reports this region and account in the invoked function's ARN. */
const rieArn = (name: string) => `arn:aws:lambda:us-east-1:012345678912:function:${name}`;
const base64 = (text: string) => Buffer.from(text).toString('base64');
/** Whether `pid` runs (a zombie, killed and not yet reaped, does not). */
const alive = (pid: number) => { try { return !/^\d+ \(.*\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf-8')); } catch { return false; } };
const reportOf = (lines: string[], id: string) => lines.find(l => l.startsWith(`REPORT RequestId: ${id}\t`)) ?? '';

/** Opens the function under both emulators, runs `body` and ends both (RIE's process tree first). */
async function underBoth(assembly: string, id: string, body: (ours: Emulator, theirs: RieProcess) => Promise<void>): Promise<void> {
  const ours = Emulator.open(assembly, id);
  let theirs: RieProcess | undefined;
  try {
    theirs = await RieProcess.start(ours.runner.fn);
    await body(ours, theirs);
  } finally {
    await theirs?.dispose();
    ours.dispose();
  }
}

/** Invokes both with the same event; RIE gets `requestId` as X-Amzn-RequestId. */
async function invokeBoth(ours: Emulator, theirs: RieProcess, event: object, requestId: string): Promise<[InvokeOutcome, RieResponse]> {
  const payload = JSON.stringify(event);
  const cc = '{"client":{"app":"x"}}';
  return [
    await ours.invoke({ payload, clientContext: cc }),
    await theirs.invoke(payload, { 'X-Amzn-RequestId': requestId, 'X-Amz-Client-Context': base64(cc) }),
  ];
}

rie('conformance with AWS\'s Runtime Interface Emulator', () => {
  let assembly: string;
  beforeAll(() => { assembly = synthApp(lifecycleApp); });

  test('Node.js: the same responses, error documents, warm state and log lines; RIE flags no function error', async () => {
    await underBoth(assembly, 'Local/Conformance', async (ours, theirs) => {
      const ids = ['rie-1', 'rie-2', 'rie-3'];
      const runs = [];
      for (const [i, event] of [{ a: 1 }, { b: 2 }, { fail: true }].entries()) runs.push(await invokeBoth(ours, theirs, event, ids[i]));
      const name = ours.spec.functionName;
      for (const [o, t] of runs.slice(0, 2)) {
        expect(t.status).toBe(200);
        // Difference: RIE's invoked function ARN names us-east-1 and account 012345678912 whatever the stack's.
        expect({ ...JSON.parse(t.body), arn: undefined }).toEqual({ ...JSON.parse(o.payload), arn: undefined });
        expect([JSON.parse(o.payload).arn, JSON.parse(t.body).arn]).toEqual([ours.spec.arn, rieArn(name)]);
      }
      expect(JSON.parse(runs[1][1].body)).toEqual(expect.objectContaining({ n: 2, event: { b: 2 }, mem: '256', cc: { client: { app: 'x' } } }));
      // A function error: the same document (the stack's first frame is the handler's; the rest is the client's).
      const [o, t] = runs[2];
      const [od, td] = [JSON.parse(o.payload), JSON.parse(t.body)];
      expect([td.errorType, td.errorMessage, td.trace[0], td.trace[1]]).toEqual([od.errorType, od.errorMessage, od.trace[0], od.trace[1]]);
      expect([o.errorType, od.errorType]).toEqual(['ConformanceError', 'ConformanceError']);
      // Difference: RIE answers a function error with 200 and no X-Amz-Function-Error header (Lambda's Invoke API
      // sets it to Unhandled; the emulator sets the outcome's errorType).
      expect([t.status, t.headers['x-amz-function-error'], t.headers['content-type']]).toEqual([200, undefined, 'text/plain; charset=utf-8']);
      // The same platform and function lines, under each one's request id.
      for (const [i, [oo]] of runs.entries()) {
        for (const [lines, id] of [[oo.logs, oo.requestId], [theirs.logs, ids[i]]] as const) {
          expect(lines).toContain(`START RequestId: ${id} Version: $LATEST`);
          expect(lines).toContain(`END RequestId: ${id}`);
          expect(lines.some(l => new RegExp(`^\\S+\\t${id}\\t(INFO\\tconformance log|ERROR\\tInvoke Error \\t)`).test(l))).toBe(true);
        }
      }
      // Cold start: Init Duration in the first REPORT only, under both.
      expect(runs.map(([oo], i) => [oo.coldStart, reportOf(theirs.logs, ids[i]).includes('Init Duration: ')])).toEqual([[true, true], [false, false], [false, false]]);
      // Difference: RIE's REPORT gives the memory size as Max Memory Used; the emulator measures the runtime's peak.
      expect(reportOf(theirs.logs, 'rie-2')).toMatch(/\tMemory Size: 256 MB\tMax Memory Used: 256 MB\t$/);
      expect(runs[1][0].maxMemoryUsedMb).toBeLessThan(256);
    });
  });

  test('Node.js: the context the handler sees (request id, identity, client context, remaining time); RIE sets no X-Ray trace', async () => {
    await underBoth(assembly, 'Local/Callback', async (ours, theirs) => {
      const identity = '{"cognitoIdentityId":"eu-west-1:cid","cognitoIdentityPoolId":"eu-west-1:pool"}';
      const cc = '{"client":{"app_title":"shop"},"custom":{"k":"v"}}';
      const traceId = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';
      const o = await ours.invoke({ payload: '{}', cognitoIdentity: identity, clientContext: cc, traceId });
      const t = await theirs.invoke('{}', { 'X-Amzn-RequestId': 'rie-ctx', 'X-Amz-Cognito-Identity': identity, 'X-Amz-Client-Context': base64(cc), 'X-Amzn-Trace-Id': traceId });
      const [od, td] = [JSON.parse(o.payload), JSON.parse(t.body)];
      expect([od.id, td.id]).toEqual([o.requestId, 'rie-ctx']);
      expect([td.identity, td.client, td.name]).toEqual([od.identity, od.client, od.name]);
      expect(od.identity).toEqual({ cognitoIdentityId: 'eu-west-1:cid', cognitoIdentityPoolId: 'eu-west-1:pool' });
      expect([od.left, td.left].every(ms => ms > 0 && ms <= 3000)).toBe(true);
      // Differences: no X-Ray under RIE (the runtime gets no trace id, even when the caller sends one); its ARN.
      expect([od.trace, td.trace]).toEqual([traceId, undefined]);
      expect(td.arn).toBe(rieArn(ours.spec.functionName));
    });
  });

  test('Node.js: init errors give the same error document on every invocation; RIE answers them with 502', async () => {
    for (const [id, errorType] of [['Local/NoExport', 'Runtime.HandlerNotFound'], ['Local/NoModule', 'Runtime.ImportModuleError']]) {
      await underBoth(assembly, id, async (ours, theirs) => {
        for (const requestId of ['init-1', 'init-2']) {
          const [o, t] = await invokeBoth(ours, theirs, {}, requestId);
          const [od, td] = [JSON.parse(o.payload), JSON.parse(t.body)];
          expect([t.status, o.errorType, od.errorType, td.errorType]).toEqual([502, errorType, errorType, errorType]);
          // The first line is the same; Node's "Require stack" below it names each runtime client's own file.
          expect(td.errorMessage.split('\n')[0]).toBe(od.errorMessage.split('\n')[0]);
          expect(o.coldStart).toBe(true);
        }
      });
    }
  });

  test('Node.js: a runtime that crashes gives the same error document; both start it again for the next invocation', async () => {
    await underBoth(assembly, 'Local/Crash', async (ours, theirs) => {
      for (const requestId of ['crash-1', 'crash-2']) {
        const [o, t] = await invokeBoth(ours, theirs, {}, requestId);
        expect(JSON.parse(t.body)).toEqual(JSON.parse(o.payload));
        expect([t.status, o.errorType, o.errorMessage, o.coldStart]).toEqual([502, 'Error', 'async crash', true]);
      }
    });
  });

  test('timeout: the same message, in RIE as plain text; both start the runtime again', async () => {
    await underBoth(assembly, 'Local/Sleep', async (ours, theirs) => {
      const [o, t] = await invokeBoth(ours, theirs, { ms: 2000 }, 'slow-1');
      // Difference: RIE answers 200 with plain text, not Lambda's Sandbox.Timedout document.
      expect([t.status, t.body]).toEqual([200, 'Task timed out after 1.00 seconds']);
      expect(JSON.parse(o.payload)).toEqual({ errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${o.requestId} Error: Task timed out after 1.00 seconds` });
      expect(reportOf(theirs.logs, 'slow-1')).toContain('\tDuration: 1000.00 ms\t');
      const [o2, t2] = await invokeBoth(ours, theirs, { ms: 10 }, 'slow-2');
      expect([JSON.parse(t2.body), JSON.parse(o2.payload)]).toEqual([{ slept: 10 }, { slept: 10 }]);
      // Difference: RIE starts the runtime again in place and reports no Init Duration; the emulator's new
      // environment is a cold start.
      expect([o2.coldStart, reportOf(theirs.logs, 'slow-2').includes('Init Duration')]).toEqual([true, false]);
    });
  });

  test('Python: awslambdaric under RIE gives the same responses and error documents as the project\'s bootstrap', async () => {
    await underBoth(assembly, 'Local/Py', async (ours, theirs) => {
      const ids = ['py-1', 'py-2', 'py-3'];
      const runs = [];
      for (const [i, event] of [{ x: 1 }, { x: 2 }, { boom: true }].entries()) runs.push(await invokeBoth(ours, theirs, event, ids[i]));
      for (const [i, [o, t]] of runs.slice(0, 2).entries()) {
        const [od, td] = [JSON.parse(o.payload), JSON.parse(t.body)];
        expect([od.id, td.id]).toEqual([o.requestId, ids[i]]);
        expect({ ...td, id: undefined }).toEqual({ ...od, id: undefined });
        expect(td.count).toBe(i + 1);
      }
      const [o, t] = runs[2];
      const [od, td] = [JSON.parse(o.payload), JSON.parse(t.body)];
      expect({ ...td, requestId: undefined }).toEqual({ ...od, requestId: undefined });
      expect([t.status, od.errorType, od.errorMessage, od.requestId, td.requestId]).toEqual([200, 'ValueError', 'python boom', o.requestId, 'py-3']);
      expect(od.stackTrace[0]).toContain('raise ValueError("python boom")');
    });
  });

  test('concurrency: the emulator runs two concurrent invocations in two environments; RIE serves one at a time', async () => {
    let runtimes: number[] = [];
    await underBoth(assembly, 'Local/Sleep', async (ours, theirs) => {
      const event = JSON.stringify({ ms: 300 });
      const o = await Promise.all([ours.invoke({ payload: event }), ours.invoke({ payload: event })]);
      expect(o.map(x => [x.environmentId, x.payload]).sort()).toEqual([[1, '{"slept":300}'], [2, '{"slept":300}']]);
      expect((await theirs.invoke(event)).body).toBe('{"slept":300}');
      // Difference: RIE has one environment; a second invocation while one runs is not served: this version
      // of RIE ends with a nil-pointer panic in rapidcore's Server.Invoke, so neither caller gets an answer.
      const t = await Promise.allSettled([theirs.invoke(event), theirs.invoke(event)]);
      expect(t.map(r => (r.status === 'rejected' ? String(r.reason) : r.value.status))).toEqual(['Error: socket hang up', 'Error: socket hang up']);
      await theirs.ended;
      expect(theirs.stderr).toContain('panic: runtime error: invalid memory address or nil pointer dereference');
      runtimes = theirs.runtimePids;
      expect(runtimes.filter(alive)).toEqual(runtimes); // the crashed RIE left its runtime running
    });
    // ... which the helper's dispose ended (no process runs on after the tests).
    // (within 100 ms: on its own, the runtime would end only when its 300 ms invocation ends)
    for (let i = 0; i < 5 && runtimes.some(alive); i++) await new Promise(r => setTimeout(r, 20));
    expect([runtimes.length, runtimes.filter(alive)]).toEqual([1, []]);
  });
});
