import * as fs from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { lifecycleApp } from './fixtures';
import { synthApp } from './helpers';
import { NODE_RIC, PYTHON_RIC_DIR } from '../../build-tools/local-conformance';
import { Emulator } from '../../src/local/private/emulator';
import { FunctionRunner } from '../../src/local/private/runner';
import { InvokeOutcome } from '../../src/local/private/types';

// Conformance with AWS's own Runtime Interface Clients: the same handler, run once through the project's
// runtime client and once through AWS's, against the emulator's Runtime API server, gives the same results.
// `build-tools/setup-local-conformance.sh` (run by .ci/run) installs them into .cache/local-conformance/.

const PYTHON_RIC = path.join(PYTHON_RIC_DIR, 'awslambdaric');
const installed = fs.existsSync(NODE_RIC) && fs.existsSync(PYTHON_RIC);
const inCi = process.env.CI === 'true';

test('AWS\'s runtime clients are installed in CI (build-tools/setup-local-conformance.sh)', () => {
  if (inCi) expect({ nodeRic: fs.existsSync(NODE_RIC), pythonRic: fs.existsSync(PYTHON_RIC) }).toEqual({ nodeRic: true, pythonRic: true });
});

const conformance = installed ? describe : describe.skip;
if (!installed && !inCi) {
  // eslint-disable-next-line no-console
  console.warn('conformance tests skipped: run build-tools/setup-local-conformance.sh to install aws-lambda-ric and awslambdaric');
}

interface AwsClient {
  readonly command: string;
  readonly args: string[];
  readonly env?: Record<string, string>;
}

async function both(assembly: string, id: string, aws: AwsClient, events: object[]): Promise<Array<[InvokeOutcome, InvokeOutcome]>> {
  const e = Emulator.open(assembly, id);
  const fn = e.runner.fn;
  const launch = { ...fn.launch, command: aws.command, args: aws.args, env: { ...fn.launch.env, ...aws.env } };
  const theirs = new FunctionRunner({ spec: fn.spec, launch });
  try {
    const out: Array<[InvokeOutcome, InvokeOutcome]> = [];
    for (const event of events) {
      const payload = JSON.stringify(event);
      out.push([await e.invoke({ payload, clientContext: '{"client":{"app":"x"}}' }), await theirs.invoke({ payload, clientContext: '{"client":{"app":"x"}}' })]);
    }
    return out;
  } finally {
    theirs.dispose();
    e.dispose();
  }
}

conformance('conformance with AWS\'s Runtime Interface Clients', () => {
  let assembly: string;
  beforeAll(() => { assembly = synthApp(lifecycleApp); });

  test('Node.js: aws-lambda-ric 3.x gives the same responses, errors and warm state as the project\'s client', async () => {
    const runs = await both(assembly, 'Local/Conformance', { command: process.execPath, args: [NODE_RIC, 'index.handler'] }, [{ a: 1 }, { b: 2 }, { fail: true }]);
    for (const [ours, theirs] of runs) {
      expect(theirs.errorType).toBe(ours.errorType);
      if (ours.errorType) {
        const [o, t] = [JSON.parse(ours.payload), JSON.parse(theirs.payload)];
        expect([t.errorType, t.errorMessage]).toEqual([o.errorType, o.errorMessage]);
      } else {
        expect(JSON.parse(theirs.payload)).toEqual(JSON.parse(ours.payload));
      }
      expect(theirs.logs.some(l => l.includes('conformance log') || l.includes('conformance failure'))).toBe(true);
    }
    expect(runs.map(([o, t]) => [o.coldStart, t.coldStart])).toEqual([[true, true], [false, false], [false, false]]);
    expect(JSON.parse(runs[1][1].payload)).toEqual(expect.objectContaining({ n: 2, requestIdSet: true, cc: { client: { app: 'x' } } }));
  });

  test('Python: awslambdaric gives the same responses and errors as the project\'s bootstrap', async () => {
    const env = { PYTHONPATH: PYTHON_RIC_DIR };
    const runs = await both(assembly, 'Local/Py', { command: 'python3', args: ['-m', 'awslambdaric', 'index.handler'], env }, [{ x: 1 }, { x: 2 }, { boom: true }]);
    for (const [ours, theirs] of runs) {
      expect(theirs.errorType).toBe(ours.errorType);
      const [o, t] = [JSON.parse(ours.payload), JSON.parse(theirs.payload)];
      if (ours.errorType) {
        expect([t.errorType, t.errorMessage]).toEqual([o.errorType, o.errorMessage]);
      } else {
        expect(t.id).toBe(theirs.requestId);
        expect({ ...t, id: undefined }).toEqual({ ...o, id: undefined });
      }
    }
    expect(runs.map(([, t]) => t.coldStart)).toEqual([true, false, false]);
  });

  test('Python JSON logs: awslambdaric and the project\'s bootstrap write the same records (extra fields, dict messages, exceptions)', async () => {
    const logging = synthApp(app => new lambda.Function(new Stack(app, 'PyLogs'), 'Fn', {
      runtime: lambda.Runtime.PYTHON_3_12,
      handler: 'index.handler',
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      code: lambda.Code.fromInline([
        'import logging',
        'log = logging.getLogger("orders")',
        'def handler(event, context):',
        '    log.info("order %s", 7, extra={"item": "kiwi", "count": 2, "when": object})',
        '    log.warning({"event": "dict message", "ok": True})',
        '    log.debug("below the level")',
        '    try:',
        '        raise KeyError("missing")',
        '    except KeyError:',
        '        log.exception("failed: café")',
        '    return "done"',
      ].join('\n')),
    }));
    const runs = await both(logging, 'PyLogs/Fn', { command: 'python3', args: ['-m', 'awslambdaric', 'index.handler'], env: { PYTHONPATH: PYTHON_RIC_DIR } }, [{}]);
    // The handler's records (not the platform's), with what differs between two invocations normalized.
    const records = (o: InvokeOutcome) => o.logs.map(l => JSON.parse(l)).filter(r => r.type === undefined)
      .map(r => ({ ...r, timestamp: typeof r.timestamp, requestId: r.requestId === o.requestId }));
    const [ours, theirs] = runs[0];
    expect(records(ours)).toEqual(records(theirs));
    expect(records(ours).map(r => [r.level, r.message, r.item, r.errorType])).toEqual([
      ['INFO', 'order 7', 'kiwi', undefined],
      ['WARNING', { event: 'dict message', ok: true }, undefined, undefined],
      ['ERROR', 'failed: café', undefined, 'KeyError'],
    ]);
  });
});
