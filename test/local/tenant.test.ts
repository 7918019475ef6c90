import * as fs from 'fs';
import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { synthApp } from './helpers';
import { awsClient, NODE_RIC, PYTHON_RIC_DIR } from '../../build-tools/local-conformance';
import { runCli } from '../../src/local/private/cli-main';
import { Emulator } from '../../src/local/private/emulator';
import { FunctionRunner } from '../../src/local/private/runner';

// Tenant isolation mode (TenancyConfig PER_TENANT): every invocation names a tenant, each tenant has its
// own execution environments, and the handler sees the tenant in its context and JSON log records.

function tenantApp(app: App): Stack {
  const stack = new Stack(app, 'Tenants', { env: { account: '111111111111', region: 'eu-west-1' } });
  const common = { tenancyConfig: lambda.TenancyConfig.PER_TENANT, loggingFormat: lambda.LoggingFormat.JSON, handler: 'index.handler' };
  new lambda.Function(stack, 'Node', {
    ...common,
    runtime: lambda.Runtime.NODEJS_22_X,
    code: lambda.Code.fromInline('let n = 0; exports.handler = async (e, context) => { console.log(\'served\'); return { tenant: context.tenantId, n: ++n }; };'),
  });
  new lambda.Function(stack, 'Py', {
    ...common,
    runtime: lambda.Runtime.PYTHON_3_12,
    code: lambda.Code.fromInline('import logging\nn = 0\ndef handler(e, context):\n    global n\n    n += 1\n    logging.getLogger().warning("served")\n    return {"tenant": context.tenant_id, "n": n}'),
  });
  return stack;
}

let assembly: string;
beforeAll(() => { assembly = synthApp(tenantApp); });

/** The function's own JSON log record ("served"). */
function served(logs: string[]): Record<string, unknown> {
  return JSON.parse(logs.find(l => l.includes('"served"'))!);
}

test.each(['Tenants/Node', 'Tenants/Py'])('%s: a tenant id is required; each tenant has its own environments; context and log records carry it', async id => {
  const e = Emulator.open(assembly, id);
  try {
    await expect(e.invoke({ payload: '{}' })).rejects.toThrow(`/${id}/Resource: the function runs in tenant isolation mode (TenancyConfig PER_TENANT): every invocation needs a tenant id (the tenantId option (tenant_id in Python))`);
    const [blue, green, blueAgain] = [await e.invoke({ payload: '{}', tenantId: 'blue' }), await e.invoke({ payload: '{}', tenantId: 'green' }), await e.invoke({ payload: '{}', tenantId: 'blue' })];
    expect([blue, green, blueAgain].map(o => JSON.parse(o.payload))).toEqual([{ tenant: 'blue', n: 1 }, { tenant: 'green', n: 1 }, { tenant: 'blue', n: 2 }]);
    expect([blue.environmentId, green.environmentId, blueAgain.environmentId]).toEqual([1, 2, 1]);
    expect([green.coldStart, blueAgain.coldStart]).toEqual([true, false]);
    expect(served(green.logs)).toEqual(expect.objectContaining({ requestId: green.requestId, tenantId: 'green' }));
  } finally {
    e.dispose();
  }
});

test('the CLI: --tenant-id, and the refusal without it (exit 2)', async () => {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
  expect(await runCli(['invoke', 'Tenants/Node', '--assembly', assembly, '--tenant-id', 'red', '-q'], io)).toBe(0);
  expect(JSON.parse(out[0])).toEqual({ tenant: 'red', n: 1 });
  expect(await runCli(['invoke', 'Tenants/Node', '--assembly', assembly, '-q'], io)).toBe(2);
  expect(err.pop()).toMatch(/^error: \/Tenants\/Node\/Resource: the function runs in tenant isolation mode .* every invocation needs a tenant id \(--tenant-id\)$/);
});

const installed = fs.existsSync(NODE_RIC) && fs.existsSync(PYTHON_RIC_DIR);
const withAwsClients = installed || process.env.CI === 'true' ? test.each : test.skip.each;
withAwsClients(['Tenants/Node', 'Tenants/Py'])('%s: AWS\'s runtime client sees the same tenant in its context and log records', async id => {
  const e = Emulator.open(assembly, id);
  const fn = e.runner.fn;
  const client = awsClient(fn);
  const launch = { ...fn.launch, command: client.command, args: client.args, env: { ...fn.launch.env, ...client.env } };
  const theirs = new FunctionRunner({ spec: fn.spec, launch });
  try {
    const [o, t] = [await e.invoke({ payload: '{}', tenantId: 'blue' }), await theirs.invoke({ payload: '{}', tenantId: 'blue' })];
    expect(JSON.parse(t.payload)).toEqual(JSON.parse(o.payload));
    expect([served(t.logs).tenantId, served(o.logs).tenantId]).toEqual(['blue', 'blue']);
    expect([served(t.logs).message, served(o.logs).message]).toEqual(['served', 'served']);
  } finally {
    theirs.dispose();
    e.dispose();
  }
});
