/**
 * One benchmark sample in its own process: builds the app of one variant with N functions, synthesizes
 * it and prints {seconds, cpuSeconds, maxRssMb, resources, templateBytes, engine} as JSON on the last line (CPU
 * seconds of the synth process: the figure that other load on the machine disturbs least). Functions are
 * spread over stacks of 10 (CloudFormation allows 500 resources per stack), each with its own VPC.
 *
 * Usage: node -r ts-node/register/transpile-only build-tools/bench-app.ts <blueprints|handwritten> <N>
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { blueprints } from './bench-blueprints';
import { handwritten } from './bench-handwritten';

const [variant, n] = [process.argv[2], Number(process.argv[3])];
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${variant}-${n}-`));
const started = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
const app = new App({ outdir });
const PER_STACK = 10;
for (let done = 0, c = 0; done < n; done += PER_STACK, c++) {
  const stack = new Stack(app, `Bench${c}`, { env: { account: '123456789012', region: 'us-east-1' } });
  (variant === 'blueprints' ? blueprints : handwritten)(stack, Math.min(PER_STACK, n - done));
}
const assembly = app.synth();
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
let resources = 0;
let templateBytes = 0;
for (const stack of assembly.stacks) {
  const file = path.join(outdir, stack.templateFile);
  resources += Object.keys(JSON.parse(fs.readFileSync(file, 'utf-8')).Resources).length;
  templateBytes += fs.statSync(file).size;
}
// The rule engine's own figures (src/rules/private/stats.ts): runs, resources checked, seconds; from the copy
// of the library that bench-blueprints.ts ran (BENCH_LIBRARY, else lib/ in place).
const libraryDir = path.dirname(require.resolve(process.env.BENCH_LIBRARY ?? '../lib'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const stats: typeof import('../src/rules/private/stats') = require(path.join(libraryDir, 'rules', 'private', 'stats'));
const engine = stats.engineStats();
console.log(JSON.stringify({ seconds, cpuSeconds, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), resources, templateBytes, engine }));
fs.rmSync(outdir, { recursive: true, force: true });
