import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lifecycleApp } from './fixtures';
import { synthApp } from './helpers';
import { buildApp as sqsApp } from '../../examples/sqs-worker';
import { runCli } from '../../src/local/private/cli-main';
import { EVENT_KINDS } from '../../src/local/private/events';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: t => out.push(t), err: t => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('invoke: sample events by kind, logs on stderr, the payload on stdout, exit 1 on a function error', async () => {
  const assembly = synthApp(lifecycleApp);
  const warm = await cli('invoke', 'Local/Warm', '--assembly', assembly, '--repeat', '2');
  expect(warm.code).toBe(0);
  expect(warm.out.split('\n').map(l => JSON.parse(l).count)).toEqual([1, 2]);
  expect(warm.err).toMatch(/REPORT RequestId: .*Init Duration/);
  expect(warm.err).toMatch(/# cold start.*\n[^]*# warm start/);

  const sns = await cli('invoke', 'Fails', '--assembly', assembly, '--event', 'sns', '--quiet');
  expect([sns.code, JSON.parse(sns.out)]).toEqual([0, { ok: true }]);
  expect(sns.err).not.toMatch(/START RequestId|REPORT RequestId/); // --quiet: no function logs
  const eventFile = path.join(assembly, 'event.json');
  fs.writeFileSync(eventFile, '{"boom":true}');
  const boom = await cli('invoke', 'Fails', `--assembly=${assembly}`, '--event', eventFile);
  expect([boom.code, JSON.parse(boom.out).errorType]).toEqual([1, 'OrderError']);
  // Asynchronous: accepted whatever the function does (exit 0); retried once (its invoke config), then the
  // on-failure destination and the dead-letter queue; stdout says where the event ended.
  const accepted = await cli('invoke', 'Fails', `--assembly=${assembly}`, '--event', eventFile, '--async');
  const outbox = JSON.parse(accepted.out);
  expect([accepted.code, outbox.StatusCode, outbox.invocations, outbox.failed]).toEqual([0, 202, 2, 1]);
  expect(Object.keys(outbox.destinations).map(k => k.replace(/[0-9A-F]{8}$/, ''))).toEqual(['Failures', 'Dlq']);
  expect(accepted.err).toMatch(/^# 202 accepted: 2 attempt\(s\); cold start, [\d.]+ ms, OrderError; warm start, [\d.]+ ms, OrderError$/m);
  expect((await cli('invoke', 'Fails', `--assembly=${assembly}`, '--event', eventFile, '--async', '--quiet')).err).not.toMatch(/# 202|START RequestId/);

  const env = await cli('invoke', 'Env', '--assembly', assembly, '--env', 'QUEUE_URL=http://q', '--quiet', '--concurrency', '2');
  expect(env.out.split('\n').map(l => JSON.parse(l).queue)).toEqual(['http://q', 'http://q']);
  const strict = await cli('invoke', 'Env', '--assembly', assembly, '--strict-env');
  expect([strict.code, strict.err]).toEqual([2, expect.stringMatching(/^error: \/Local\/Env\/Resource: environment variable QUEUE_URL holds a token .* with --overrides, or pass --env QUEUE_URL=...$/)]);
  const shape = await cli('invoke', 'Fails', '--assembly', assembly, '--event', 'kinesis');
  expect([shape.code, shape.err]).toEqual([2, expect.stringMatching(/; use --event sns for a sample of the right shape, or --no-shape-check$/)]);
  const placeholder = await cli('invoke', 'Env', '--assembly', assembly, '--quiet');
  expect(placeholder.err).toMatch(/^warning: environment variable QUEUE_URL/m);

  const list = await cli('list', '--assembly', assembly);
  expect(list.out).toMatch(/^Local\/Warm\tWarm[0-9A-F]+\tnodejs22.x$/m);
  expect((await cli('invoke', 'Nope', '--assembly', assembly)).err).toMatch(/^error: No function "Nope"/);
});

test('deliver: records from a file or generated, the outbox printed and written; usage and bad arguments', async () => {
  const assembly = synthApp(sqsApp);
  const records = path.join(assembly, 'records.json');
  fs.writeFileSync(records, JSON.stringify(['a', '', { order: 1 }]));
  const outboxFile = path.join(assembly, 'outbox.json');
  const r = await cli('deliver', 'SqsWorker/Jobs', '--assembly', assembly, '--records', records, '--outbox', outboxFile, '--quiet');
  expect(r.code).toBe(0);
  const outbox = JSON.parse(r.out);
  expect([outbox.succeeded, outbox.failed, outbox.source]).toEqual([2, 1, expect.stringMatching(/^sqs:JobsQueue/)]);
  expect(JSON.parse(fs.readFileSync(outboxFile, 'utf-8'))).toEqual(outbox);
  const lines = path.join(assembly, 'records.txt');
  fs.writeFileSync(lines, 'one\ntwo\n\n');
  expect(JSON.parse((await cli('deliver', 'Jobs', '--assembly', assembly, '--records', lines, '--quiet')).out).succeeded).toBe(2);
  expect(JSON.parse((await cli('deliver', 'Jobs', '--assembly', assembly, '--count', '25', '--data', 'x', '--quiet')).out).invocations).toBe(1);

  const missing = await cli('invoke', 'Jobs', '--assembly', assembly, '--event', path.join(assembly, 'missing.json'));
  expect([missing.code, missing.out]).toEqual([2, '']);
  expect(missing.err.split('\n').pop()).toBe(`error: --event ${path.join(assembly, 'missing.json')}: no such file, and not an event kind (${Object.keys(EVENT_KINDS).join(', ')}); give a JSON file, - for stdin, or a kind`);
  expect((await cli('invoke', 'Jobs', '--assembly', assembly, '--event', 'nosuchkind')).err).toMatch(/^error: --event nosuchkind: no such file, and not an event kind \(sqs, /m);
  expect((await cli('deliver', 'Jobs', '--assembly', assembly, '--records', 'nope.json')).err).toMatch(/^error: --records nope.json: no such file/m);
});

describe('usage: refused with exit 2 and a message that says what to do', () => {
  test.each([
    [['invoke', 'Jobs', '--repeat', '0'], "error: option '--repeat <n>' argument '0' is invalid. \"0\" is not a whole number ≥ 1."],
    [['invoke', 'Jobs', '--repeat', '-1'], "error: option '--repeat <n>' argument '-1' is invalid. \"-1\" is not a whole number ≥ 1."],
    [['invoke', 'Jobs', '--repeat', 'abc'], "error: option '--repeat <n>' argument 'abc' is invalid. \"abc\" is not a whole number ≥ 1."],
    [['invoke', 'Jobs', '--repeat', '2.5'], "error: option '--repeat <n>' argument '2.5' is invalid. \"2.5\" is not a whole number ≥ 1."],
    [['invoke', 'Jobs', '--concurrency', '0'], "error: option '--concurrency <n>' argument '0' is invalid. \"0\" is not a whole number ≥ 1."],
    [['deliver', 'Jobs', '--count', 'x'], "error: option '--count <n>' argument 'x' is invalid. \"x\" is not a whole number ≥ 1."],
    [['invoke', 'Jobs', '--evnet', 'file.json'], "error: unknown option '--evnet'\n(Did you mean --event?)"],
    [['invoke', 'Jobs', '--bogus-flag', 'x'], "error: unknown option '--bogus-flag'"],
    [['invoke'], "error: missing required argument 'function'"],
    [['invoke', 'Jobs', '--assembly'], "error: option '--assembly <dir>' argument missing"],
    [['invoke', 'Jobs', '--env', 'NOVALUE'], "error: option '--env <NAME=VALUE>' argument 'NOVALUE' is invalid. takes NAME=VALUE, got \"NOVALUE\"."],
    [['invoke', 'Jobs', '--client-context', '{oops'], "error: option '--client-context <json>' argument '{oops' is invalid. not JSON"],
    [['invoke', 'Jobs', '--identity', '[1]'], "error: option '--identity <json>' argument '[1]' is invalid. not a JSON object."],
    [['deliver', 'Jobs', '--records', 'r.json', '--count', '2'], "error: option '--records <file>' cannot be used with option '--count <n>'"],
    [['events', 'nope'], "error: command-argument value 'nope' is invalid for argument 'kind'. Allowed choices are sqs, kinesis"],
    [['frobnicate'], "error: unknown command 'frobnicate'"],
    [['invok', 'Jobs'], "error: unknown command 'invok'\n(Did you mean invoke?)"],
  ])('%j', async (argv, message) => {
    const r = await cli(...argv);
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err.startsWith(message)).toBe(true);
  });

  test('no arguments: the usage on stderr, exit 2; --help, -h, help and help <command>: on stdout, exit 0', async () => {
    const none = await cli();
    expect([none.code, none.out]).toEqual([2, '']);
    expect(none.err).toMatch(/^Usage: cdk-lambda-blueprints \[options\] \[command\]/);
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const r = await cli(...argv);
      expect([r.code, r.err]).toEqual([0, '']);
      expect(r.out).toMatch(/^Usage: cdk-lambda-blueprints \[options\] \[command\][^]*Exit codes: 0 ok, 1 the function returned an error, 2 bad usage or input/);
    }
    const invokeHelp = await cli('help', 'invoke');
    expect(invokeHelp.code).toBe(0);
    expect(invokeHelp.out).toMatch(/^Usage: cdk-lambda-blueprints invoke \[options\] <function>[^]*--client-context <json>[^]*--identity <json>/);
    expect((await cli('invoke', '--help')).out).toBe(invokeHelp.out);
  });
});

test('--client-context and --identity reach the handler\'s context; --quiet drops the per-invocation summaries', async () => {
  const assembly = synthApp(lifecycleApp);
  const r = await cli('invoke', 'Callback', '--assembly', assembly, '--quiet', '--repeat', '2',
    '--client-context', '{"custom":{"a":"b"}}', '--identity', '{"cognitoIdentityId":"id-1","cognitoIdentityPoolId":"pool-1"}');
  expect(r.code).toBe(0);
  expect(r.err.split('\n').filter(l => !l.startsWith('warning: '))).toEqual([]); // no logs, no '# cold start'
  expect(r.out.split('\n')).toHaveLength(2);
  for (const line of r.out.split('\n')) {
    const body = JSON.parse(line);
    expect(body.client).toEqual({ custom: { a: 'b' } });
    expect(body.identity).toEqual(expect.objectContaining({ cognitoIdentityId: 'id-1', cognitoIdentityPoolId: 'pool-1' }));
  }
});

describe('the CLI process (src/local/cli.ts)', () => {
  /** Runs the CLI piped into `head -1` with its own TMPDIR: the CLI's exit code, stdout, stderr and what is left in TMPDIR. */
  function pipedToHead(...argv: string[]): { code: number; out: string; err: string; left: string[] } {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-epipe-'));
    const bin = path.join(__dirname, '..', '..', 'src', 'local', 'cli.ts');
    const quoted = argv.map(a => `'${a}'`).join(' ');
    const script = `node -r ts-node/register/transpile-only '${bin}' ${quoted} 2>"$TMPDIR/../${path.basename(tmp)}.err" | head -1; echo "exit=\${PIPESTATUS[0]}"`;
    const out = execFileSync('bash', ['-c', script], {
      encoding: 'utf-8', env: { ...process.env, TMPDIR: tmp, TS_NODE_PROJECT: path.join(__dirname, '..', 'tsconfig.json') },
    });
    const err = fs.readFileSync(`${tmp}.err`, 'utf-8');
    const code = Number(/exit=(\d+)/.exec(out)![1]);
    // ts-node's own compile cache is not the CLI's
    return { code, out: out.replace(/exit=\d+\n$/, ''), err, left: fs.readdirSync(tmp).filter(f => !f.startsWith('v8-compile-cache')) };
  }

  test('a reader that goes away (| head -1) ends the run quietly: exit 0, no EPIPE trace, no temporary folder left', () => {
    const assembly = synthApp(lifecycleApp);
    const list = pipedToHead('list', '--assembly', assembly);
    expect(list).toEqual({ code: 0, out: expect.stringMatching(/^Local\/\w+\t\w+\t\S+\n$/), err: '', left: [] });
    const invoke = pipedToHead('invoke', 'Local/Warm', '--assembly', assembly, '--repeat', '3000', '--quiet');
    expect(invoke.code).toBe(0);
    expect(JSON.parse(invoke.out).count).toBe(1);
    expect(invoke.err).not.toMatch(/EPIPE|Error/);
    expect(invoke.left).toEqual([]);
  }, 60_000);
});
