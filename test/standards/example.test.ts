import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { buildApp } from '../../examples/platform-standards';
import { BlueprintFunction, BlueprintFunctionUrl } from '../../src';
import { appSynthErrors } from '../helpers';
import { FN_PROPS } from '../rules/modes';

function app(): { app: App; dev: Stack; prod: Stack } {
  const a = buildApp(new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'platform-standards-')) }));
  return { app: a, dev: a.node.findChild('OrdersDev') as Stack, prod: a.node.findChild('OrdersProd') as Stack };
}

/** What a team might write in either stage: a public URL, a 10 GB function, no canary, a plain function. */
function risky(stack: Stack): void {
  const api = new BlueprintFunction(stack, 'PublicApi', FN_PROPS);
  new BlueprintFunctionUrl(stack, 'PublicUrl', { function: api, authType: lambda.FunctionUrlAuthType.NONE, allowPublicAccess: true });
  new BlueprintFunction(stack, 'Huge', { ...FN_PROPS, memorySize: 10_240 });
  new BlueprintFunction(stack, 'NoCanary', { ...FN_PROPS, deployment: { aliasName: 'live' } });
  new lambda.Function(stack, 'Plain', { ...FN_PROPS, architecture: lambda.Architecture.ARM_64, loggingFormat: lambda.LoggingFormat.JSON });
}

describe('example platform-standards', () => {
  test('synthesizes cleanly: the defaults come from the standards, prod releases through a canary', () => {
    const { dev, prod } = app();
    Template.fromStack(dev).hasResourceProperties('AWS::Lambda::Function', { MemorySize: 512, Tags: [{ Key: 'cost-center', Value: 'acme-platform' }, { Key: 'owner', Value: 'orders-team' }] });
    Template.fromStack(dev).resourceCountIs('AWS::Lambda::Alias', 0);
    Template.fromStack(prod).hasResourceProperties('AWS::CodeDeploy::DeploymentGroup', { DeploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes' });
    Template.fromStack(prod).hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
  });

  test('in prod a public URL, a 10 GB function and a function without a canary are refused, a plain lambda.Function too', () => {
    const { app: a, prod } = app();
    risky(prod);
    const errors = appSynthErrors(a);
    expect(errors).toEqual([
      '[OrdersProd/PublicUrl/Url/Resource] LambdaBlueprints-StandardNoPublicUrl: authType (AuthType) is "NONE", allowed is "AWS_IAM", because a URL without authentication lets anyone on the internet invoke the function (standard "acme-prod" set at OrdersProd).',
      '[OrdersProd/Huge/Function/Resource] LambdaBlueprints-StandardMaxMemorySize: memorySize (MemorySize) is 10,240 MB, allowed is at most 3,008 MB, because memory is billed per GB-second and capped by the platform (standard "acme-prod" set at OrdersProd).',
      '[OrdersProd/NoCanary/Function/Resource] LambdaBlueprints-StandardCodeDeployRelease: Release is aliases "live" without CodeDeploy, allowed is an alias updated by CodeDeploy (e.g. `deployment: { strategy: DeploymentStrategy.canary(…) }`), because every change must shift traffic gradually and roll back on alarms (standard "acme-prod" set at OrdersProd).',
      '[OrdersProd/Plain/Resource] LambdaBlueprints-StandardCodeDeployRelease: Release is no alias, allowed is an alias updated by CodeDeploy (e.g. `deployment: { strategy: DeploymentStrategy.canary(…) }`), because every change must shift traffic gradually and roll back on alarms (standard "acme-prod" set at OrdersProd).',
    ]);
  });

  test('in dev the same constructs pass', () => {
    const { app: a, dev } = app();
    risky(dev);
    const errors = appSynthErrors(a);
    // Construct validation passed (no rule of the engine): only the app's cdk-nag plugins, which run after
    // it, report the plain function's hand-written L2 settings.
    expect(errors.filter(l => l.includes('LambdaBlueprints'))).toEqual([]);
    expect(errors.filter(l => / \(AwsSolutions\)| \(Serverless\)/.test(l)).length).toBeGreaterThan(0);
    expect(errors.filter(l => l.startsWith('[OrdersDev/'))).toEqual([]);
  });

  test('the company\'s rules hold in every stage: a plain x86_64 function is refused in dev', () => {
    const { app: a, dev } = app();
    new lambda.Function(dev, 'Legacy', { ...FN_PROPS, runtime: lambda.Runtime.PYTHON_3_12, handler: 'index.handler' });
    expect(appSynthErrors(a)).toEqual([
      '[OrdersDev/Legacy/Resource] LambdaBlueprints-StandardAllowedRuntimes: runtime (Runtime) is "python3.12", allowed is one of "nodejs24.x", "python3.13", because the platform supports only these runtimes (standard "acme" set at the app).',
      '[OrdersDev/Legacy/Resource] LambdaBlueprints-StandardAllowedArchitectures: architecture (Architectures) is not set (x86_64), allowed is ["arm64"], because the platform builds and tests for these instruction sets only (standard "acme" set at the app).',
      '[OrdersDev/Legacy/Resource] LambdaBlueprints-AcmeJsonLogs: loggingFormat (LoggingConfig.LogFormat) is not set (Text), allowed is "JSON", because the log pipeline indexes JSON lines only (standard "acme" set at the app).',
    ]);
  });
});
