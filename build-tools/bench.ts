/**
 * Benchmark (`npx projen bench`): synthesizes an app of N functions — each with a queue source, a stream
 * source, an alias with a canary deployment and VPC placement — once with the blueprints and once with
 * equivalent hand-written aws-cdk-lib L2 code, alternating in one run, each synth in its own process.
 *
 * Prints per N: median synth seconds of both, their ratio, peak memory (max RSS), resources per function
 * and template bytes of both. The hand-written version is the floor.
 *
 * Usage: npx projen bench [--sizes 50,100,200] [--runs 3]
 */
import { execFileSync } from 'child_process';
import * as path from 'path';

interface Sample {
  readonly seconds: number;
  readonly maxRssMb: number;
  readonly resources: number;
  readonly templateBytes: number;
}

const variants = ['blueprints', 'handwritten'] as const;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

function runOnce(variant: string, n: number): Sample {
  const out = execFileSync(process.execPath, [
    '-r', 'ts-node/register/transpile-only', path.join(__dirname, 'bench-app.ts'), variant, String(n),
  ], { env: { ...process.env, TS_NODE_PROJECT: path.join(__dirname, '..', 'test', 'tsconfig.json') }, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out.toString().trim().split('\n').pop()!);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function main(): void {
  const sizes = arg('--sizes', '50,100,200').split(',').map(Number);
  const runs = Number(arg('--runs', '3'));
  const rows: string[] = [];
  rows.push('| N | blueprints s (median) | hand-written s (median) | ratio | peak RSS MB (bp / hw) | resources per function (bp / hw) | template KB (bp / hw) |');
  rows.push('|---|---|---|---|---|---|---|');
  for (const n of sizes) {
    const samples: Record<string, Sample[]> = { blueprints: [], handwritten: [] };
    for (let r = 0; r < runs; r++) {
      // Alternate the order so that warm-up and machine noise fall on both sides alike.
      const order = r % 2 === 0 ? variants : [...variants].reverse();
      for (const v of order) {
        const s = runOnce(v, n);
        samples[v].push(s);
        process.stderr.write(`N=${n} run ${r + 1}/${runs} ${v}: ${s.seconds.toFixed(2)} s, ${s.maxRssMb} MB, ${s.resources} resources\n`);
      }
    }
    const bp = samples.blueprints;
    const hw = samples.handwritten;
    const bpS = median(bp.map(s => s.seconds));
    const hwS = median(hw.map(s => s.seconds));
    rows.push(`| ${n} | ${bpS.toFixed(2)} | ${hwS.toFixed(2)} | ${(bpS / hwS).toFixed(2)} | ${Math.max(...bp.map(s => s.maxRssMb))} / ${Math.max(...hw.map(s => s.maxRssMb))} | ${(bp[0].resources / n).toFixed(1)} / ${(hw[0].resources / n).toFixed(1)} | ${Math.round(bp[0].templateBytes / 1024)} / ${Math.round(hw[0].templateBytes / 1024)} |`);
  }
  console.log(rows.join('\n'));
}

main();
