/**
 * One synth of the Go part of the bundling benchmark (run in its own process by bench-bundling.ts): an
 * app with one arm64 BlueprintFunction built from a Go module with BlueprintCode.fromGoModule. Prints one
 * JSON line: wall seconds of the synth, seconds spent building (go build or the cache), and how many
 * binaries the cache served.
 *
 * Usage: bench-bundling-go-app.ts <module dir> <cache dir> <cdk.out dir>
 */
import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { BlueprintCode, BlueprintFunction } from '../src';
import * as goBuild from '../src/code/private/go-build';

const [moduleDir, cacheDir, outdir] = process.argv.slice(2);
let buildMs = 0;
let cached = 0;
const original = goBuild.buildGoModule;
(goBuild as { buildGoModule: typeof original }).buildGoModule = request => {
  const start = process.hrtime.bigint();
  const result = original(request);
  buildMs += Number(process.hrtime.bigint() - start) / 1e6;
  if (result.cached) cached++;
  return result;
};

const start = process.hrtime.bigint();
const app = new App({ outdir });
const stack = new Stack(app, 'GoBuilt', { env: { account: '123456789012', region: 'us-east-1' } });
new BlueprintFunction(stack, 'Api', {
  runtime: lambda.Runtime.PROVIDED_AL2023,
  architecture: lambda.Architecture.ARM_64,
  handler: 'bootstrap',
  code: BlueprintCode.fromGoModule(moduleDir, { cacheDir }),
});
app.synth();
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ seconds, bundlingSeconds: buildMs / 1000, cached }));
