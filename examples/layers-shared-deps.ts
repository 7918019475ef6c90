/**
 * Example: layers-shared-deps
 *
 * A shared dependencies layer used by two Node.js functions, and a custom-runtime (provided.al2023)
 * function whose shell `bootstrap` ships in its own code.
 *
 * - `SharedDeps` is a BlueprintLayer from a local folder laid out as `nodejs/node_modules/tiny-lib`
 *   (Lambda extracts it to /opt/nodejs/node_modules, on Node.js's path). Its layout, size, runtimes,
 *   architectures and license are checked at synth; old versions are retained; it is shared with a
 *   second account of the organization.
 * - `Greet` and `Count` use it; their code plus the layer is measured against the 250 MB unzipped limit.
 * - `ShellEcho` runs on provided.al2023: synth refuses it unless an executable `bootstrap` is found in its
 *   code or one of its layers.
 *
 * Run: `npx projen synth:examples` (all examples) — the template lands in cdk.out/layers-shared-deps/.
 */
import * as path from 'path';
import { App, CfnOutput, Stack, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { BlueprintCode, BlueprintFunction, BlueprintLayer } from '../src';

const fixtures = path.join(__dirname, 'layers');

export function buildApp(app: App = new App()): App {
  const stack = new Stack(app, 'LayersSharedDeps', { env: { account: '123456789012', region: 'us-east-1' } });

  const sharedDeps = new BlueprintLayer(stack, 'SharedDeps', {
    path: path.join(fixtures, 'shared-deps'),
    compatibleRuntimes: [lambda.Runtime.NODEJS_24_X],
    compatibleArchitectures: [lambda.Architecture.ARM_64, lambda.Architecture.X86_64],
    license: 'MIT',
    description: 'tiny-lib, shared by the Greet and Count functions',
  });
  sharedDeps.grantUsage('210987654321');

  for (const name of ['greet', 'count']) {
    new BlueprintFunction(stack, name === 'greet' ? 'Greet' : 'Count', {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: BlueprintCode.fromFile(path.join(fixtures, 'handlers', `${name}.js`)),
      layers: [sharedDeps],
    });
  }

  new BlueprintFunction(stack, 'ShellEcho', {
    runtime: lambda.Runtime.PROVIDED_AL2023,
    handler: 'function.handler',
    code: lambda.Code.fromAsset(path.join(fixtures, 'shell-function')),
    description: 'A shell handler on a custom runtime: bootstrap comes from the function code',
  });

  new CfnOutput(stack, 'SharedDepsLayerArn', { value: sharedDeps.layerVersionArn });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

if (require.main === module) buildApp().synth();
