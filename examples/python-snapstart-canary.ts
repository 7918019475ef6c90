/**
 * Example: python-snapstart-canary
 *
 * A Python HTTP function with SnapStart (Python 3.12 and later), released by a canary: each published
 * version's initialized environment is snapshotted once, and new environments start from the snapshot
 * instead of running the module's init (examples/handlers/snapstart_quote.py, which regenerates what must
 * be unique per environment in an after-restore hook of `snapshot_restore_py`). SnapStart applies to
 * published versions only: the `live` alias, which the IAM-authenticated Function URL invokes (never
 * $LATEST), moves to a new version through CodeDeploy — a smoke test first, then 10 % of the traffic for
 * 5 minutes, rolled back by the alias's Errors and Throttles alarms.
 *
 * At synth the rules refuse SnapStart where Lambda would (a runtime without it, EFS, more than 512 MB of
 * /tmp, provisioned concurrency on the alias).
 *
 * Locally (`LocalLambda`, `LocalApi`) the handler runs on the host's Python (python3.15 when installed,
 * else python3, said in a warning); SnapStart is not emulated (every environment runs the init), which the
 * emulator says too.
 *
 * Run: `npx projen synth:examples python-snapstart-canary` — the template lands in
 * cdk.out/python-snapstart-canary/.
 */
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { BlueprintCode, BlueprintFunction, BlueprintFunctionUrl, DeploymentStrategy } from '../src';

export function buildApp(app: App = new App()): App {
  const stack = new Stack(app, 'PythonSnapStartCanary', { env: { account: '123456789012', region: 'us-east-1' } });

  const quotes = new BlueprintFunction(stack, 'Quotes', {
    runtime: lambda.Runtime.PYTHON_3_15,
    handler: 'index.handler',
    code: BlueprintCode.fromFile(path.join(__dirname, 'handlers', 'snapstart_quote.py')),
    description: 'Price quotes (Python, SnapStart), released by canary',
    snapStart: lambda.SnapStartConf.ON_PUBLISHED_VERSIONS,
    deployment: {
      aliasName: 'live',
      strategy: DeploymentStrategy.CANARY_10_PERCENT_5_MINUTES,
      smokeTest: { payload: JSON.stringify({ smokeTest: true }), expectedResponseContains: 'ok' },
    },
  });
  // The URL invokes the function's invoke target: the `live` alias.
  new BlueprintFunctionUrl(stack, 'Url', { function: quotes });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

if (require.main === module) buildApp().synth();
