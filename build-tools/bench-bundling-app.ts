/**
 * One synth of the bundling benchmark (run in its own process by bench-bundling.ts): an app of N
 * BlueprintFunctions bundled from TypeScript entries with BlueprintCode.fromEntry. Prints one JSON line:
 * wall seconds of the synth, seconds spent bundling (esbuild or the cache), and how many bundles the
 * cache served.
 *
 * Usage: bench-bundling-app.ts <project dir> <N> <cache dir>
 */
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { BlueprintCode, BlueprintFunction } from '../src';
import * as bundle from '../src/code/private/bundle';

const [project, n, cacheDir] = process.argv.slice(2);
let bundlingMs = 0;
let cached = 0;
const original = bundle.bundleEntry;
(bundle as { bundleEntry: typeof original }).bundleEntry = request => {
  const start = process.hrtime.bigint();
  const result = original(request);
  bundlingMs += Number(process.hrtime.bigint() - start) / 1e6;
  if (result.cached) cached++;
  return result;
};

const start = process.hrtime.bigint();
const app = new App({ outdir: path.join(project, 'cdk.out') });
const stack = new Stack(app, 'Bundled', { env: { account: '123456789012', region: 'us-east-1' } });
for (let i = 0; i < Number(n); i++) {
  new BlueprintFunction(stack, `Fn${i}`, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: BlueprintCode.fromEntry(path.join(project, 'src', `handler${i}.ts`), { cacheDir }),
  });
}
app.synth();
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ seconds, bundlingSeconds: bundlingMs / 1000, cached }));
