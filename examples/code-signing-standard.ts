/**
 * Example: code-signing-standard
 *
 * A platform standard that requires code signing (examples/platform/acme-code-signing.ts), applied to an
 * app's stack: the standard creates an AWS Signer profile (AWS_LAMBDA_SHA384_ECDSA) and an enforcing code
 * signing configuration, every BlueprintFunction in the stack gets it by default (the team writes nothing
 * about signing), and a function without one — a plain `lambda.Function` included — is refused at synth
 * (rule StandardCodeSigning; see test/standards/code-signing-example.test.ts). The report
 * (`cdk.out/code-signing-standard/blueprint-report.md`) shows that the setting came from the standard.
 *
 * The code is deployed as S3 assets, never inline (`inlineThresholdBytes: 0`): inline code cannot carry a
 * signature. CDK does not sign: the pipeline signs each asset with the profile before deploying.
 *
 * Locally (`LocalLambda`) the handlers run from the unsigned assets; signatures are not checked (said in a
 * warning).
 *
 * Run: `npx projen synth:examples code-signing-standard` — the template lands in cdk.out/code-signing-standard/.
 */
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { BlueprintCode, BlueprintFunction } from '../src';
import { applySignedCodeStandard } from './platform/acme-code-signing';

export function buildApp(app: App = new App()): App {
  const stack = new Stack(app, 'CodeSigningStandard', { env: { account: '123456789012', region: 'us-east-1' } });
  applySignedCodeStandard(stack);

  // The team's functions: nothing about signing, the standard supplies it.
  for (const [id, service] of [['Orders', 'orders'], ['Invoices', 'invoices']]) {
    new BlueprintFunction(stack, id, {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: BlueprintCode.fromFile(path.join(__dirname, 'handlers', 'hello.js'), { inlineThresholdBytes: 0 }),
      environment: { SERVICE: service },
    });
  }

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

if (require.main === module) buildApp().synth();
