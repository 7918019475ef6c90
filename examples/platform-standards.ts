/**
 * Example: platform-standards
 *
 * An app team's app built on the Acme platform package (examples/platform/acme-standards.ts): the
 * company's standards on the app, one standard per stage (a dev and a prod stack). The team writes plain
 * BlueprintFunctions; memory, log retention, tags and — in prod — the CodeDeploy canary come from the
 * standards, and the report (`cdk.out/platform-standards/blueprint-report.md`) shows where each value
 * came from. In prod a public Function URL, a 10 GB function or a function without a canary is refused at
 * synth, a plain `lambda.Function` included; in dev they pass (see test/standards/example.test.ts).
 *
 * Run: `npx projen synth:examples platform-standards`.
 */
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { BlueprintCode, BlueprintFunction } from '../src';
import { applyCompanyStandards, applyStageStandards, AcmeStage } from './platform/acme-standards';

/** One stage of the team's service: the same code in dev and prod, governed by the stage's standard. */
function serviceStack(app: App, stage: AcmeStage): Stack {
  const stack = new Stack(app, stage === 'prod' ? 'OrdersProd' : 'OrdersDev', { env: { account: '123456789012', region: 'us-east-1' } });
  applyStageStandards(stack, stage);
  new BlueprintFunction(stack, 'Orders', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: BlueprintCode.fromFile(path.join(__dirname, 'handlers', 'hello.js')),
    environment: { STAGE: stage },
  });
  return stack;
}

export function buildApp(app: App = new App()): App {
  applyCompanyStandards(app, 'orders-team');
  serviceStack(app, 'dev');
  serviceStack(app, 'prod');
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

if (require.main === module) buildApp().synth();
