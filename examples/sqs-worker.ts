/**
 * Example: sqs-worker
 *
 * An SQS worker that loses nothing: `QueueToFunction` creates an encrypted, TLS-only queue whose
 * visibility timeout is 6 x the function timeout + the batching window (computed at synth: 6 x 60 s +
 * 5 s = 365 s), with an encrypted, alarmed DurableQueue as redrive DLQ after 5 receives. The mapping
 * takes batches of up to 100 messages over a 5 s window, reports partial batch failures and runs at most
 * 20 instances at once. The queue's oldest-message age and the DLQ depth are alarmed.
 *
 * Run: `npx projen synth:examples` — the template lands in cdk.out/sqs-worker/.
 */
import * as path from 'path';
import { App, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { BlueprintCode, QueueToFunction } from '../src';

export function buildApp(app: App = new App()): App {
  const stack = new Stack(app, 'SqsWorker', { env: { account: '123456789012', region: 'us-east-1' } });

  new QueueToFunction(stack, 'Jobs', {
    functionProps: {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: BlueprintCode.fromFile(path.join(__dirname, 'handlers', 'batch-processor.js')),
      timeout: Duration.seconds(60),
    },
    sourceOptions: { batchSize: 100, maxBatchingWindow: Duration.seconds(5), maxConcurrency: 20 },
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

if (require.main === module) buildApp().synth();
