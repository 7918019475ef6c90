/**
 * Example: python-native-wheel
 *
 * A Python function on arm64 (Graviton) whose dependency has a C extension, installed without Docker:
 * `BlueprintCode.fromPythonProject` runs `pip install -r requirements.txt --platform
 * manylinux2014_aarch64 --only-binary=:all: --python-version 3.14 --implementation cp --target …`
 * (plus the manylinux_2_28/2_34 tags Amazon Linux 2023 accepts), so the package holds
 * `markupsafe/_speedups.cpython-314-aarch64-linux-gnu.so`, which is what Lambda's arm64 python3.14 loads.
 * The installed requirements are cached by the hash of requirements.txt and the platform.
 *
 * At synth the rule library reads the package: an x86_64 `.so` in this arm64 function would be refused
 * (LambdaNativeArchitecture), a `cpython-313` module on python3.14 too (LambdaPythonAbi), and `app.py`
 * must define `handler` (LambdaHandlerPresent).
 *
 * Needs python3 with pip and access to PyPI at synth (the first time; then the cache).
 * Run: `npx projen synth:examples` (all examples) — the template lands in cdk.out/python-native-wheel/.
 */
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { BlueprintCode, BlueprintFunction, NagAcknowledgements } from '../src';

export function buildApp(app: App = new App()): App {
  const stack = new Stack(app, 'PythonNativeWheel', { env: { account: '123456789012', region: 'us-east-1' } });

  const escape = new BlueprintFunction(stack, 'Escape', {
    runtime: lambda.Runtime.PYTHON_3_14,
    architecture: lambda.Architecture.ARM_64,
    handler: 'app.handler',
    code: BlueprintCode.fromPythonProject(path.join(__dirname, 'python-native-wheel')),
    description: 'Escapes HTML with markupsafe (native wheel for arm64)',
  });
  // A native wheel exists per CPython version: python3.15 gets one when markupsafe publishes it.
  const reason = 'markupsafe publishes no python3.15 wheel yet; python3.14 is the newest runtime its C extension is built for';
  NagAcknowledgements.add(escape.cfn, 'AwsSolutions-L1', reason);
  NagAcknowledgements.add(escape.cfn, 'Serverless-LambdaLatestVersion', reason);
  NagAcknowledgements.add(escape.cfn, 'LambdaBlueprints-LambdaRuntimeNotNewest', reason);

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

if (require.main === module) buildApp().synth();
