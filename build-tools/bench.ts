/**
 * Benchmark (`npx projen bench`): synthesizes an app of N functions — each with a queue source, a stream
 * source, an alias with a canary deployment and VPC placement — once with the blueprints and once with
 * equivalent hand-written aws-cdk-lib L2 code, alternating in one run, each synth in its own process.
 *
 * Prints per N: median CPU seconds of each synth process (the figure other load on the machine disturbs
 * least) and their ratio, the median of the paired ratios (each blueprint run over the hand-written run
 * next to it, which load that drifts during the bench disturbs least), median wall seconds, peak memory (max RSS), resources and template bytes of both
 * and their ratio. Both variants build the same app with the same resources; the hand-written one is the
 * floor.
 *
 * The blueprint variant loads the compiled library where an app has it: lib/ (the task compiles first) and
 * package.json copied to bench-out/node_modules/cdk-lambda-blueprints/. Not src/ through ts-node, whose
 * source-map lookups on every captured stack trace would weigh on the variant with the deeper construct
 * stacks; and not lib/ in place, whose frames aws-cdk-lib would take for the app's own code and write into
 * every resource's creation stack (`aws:cdk:creationStack`), as it does not for a library in node_modules.
 *
 * Every size runs in both modes of aws-cdk-lib's built-in CloudFormation validation (issue 29): on (what
 * `cdk synth` does by default; its WebAssembly rule engine is 50–60 % of a synth and hides the library's
 * own cost) and off (`CDK_VALIDATION=false`: the library's own cost against aws-cdk-lib's). Last, the
 * library's load time: CPU and wall milliseconds of `require('cdk-lambda-blueprints')` in a process that
 * has already loaded the aws-cdk-lib modules the hand-written variant uses (what the library adds).
 *
 * Usage: npx projen bench [--sizes 50,100,200] [--runs 9] [--validation on,off] [--load-runs 15]
 * (9 runs: a single synth's CPU time varies by ±5–8 % between processes; the median of 5 moved the ratio by as much)
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

interface Sample {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly maxRssMb: number;
  readonly resources: number;
  readonly templateBytes: number;
  readonly engine: { readonly runs: number; readonly resources: number; readonly seconds: number };
}

const variants = ['blueprints', 'handwritten'] as const;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** Copies the compiled library to bench-out/node_modules/cdk-lambda-blueprints, as npm installs it; returns its path. */
function installLibrary(): string {
  const root = path.join(__dirname, '..');
  const target = path.join(root, 'bench-out', 'node_modules', 'cdk-lambda-blueprints');
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  fs.cpSync(path.join(root, 'lib'), path.join(target, 'lib'), { recursive: true });
  fs.copyFileSync(path.join(root, 'package.json'), path.join(target, 'package.json'));
  return target;
}

function runOnce(library: string, variant: string, n: number, validation: string): Sample {
  const out = execFileSync(process.execPath, [
    '-r', 'ts-node/register/transpile-only', path.join(__dirname, 'bench-app.ts'), variant, String(n),
  ], {
    env: {
      ...process.env,
      TS_NODE_PROJECT: path.join(__dirname, '..', 'test', 'tsconfig.json'),
      BENCH_LIBRARY: library,
      CDK_VALIDATION: validation === 'on' ? 'true' : 'false',
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.toString().trim().split('\n').pop()!);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The aws-cdk-lib modules both variants load (bench-handwritten.ts's imports): loaded before the library is timed. */
const CDK_MODULES = ['aws-cdk-lib', 'aws-cdk-lib/aws-cloudwatch', 'aws-cdk-lib/aws-codedeploy', 'aws-cdk-lib/aws-ec2', 'aws-cdk-lib/aws-iam',
  'aws-cdk-lib/aws-kinesis', 'aws-cdk-lib/aws-lambda', 'aws-cdk-lib/aws-lambda-event-sources', 'aws-cdk-lib/aws-logs', 'aws-cdk-lib/aws-sqs', 'constructs'];

/** Median CPU and wall ms of loading the library over what a hand-written app loads, and the modules it adds. */
function loadTime(library: string, runs: number): string {
  const script = `
    for (const m of ${JSON.stringify(CDK_MODULES)}) require(m);
    const before = Object.keys(require.cache).length;
    const cpu = process.cpuUsage(); const t = process.hrtime.bigint();
    require(${JSON.stringify(library)});
    const c = process.cpuUsage(cpu);
    console.log(JSON.stringify({ cpuMs: (c.user + c.system) / 1000, wallMs: Number(process.hrtime.bigint() - t) / 1e6, modules: Object.keys(require.cache).length - before }));`;
  const samples = Array.from({ length: runs }, () => JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: path.join(__dirname, '..') }).toString()));
  const cpu = median(samples.map(s => s.cpuMs));
  const wall = median(samples.map(s => s.wallMs));
  return `Loading the library (median of ${runs} processes, after the aws-cdk-lib modules a hand-written app loads): ${cpu.toFixed(0)} ms CPU, ${wall.toFixed(0)} ms wall, ${samples[0].modules} modules (target ≤ 200 ms).`;
}

function main(): void {
  const sizes = arg('--sizes', '50,100,200').split(',').map(Number);
  const runs = Number(arg('--runs', '9'));
  const modes = arg('--validation', 'on,off').split(',');
  const library = installLibrary();
  for (const mode of modes) {
    console.log(`\naws-cdk-lib built-in validation ${mode}${mode === 'off' ? ' (CDK_VALIDATION=false)' : ''}:\n`);
    console.log(table(library, sizes, runs, mode));
  }
  console.log(`\n${loadTime(library, Number(arg('--load-runs', '15')))}`);
}

function table(library: string, sizes: number[], runs: number, mode: string): string {
  const rows: string[] = [];
  rows.push('| N | blueprints CPU s (median / min) | hand-written CPU s (median / min) | CPU ratio (median / min) | paired CPU ratio (median) | wall s (bp / hw) | peak RSS MB (bp / hw) | RSS ratio | resources (bp / hw) | template KB (bp / hw) | bytes ratio | rule engine: runs, resources, ms (µs per resource) |');
  rows.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const n of sizes) {
    const samples: Record<string, Sample[]> = { blueprints: [], handwritten: [] };
    for (let r = 0; r < runs; r++) {
      // Alternate the order so that warm-up and machine noise fall on both sides alike.
      const order = r % 2 === 0 ? variants : [...variants].reverse();
      for (const v of order) {
        const s = runOnce(library, v, n, mode);
        samples[v].push(s);
        process.stderr.write(`validation ${mode} N=${n} run ${r + 1}/${runs} ${v}: ${s.seconds.toFixed(2)} s, ${s.maxRssMb} MB, ${s.resources} resources\n`);
      }
    }
    const bp = samples.blueprints;
    const hw = samples.handwritten;
    const bpC = median(bp.map(s => s.cpuSeconds));
    const hwC = median(hw.map(s => s.cpuSeconds));
    const bpMin = Math.min(...bp.map(s => s.cpuSeconds));
    const hwMin = Math.min(...hw.map(s => s.cpuSeconds));
    const paired = median(bp.map((s, i) => s.cpuSeconds / hw[i].cpuSeconds));
    const engineMs = median(bp.map(s => s.engine.seconds * 1000));
    const engine = `${bp[0].engine.runs} runs, ${bp[0].engine.resources}, ${engineMs.toFixed(0)} ms (${(engineMs * 1000 / bp[0].engine.resources).toFixed(0)} µs)`;
    const wall = `${median(bp.map(s => s.seconds)).toFixed(2)} / ${median(hw.map(s => s.seconds)).toFixed(2)}`;
    const bpRss = median(bp.map(s => s.maxRssMb));
    const hwRss = median(hw.map(s => s.maxRssMb));
    rows.push(`| ${n} | ${bpC.toFixed(2)} / ${bpMin.toFixed(2)} | ${hwC.toFixed(2)} / ${hwMin.toFixed(2)} | ${(bpC / hwC).toFixed(3)} / ${(bpMin / hwMin).toFixed(3)} | ${paired.toFixed(3)} | ${wall} | ${bpRss} / ${hwRss} | ${(bpRss / hwRss).toFixed(2)} | ${bp[0].resources} / ${hw[0].resources} | ${Math.round(bp[0].templateBytes / 1024)} / ${Math.round(hw[0].templateBytes / 1024)} | ${(bp[0].templateBytes / hw[0].templateBytes).toFixed(2)} | ${engine} |`);
  }
  return rows.join('\n');
}

main();
