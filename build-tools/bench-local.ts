/**
 * Benchmark of the local emulator (`npx projen bench:local`, also run by `npx projen bench`). Prints:
 * - the median round trip of a warm invocation of a trivial Node.js handler (target <= 1.2 ms), and the same
 *   under AWS's Runtime Interface Emulator with AWS's runtime client, for comparison (skipped with a message
 *   when build-tools/setup-local-conformance.sh has not installed them);
 * - the cold start overhead of the emulator: a cold invocation's round trip minus a bare `node -e` start
 *   (target <= 150 ms);
 * - 1,000 SQS messages through a batch-size-10 mapping (target <= 10 s);
 * - `serve`: the same handler behind a Function URL over loopback: the median round trip of sequential
 *   requests (target: at most 1 ms above the warm invoke of the same run), and autocannon with 10
 *   connections (requests per second, median and p99) — see bench-local-serve.ts.
 *
 * Usage: npx projen bench:local [--warm 500] [--cold 15] [--serve-seconds 5]
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { benchServe } from './bench-local-serve';
import { NODE_RIC, RIE_BIN, RieProcess } from './local-conformance';
import { Emulator } from '../src/local/private/emulator';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function assembly(): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-local-'));
  const app = new App({ outdir });
  const stack = new Stack(app, 'Bench');
  const code = lambda.Code.fromInline('exports.handler = async (event) => ({ ok: true, records: (event.Records || []).length });');
  new lambda.Function(stack, 'Trivial', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code }).addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
  const worker = new lambda.Function(stack, 'Worker', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code });
  worker.addEventSource(new sources.SqsEventSource(new sqs.Queue(stack, 'Queue'), { batchSize: 10 }));
  app.synth();
  return outdir;
}

/** The same warm round trip under AWS's RIE (AWS's Node.js runtime client as the bootstrap): a table row. */
async function rieWarm(warm: Emulator, runs: number): Promise<string> {
  const label = `warm invocation round trip under AWS's Runtime Interface Emulator, same handler (median of ${runs})`;
  if (!fs.existsSync(RIE_BIN) || !fs.existsSync(NODE_RIC)) {
    return `| ${label} | skipped: run build-tools/setup-local-conformance.sh to build aws-lambda-rie | |`;
  }
  const rie = await RieProcess.start(warm.runner.fn);
  try {
    for (let i = 0; i < 21; i++) await rie.invoke('{}');
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const r = await rie.invoke('{"n":1}');
      ms.push(performance.now() - t);
      if (r.status !== 200) throw new Error(`aws-lambda-rie answered ${r.status}: ${r.body}`);
    }
    return `| ${label} | ${median(ms).toFixed(2)} ms (p90 ${[...ms].sort((a, b) => a - b)[Math.floor(runs * 0.9)].toFixed(2)} ms) | |`;
  } finally {
    await rie.dispose();
  }
}

async function main(): Promise<void> {
  const warmRuns = Number(arg('--warm', '500'));
  const coldRuns = Number(arg('--cold', '15'));
  const dir = assembly();

  const warm = Emulator.open(dir, 'Bench/Trivial');
  await warm.invoke({ payload: '{}' });
  for (let i = 0; i < 20; i++) await warm.invoke({ payload: '{}' }); // JIT warm-up of both sides
  const warmMs: number[] = [];
  for (let i = 0; i < warmRuns; i++) {
    const t = performance.now();
    await warm.invoke({ payload: '{"n":1}' });
    warmMs.push(performance.now() - t);
  }
  const rieRow = await rieWarm(warm, warmRuns);
  warm.dispose();

  const bareMs: number[] = [];
  const coldMs: number[] = [];
  const initMs: number[] = [];
  const openMs: number[] = [];
  for (let i = 0; i < coldRuns; i++) {
    let t = performance.now();
    execFileSync(process.execPath, ['-e', '0'], { env: { PATH: process.env.PATH } }); // the clean environment runtimes get too
    bareMs.push(performance.now() - t);
    t = performance.now();
    const e = Emulator.open(dir, 'Bench/Trivial');
    openMs.push(performance.now() - t);
    t = performance.now();
    const o = await e.invoke({ payload: '{}' });
    coldMs.push(performance.now() - t);
    initMs.push(o.initDurationMs ?? 0);
    e.dispose();
  }

  const sqsEmulator = Emulator.open(dir, 'Bench/Worker');
  const messages = Array.from({ length: 1000 }, (_, i) => JSON.stringify({ order: i }));
  const t = performance.now();
  const outbox = await sqsEmulator.deliver(messages);
  const sqsSeconds = (performance.now() - t) / 1000;
  const environments = sqsEmulator.runner.environmentsStarted;
  sqsEmulator.dispose();

  const serve = await benchServe(dir, 'function-url', warmRuns, Number(arg('--serve-seconds', '5')));
  const serveMedian = median(serve.sequentialMs);

  const overhead = median(coldMs) - median(bareMs);
  const rows = [
    '| figure | value | target |',
    '|---|---|---|',
    `| warm invocation round trip, trivial Node.js handler (median of ${warmRuns}) | ${median(warmMs).toFixed(2)} ms (p90 ${[...warmMs].sort((a, b) => a - b)[Math.floor(warmRuns * 0.9)].toFixed(2)} ms) | <= 1.2 ms |`,
    rieRow,
    `| bare \`node -e 0\` start (median of ${coldRuns}) | ${median(bareMs).toFixed(1)} ms | |`,
    `| cold invocation round trip (median of ${coldRuns}; Init Duration ${median(initMs).toFixed(1)} ms) | ${median(coldMs).toFixed(1)} ms | |`,
    `| opening the function (read the assembly, prepare code and layers; median of ${coldRuns}) | ${median(openMs).toFixed(1)} ms | |`,
    `| cold start overhead of the emulator (cold round trip - bare node) | ${overhead.toFixed(1)} ms | <= 150 ms |`,
    `| 1,000 SQS messages, batch size 10 (${outbox.invocations} invocations, ${environments} environments, ${outbox.succeeded} succeeded) | ${sqsSeconds.toFixed(2)} s | <= 10 s |`,
    `| serve: Function URL round trip over loopback, one keep-alive connection (median of ${warmRuns}) | ${serveMedian.toFixed(2)} ms (+${(serveMedian - median(warmMs)).toFixed(2)} ms over the warm invoke) | <= warm invoke + 1 ms |`,
    `| serve: autocannon, 10 connections, ${serve.total} requests (${serve.failures} failed) | ${Math.round(serve.requestsPerSecond)} req/s, median ${serve.p50Ms} ms, p99 ${serve.p99Ms} ms | |`,
  ];
  console.log(rows.join('\n'));
}

main().catch(err => { console.error(err); process.exitCode = 1; });
