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
 * Usage: npx projen bench [--sizes 50,100,200] [--runs 5]
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

function runOnce(library: string, variant: string, n: number): Sample {
  const out = execFileSync(process.execPath, [
    '-r', 'ts-node/register/transpile-only', path.join(__dirname, 'bench-app.ts'), variant, String(n),
  ], {
    env: { ...process.env, TS_NODE_PROJECT: path.join(__dirname, '..', 'test', 'tsconfig.json'), BENCH_LIBRARY: library },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.toString().trim().split('\n').pop()!);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function main(): void {
  const sizes = arg('--sizes', '50,100,200').split(',').map(Number);
  const runs = Number(arg('--runs', '5'));
  const library = installLibrary();
  const rows: string[] = [];
  rows.push('| N | blueprints CPU s (median / min) | hand-written CPU s (median / min) | CPU ratio (median / min) | paired CPU ratio (median) | wall s (bp / hw) | peak RSS MB (bp / hw) | resources (bp / hw) | template KB (bp / hw) | bytes ratio | rule engine: runs, resources, ms (µs per resource) |');
  rows.push('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const n of sizes) {
    const samples: Record<string, Sample[]> = { blueprints: [], handwritten: [] };
    for (let r = 0; r < runs; r++) {
      // Alternate the order so that warm-up and machine noise fall on both sides alike.
      const order = r % 2 === 0 ? variants : [...variants].reverse();
      for (const v of order) {
        const s = runOnce(library, v, n);
        samples[v].push(s);
        process.stderr.write(`N=${n} run ${r + 1}/${runs} ${v}: ${s.seconds.toFixed(2)} s, ${s.maxRssMb} MB, ${s.resources} resources\n`);
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
    rows.push(`| ${n} | ${bpC.toFixed(2)} / ${bpMin.toFixed(2)} | ${hwC.toFixed(2)} / ${hwMin.toFixed(2)} | ${(bpC / hwC).toFixed(3)} / ${(bpMin / hwMin).toFixed(3)} | ${paired.toFixed(3)} | ${wall} | ${Math.max(...bp.map(s => s.maxRssMb))} / ${Math.max(...hw.map(s => s.maxRssMb))} | ${bp[0].resources} / ${hw[0].resources} | ${Math.round(bp[0].templateBytes / 1024)} / ${Math.round(hw[0].templateBytes / 1024)} | ${(bp[0].templateBytes / hw[0].templateBytes).toFixed(2)} | ${engine} |`);
  }
  console.log(rows.join('\n'));
}

main();
