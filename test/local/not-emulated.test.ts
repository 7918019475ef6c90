import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { synthApp, withFunction } from './helpers';

// What the emulator does not reproduce is named in its warnings (issue 25), and the function still runs as a plain one.

const POWERTOOLS_LAYER = 'arn:aws:lambda:us-east-1:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:44';

function app(a: App): void {
  const stack = new Stack(a, 'Local', { env: { account: '123456789012', region: 'us-east-1' } });
  const fn = (id: string, override: Record<string, unknown>) => {
    const f = new lambda.Function(stack, id, {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async (e) => ({ ok: true, e });'),
    });
    for (const [key, value] of Object.entries(override)) (f.node.defaultChild as lambda.CfnFunction).addPropertyOverride(key, value);
  };
  fn('Plain', {});
  fn('Snap', { SnapStart: { ApplyOn: 'PublishedVersions' } });
  fn('Durable', { DurableConfig: { ExecutionTimeout: 3600 } });
  fn('SystemWarn', { LoggingConfig: { LogFormat: 'JSON', SystemLogLevel: 'WARN' } });
  fn('PublishedLayer', { Layers: [POWERTOOLS_LAYER] });
  fn('Signed', { CodeSigningConfigArn: 'arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0123456789abcdef0' });
  fn('Managed', { CapacityProviderConfig: { LambdaManagedInstancesCapacityProviderConfig: { CapacityProviderArn: 'arn:aws:lambda:us-east-1:123456789012:capacity-provider:p' } } });
}

let assembly: string;
beforeAll(() => { assembly = synthApp(app); });

test.each([
  ['Snap', '/Local/Snap/Resource uses SnapStart: not emulated here — every environment runs its init from the start (no snapshot, no restore), '
    + 'and runtime hooks such as beforeCheckpoint/afterRestore never run'],
  ['Durable', '/Local/Durable/Resource is a durable function: not emulated here — each invoke runs the handler once, with no checkpoints, waits or '
    + 'replays (the durable execution SDK\'s steps run inline)'],
  ['Managed', '/Local/Managed/Resource runs on Lambda Managed Instances: not emulated here — each environment takes one request at a time (no '
    + 'per-environment concurrency) and runs on this host, not on the capacity provider\'s instances'],
  ['SystemWarn', '/Local/SystemWarn/Resource has the system log level WARN: not emulated here — the platform\'s START, END and REPORT records '
    + 'are written locally, which Lambda leaves out at WARN'],
  ['Signed', '/Local/Signed/Resource has a code signing configuration: not emulated here — the local package runs without its signature '
    + 'being checked (Lambda checks it at deployment)'],
  ['Plain', undefined],
])('%s: the warning names what is not emulated, and the handler runs', async (id, warning) => {
  await withFunction(assembly, `Local/${id}`, async e => {
    expect(e.spec.warnings.filter(w => w.includes('not emulated'))).toEqual(warning ? [warning] : []);
    expect(JSON.parse((await e.invoke({ payload: '{"n":1}' })).payload)).toEqual({ ok: true, e: { n: 1 } });
  });
});

test('a layer the app does not build (AWS\'s Powertools) is not downloaded: a warning, and the handler runs without it', async () => {
  await withFunction(assembly, 'Local/PublishedLayer', async e => {
    expect(e.spec.warnings.filter(w => w.includes('layer'))).toEqual([`/Local/PublishedLayer/Resource uses layer ${POWERTOOLS_LAYER}, which this app does not build: it is not downloaded, `
      + 'so what it puts in /opt (modules, extensions, a bootstrap) is missing locally']);
    expect(JSON.parse((await e.invoke({ payload: '{"n":2}' })).payload)).toEqual({ ok: true, e: { n: 2 } });
  });
});
