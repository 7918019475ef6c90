/**
 * Example: bundled-typescript
 *
 * A TypeScript handler with an npm dependency, bundled at synth with esbuild (no Docker):
 * `BlueprintCode.fromEntry` bundles `bundled-typescript/src/handler.ts`, its local module and `uuid`
 * into one ES module (`orders.mjs`, because the handler is `orders.handler` and the format ESM) for the
 * function's Node.js version, leaves the AWS SDK v3 to the runtime, writes a source map and sets
 * `NODE_OPTIONS=--enable-source-maps`. The package is a content-hashed asset: its S3 key changes when,
 * and only when, the handler or a dependency changes; an unchanged tree reuses the cached bundle.
 *
 * At synth the rule library checks that the bundle exports `handler` (LambdaHandlerPresent) and holds
 * no native binary of another architecture (LambdaNativeArchitecture).
 *
 * Run: `npx projen synth:examples` (all examples) — the template lands in cdk.out/bundled-typescript/.
 */
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { BlueprintCode, BlueprintFunction, BundleFormat } from '../src';

export function buildApp(app: App = new App()): App {
  const stack = new Stack(app, 'BundledTypeScript', { env: { account: '123456789012', region: 'us-east-1' } });

  new BlueprintFunction(stack, 'AcceptOrder', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'orders.handler',
    code: BlueprintCode.fromEntry(path.join(__dirname, 'bundled-typescript', 'src', 'handler.ts'), {
      format: BundleFormat.ESM,
      minify: true,
    }),
    description: 'Accepts orders (TypeScript bundled with esbuild, uuid included)',
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

if (require.main === module) buildApp().synth();
