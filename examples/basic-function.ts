/**
 * Example: basic-function
 *
 * The smallest production-ready function: a BlueprintFunction with its defaults (1,024 MB, 30 s, arm64,
 * active tracing, JSON logs with retention, its own least-privilege role, the stack's shared DLQ for
 * asynchronous failures, Errors and Throttles alarms) and a secret passed by reference.
 *
 * Run: `npx projen synth:examples` (all examples) — the template lands in cdk.out/basic-function/.
 */
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { BlueprintCode, BlueprintFunction, BlueprintSecret } from '../src';

export function buildApp(app: App = new App()): App {
  const stack = new Stack(app, 'BasicFunction', { env: { account: '123456789012', region: 'us-east-1' } });
  const apiKey = ssm.StringParameter.fromSecureStringParameterAttributes(stack, 'ApiKey', { parameterName: '/basic/api-key' });

  new BlueprintFunction(stack, 'Hello', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: BlueprintCode.fromFile(path.join(__dirname, 'handlers', 'hello.js')),
    environment: { STAGE: 'prod' },
    secrets: { API_KEY_PARAMETER: BlueprintSecret.fromSsmSecureString(apiKey) },
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

if (require.main === module) buildApp().synth();
