/**
 * Example: scheduled-job
 *
 * A nightly job: an EventBridge cron rule invokes a BlueprintFunction asynchronously (EventBridgeToFunction).
 * Failure paths: EventBridge retries delivery (4 times within 2 h) and then puts the event in the rule
 * target's DLQ; the function's own failures go (after 2 Lambda retries) to the stack's DLQ. Both queues are
 * encrypted and depth-alarmed.
 */
import * as path from 'path';
import { App, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { BlueprintCode, BlueprintFunction, EventBridgeToFunction } from '../src';

export function buildApp(app: App = new App()): App {
  const stack = new Stack(app, 'ScheduledJob', { env: { account: '123456789012', region: 'us-east-1' } });
  const job = new BlueprintFunction(stack, 'NightlyReport', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: BlueprintCode.fromFile(path.join(__dirname, 'handlers', 'scheduled-job.js')),
    timeout: Duration.minutes(5),
  });
  new EventBridgeToFunction(stack, 'Nightly', {
    function: job,
    schedule: events.Schedule.cron({ minute: '0', hour: '3' }),
    retryAttempts: 4,
    maxEventAge: Duration.hours(2),
    description: 'Runs the nightly report at 03:00 UTC',
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

if (require.main === module) buildApp().synth();
