/**
 * Example: durable-order-workflow
 *
 * An order workflow as a Lambda durable function: `OrderPlaced` events on the shop's event bus start a
 * durable execution that reserves stock, charges the payment, waits out a 15-minute cancellation window
 * (a durable wait: the function is not running, nothing is billed) and ships. Each step is checkpointed;
 * after the wait Lambda replays the function and completed steps return their recorded results.
 *
 * The handler (`durable-order-workflow/src`) is TypeScript bundled at synth with esbuild (no Docker). The
 * durable execution SDK (`@aws/durable-execution-sdk-js`) is kept external: the Lambda Node.js runtimes
 * include it. AWS recommends bundling it for production (pinned version): add it to the handler's
 * package.json and drop `externalModules`. Without Lambda's durable envelope (a local run) the handler
 * runs the same workflow inline, so `npx cdk-lambda-blueprints local` and the tests run it as it is.
 *
 * A durable execution must stay on one version of its code: the function gets the release alias `live`
 * (no `deployment` needed), and the EventBridge rule invokes the alias, never the unqualified function.
 * EventBridge invokes asynchronously, so the execution may last up to its `executionTimeout` (one day
 * here), far beyond the 15-minute limit of one invocation.
 *
 * Run: `npx projen synth:examples` (all examples) — the template lands in cdk.out/durable-order-workflow/.
 */
import * as path from 'path';
import { App, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { BlueprintCode, BlueprintFunction, BundleFormat, EventBridgeToFunction } from '../src';

export function buildApp(app: App = new App()): App {
  const stack = new Stack(app, 'DurableOrderWorkflow', { env: { account: '123456789012', region: 'us-east-1' } });
  const bus = new events.EventBus(stack, 'ShopEvents', { description: 'Events of the shop (orders, payments)' });

  const workflow = new BlueprintFunction(stack, 'OrderWorkflow', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'workflow.handler',
    code: BlueprintCode.fromEntry(path.join(__dirname, 'durable-order-workflow', 'src', 'handler.ts'), {
      format: BundleFormat.ESM,
      minify: true,
      externalModules: ['@aws/durable-execution-sdk-js'],
    }),
    timeout: Duration.seconds(60),
    durableConfig: { executionTimeout: Duration.days(1), retentionPeriod: Duration.days(7) },
    description: 'Order workflow: reserve, charge, cancellation window, ship (durable execution)',
  });

  new EventBridgeToFunction(stack, 'OrderPlaced', {
    function: workflow,
    eventBus: bus,
    eventPattern: { source: ['shop.orders'], detailType: ['OrderPlaced'] },
    description: 'Starts one durable order workflow per OrderPlaced event (through the alias live)',
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

if (require.main === module) buildApp().synth();
