/**
 * Benchmark (`npx projen bench:bundling`, part of `npx projen bench`): synthesizes an app of N functions
 * bundled from TypeScript entries (each importing shared local modules and the npm package uuid) twice
 * with the same tree, each synth in its own process as `cdk synth` runs: the first with an empty bundle
 * cache, the second with the cache the first left. Once with the native esbuild, once with the bundled
 * esbuild-wasm.
 *
 * Prints per esbuild: seconds spent bundling in the first and the second synth, their ratio (the second
 * must be at most 10 % of the first), the bundles the cache served, and the synth wall seconds.
 *
 * Then the same for a Go module (examples/go-url-handler, aws-lambda-go) built by BlueprintCode.fromGoModule
 * for arm64 and a Maven project (test/code/maven-hello, a shaded jar) built by BlueprintCode.fromMavenProject:
 * the first synth with an empty build cache runs go build or mvn package (Go's own build cache and the Maven
 * repository as the environment has them: `.cache/go-build` and `.cache/m2` unless set), the second reuses
 * the binary or the jar.
 *
 * Usage: npx projen bench:bundling [--functions 20]
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

interface Sample {
  readonly seconds: number;
  readonly bundlingSeconds: number;
  readonly cached: number;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const root = path.join(__dirname, '..');
// Under the repository (bench-out/ is ignored by git) so that `uuid` resolves from its node_modules.
const project = path.join(root, 'bench-out', 'bundling');

function writeProject(n: number): void {
  fs.rmSync(project, { recursive: true, force: true });
  const src = path.join(project, 'src');
  fs.mkdirSync(path.join(src, 'shared'), { recursive: true });
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'bench-bundling', private: true }));
  fs.writeFileSync(path.join(src, 'shared', 'validate.ts'), [
    'export interface Item { readonly id: string; readonly quantity: number; readonly tags: string[] }',
    'export function validate(input: unknown): Item {',
    '  const o = input as Partial<Item>;',
    '  if (typeof o?.id !== \'string\' || !Number.isInteger(o.quantity)) throw new Error(`invalid item: ${JSON.stringify(input)}`);',
    '  return { id: o.id, quantity: o.quantity!, tags: [...(o.tags ?? [])].sort() };',
    '}',
  ].join('\n'));
  fs.writeFileSync(path.join(src, 'shared', 'respond.ts'), [
    'export const respond = (status: number, body: unknown) => ({ statusCode: status, headers: { \'content-type\': \'application/json\' }, body: JSON.stringify(body) });',
  ].join('\n'));
  for (let i = 0; i < n; i++) {
    fs.writeFileSync(path.join(src, `handler${i}.ts`), [
      'import { v4 as uuidv4 } from \'uuid\';',
      'import { respond } from \'./shared/respond\';',
      'import { validate } from \'./shared/validate\';',
      `export const NAME = 'handler-${i}';`,
      'export async function handler(event: { body?: string }) {',
      '  const item = validate(JSON.parse(event.body ?? \'{}\'));',
      `  return respond(200, { requestId: uuidv4(), handler: NAME, item, weight: item.quantity * ${i + 1} });`,
      '}',
    ].join('\n'));
  }
}

function synth(n: number, cacheDir: string, esbuild: string): Sample {
  const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'bench-bundling-app.ts'), project, String(n), cacheDir], {
    env: { ...process.env, TS_NODE_PROJECT: path.join(root, 'test', 'tsconfig.json'), CDK_LAMBDA_BLUEPRINTS_ESBUILD: esbuild },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.toString().trim().split('\n').pop()!);
}

/** A Go module or a Maven project synthesized twice: first with an empty build cache, then with the cache the first left. */
function builtRow(kind: 'go' | 'maven'): string {
  const dir = path.join(root, 'bench-out', `bundling-${kind}`);
  fs.rmSync(dir, { recursive: true, force: true });
  const source = kind === 'go' ? path.join(root, 'examples', 'go-url-handler') : path.join(root, 'test', 'code', 'maven-hello');
  fs.cpSync(source, path.join(dir, 'project'), { recursive: true, filter: f => path.basename(f) !== 'target' });
  const env = {
    ...process.env,
    TS_NODE_PROJECT: path.join(root, 'test', 'tsconfig.json'),
    GOMODCACHE: process.env.GOMODCACHE ?? path.join(root, '.cache', 'go-mod'),
    GOCACHE: process.env.GOCACHE ?? path.join(root, '.cache', 'go-build'),
    GOFLAGS: process.env.GOFLAGS ?? '-modcacherw',
    MAVEN_OPTS: process.env.MAVEN_OPTS ?? `-Dmaven.repo.local=${path.join(root, '.cache', 'm2')}`,
  };
  const run = (out: string): Sample => JSON.parse(execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'bench-bundling-built-app.ts'),
    kind, path.join(dir, 'project'), path.join(dir, 'cache'), path.join(dir, out)], { env, maxBuffer: 64 * 1024 * 1024 }).toString().trim().split('\n').pop()!);
  const first = run('cdk.out.1');
  const second = run('cdk.out.2');
  const ratio = second.bundlingSeconds / first.bundlingSeconds;
  process.stderr.write(`${kind}: first ${first.bundlingSeconds.toFixed(3)} s, second ${second.bundlingSeconds.toFixed(3)} s\n`);
  const label = kind === 'go' ? 'go build (Go module, arm64)' : 'mvn package (Maven project, fat jar)';
  return `| ${label} | 1 | ${first.bundlingSeconds.toFixed(3)} | ${second.bundlingSeconds.toFixed(3)} | ${(ratio * 100).toFixed(1)} % ${ratio <= 0.1 ? '(≤ 10 %)' : '(ABOVE 10 %)'} | ${first.cached} / ${second.cached} | ${first.seconds.toFixed(2)} / ${second.seconds.toFixed(2)} |`;
}

function main(): void {
  const n = Number(arg('--functions', '20'));
  writeProject(n);
  const rows = [
    '| builder | functions | bundling s, 1st synth (empty cache) | bundling s, 2nd synth (same tree) | 2nd / 1st | bundles from cache (1st / 2nd) | synth wall s (1st / 2nd) |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const esbuild of ['native', 'wasm']) {
    const cacheDir = path.join(project, `.cache-${esbuild}`);
    fs.rmSync(cacheDir, { recursive: true, force: true });
    const first = synth(n, cacheDir, esbuild);
    const second = synth(n, cacheDir, esbuild);
    const ratio = second.bundlingSeconds / first.bundlingSeconds;
    process.stderr.write(`${esbuild}: first ${first.bundlingSeconds.toFixed(3)} s, second ${second.bundlingSeconds.toFixed(3)} s\n`);
    rows.push(`| ${esbuild} | ${n} | ${first.bundlingSeconds.toFixed(3)} | ${second.bundlingSeconds.toFixed(3)} | ${(ratio * 100).toFixed(1)} % ${ratio <= 0.1 ? '(≤ 10 %)' : '(ABOVE 10 %)'} | ${first.cached} / ${second.cached} | ${first.seconds.toFixed(2)} / ${second.seconds.toFixed(2)} |`);
  }
  rows.push(builtRow('go'), builtRow('maven'));
  console.log(rows.join('\n'));
}

main();
