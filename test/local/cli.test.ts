import * as fs from 'fs';
import * as path from 'path';
import { lifecycleApp } from './fixtures';
import { synthApp } from './helpers';
import { buildApp as sqsApp } from '../../examples/sqs-worker';
import { runCli } from '../../src/local/private/cli-main';

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
  const boom = await cli('invoke', 'Fails', `--assembly=${assembly}`, '--event', eventFile, '--quiet', '--async');
  expect(boom.code).toBe(1);
  expect(JSON.parse(boom.out).errorType).toBe('OrderError');

  const env = await cli('invoke', 'Env', '--assembly', assembly, '--env', 'QUEUE_URL=http://q', '--quiet', '--concurrency', '2');
  expect(env.out.split('\n').map(l => JSON.parse(l).queue)).toEqual(['http://q', 'http://q']);
  const strict = await cli('invoke', 'Env', '--assembly', assembly, '--strict-env');
  expect([strict.code, strict.err]).toEqual([2, expect.stringMatching(/^error: \/Local\/Env\/Resource: environment variable QUEUE_URL holds a token/)]);
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

  expect((await cli()).code).toBe(2);
  expect((await cli('--help')).out).toMatch(/^Usage: cdk-lambda-blueprints <command>/);
  expect(JSON.parse((await cli('events', 'kinesis')).out).Records[0].eventSource).toBe('aws:kinesis');
  expect((await cli('events', 'nope')).err).toMatch(/events needs a kind: sqs, kinesis/);
  expect((await cli('frobnicate')).err).toMatch(/unknown command "frobnicate"/);
  expect((await cli('invoke')).err).toMatch(/invoke needs a function/);
  expect((await cli('invoke', 'Jobs', '--assembly')).err).toMatch(/--assembly needs a value/);
  expect((await cli('invoke', 'Jobs', '--assembly', assembly, '--env', 'NOVALUE')).err).toMatch(/--env takes NAME=VALUE/);
  expect((await cli('invoke', 'Jobs', '--assembly', assembly, '--event', path.join(assembly, 'missing.json'))).err).toMatch(/ENOENT/);
});
