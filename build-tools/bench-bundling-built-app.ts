/**
 * One synth of the Go and Maven part of the bundling benchmark (run in its own process by
 * bench-bundling.ts): an app with one BlueprintFunction built with BlueprintCode.fromGoModule (arm64,
 * provided.al2023) or BlueprintCode.fromMavenProject (java21). Prints one JSON line: wall seconds of the
 * synth, seconds spent building (go build or mvn package, or the cache), and how many builds the cache
 * served.
 *
 * Usage: bench-bundling-built-app.ts <go|maven> <project dir> <cache dir> <cdk.out dir>
 */
import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { BlueprintCode, BlueprintFunction } from '../src';
import * as goBuild from '../src/code/private/go-build';

const [kind, projectDir, cacheDir, outdir] = process.argv.slice(2);
let buildMs = 0;
let cached = 0;
if (kind === 'go') {
  const original = goBuild.buildGoModule;
  (goBuild as { buildGoModule: typeof original }).buildGoModule = request => {
    const start = process.hrtime.bigint();
    const result = original(request);
    buildMs += Number(process.hrtime.bigint() - start) / 1e6;
    if (result.cached) cached++;
    return result;
  };
}

const start = process.hrtime.bigint();
const app = new App({ outdir });
const stack = new Stack(app, 'Built', { env: { account: '123456789012', region: 'us-east-1' } });
if (kind === 'go') {
  new BlueprintFunction(stack, 'Api', {
    runtime: lambda.Runtime.PROVIDED_AL2023,
    architecture: lambda.Architecture.ARM_64,
    handler: 'bootstrap',
    code: BlueprintCode.fromGoModule(projectDir, { cacheDir }),
  });
} else {
  // The Maven build is timed with the whole function's construction (mvn package or the cache's lookup, plus the construct).
  // The module object itself (an import's namespace is read-only): maven-project.ts calls through it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const childProcess = require('child_process') as { spawnSync: typeof import('child_process').spawnSync };
  const spawn = childProcess.spawnSync;
  let ranMaven = false;
  childProcess.spawnSync = ((...args: Parameters<typeof spawn>) => {
    ranMaven = true;
    return spawn(...args);
  }) as typeof spawn;
  const begin = process.hrtime.bigint();
  const fn = new BlueprintFunction(stack, 'Worker', {
    runtime: lambda.Runtime.JAVA_21,
    handler: 'com.example.Hello::handleRequest',
    code: BlueprintCode.fromMavenProject(projectDir, { cacheDir }),
  });
  buildMs = Number(process.hrtime.bigint() - begin) / 1e6;
  if (!ranMaven) cached++;
  void fn;
}
app.synth();
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ seconds, bundlingSeconds: buildMs / 1000, cached }));
