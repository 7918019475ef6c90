/**
 * Example: canary-release
 *
 * A safe release of an HTTP function: every change of code or configuration publishes a new version,
 * the `live` alias is what the IAM-authenticated Function URL invokes (never $LATEST), and CodeDeploy
 * shifts 10 % of the traffic to the new version for 5 minutes before the rest. A ready-made smoke-test
 * hook invokes the new version first and fails the deployment on an error; the alias's Errors and
 * Throttles alarms and a latency alarm roll it back automatically. A second function shows a custom
 * linear strategy with warm (provisioned) environments.
 *
 * Run: `npx projen synth:examples` (all examples) — the template lands in cdk.out/canary-release/.
 */
import * as path from 'path';
import { App, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { BlueprintCode, BlueprintFunction, DeploymentStrategy } from '../src';

export function buildApp(app: App = new App()): App {
  const stack = new Stack(app, 'CanaryRelease', { env: { account: '123456789012', region: 'us-east-1' } });

  const api = new BlueprintFunction(stack, 'Api', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: BlueprintCode.fromFile(path.join(__dirname, 'handlers', 'canary-http.js')),
    environment: { STAGE: 'prod' },
    deployment: {
      aliasName: 'live',
      strategy: DeploymentStrategy.CANARY_10_PERCENT_5_MINUTES,
      smokeTest: { payload: JSON.stringify({ smokeTest: true }), expectedResponseContains: 'ok' },
    },
  });
  // A rollback alarm of our own, on the alias's p99 latency, next to the default Errors/Throttles ones.
  api.release!.deployment!.addAlarm(new cloudwatch.Alarm(stack, 'ApiLatencyAlarm', {
    metric: api.alias!.metricDuration({ period: Duration.minutes(1), statistic: 'p99' }),
    threshold: 1_000,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    alarmDescription: 'CanaryRelease/Api: p99 latency of the live alias above 1 s (rolls a deployment back).',
  }));
  // Triggers go through invokeTarget: the URL invokes the alias.
  api.invokeTarget.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.AWS_IAM });

  new BlueprintFunction(stack, 'Checkout', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: BlueprintCode.fromFile(path.join(__dirname, 'handlers', 'canary-http.js')),
    reservedConcurrentExecutions: 50,
    deployment: {
      strategy: DeploymentStrategy.linear({ percentage: 20, interval: Duration.minutes(2) }),
      provisionedConcurrency: 2,
      provisionedConcurrencyScaling: { maxCapacity: 20, utilizationTarget: 0.7 },
    },
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

if (require.main === module) buildApp().synth();
