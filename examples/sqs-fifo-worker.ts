/**
 * Example: sqs-fifo-worker
 *
 * An ordered worker on an SQS FIFO queue. Ordering is per message group (MessageGroupId): Lambda hands
 * the messages of one group to the function in order, one batch at a time, while different groups are
 * processed in parallel — so concurrency grows with the number of active message groups, and a message
 * that keeps failing blocks only its own group until it moves to the FIFO redrive DLQ (after 5
 * receives). Put everything that must stay ordered (e.g. one customer's orders) in one group.
 *
 * FIFO rules the blueprint enforces at synth: batch size 1–10, no batching window. The queue's
 * visibility timeout is 6 x the function timeout; partial batch responses are on (the handler must stop
 * at the first failure of a group and report it and every later message of that group as failed).
 *
 * Run: `npx projen synth:examples` — the template lands in cdk.out/sqs-fifo-worker/.
 */
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { BlueprintCode, QueueToFunction } from '../src';

export function buildApp(app: App = new App()): App {
  const stack = new Stack(app, 'SqsFifoWorker', { env: { account: '123456789012', region: 'us-east-1' } });

  new QueueToFunction(stack, 'OrderedEvents', {
    fifo: true,
    functionProps: {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: BlueprintCode.fromFile(path.join(__dirname, 'handlers', 'batch-processor.js')),
    },
    sourceOptions: { batchSize: 10 },
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

if (require.main === module) buildApp().synth();
