/**
 * Example: dynamodb-cdc-consumer
 *
 * Change data capture: `DynamoStreamToFunction` creates an on-demand table (KMS-encrypted, point-in-time
 * recovery, NEW_AND_OLD_IMAGES stream) and a BlueprintFunction that reads every change from
 * TRIM_HORIZON. A failing batch is bisected and retried at most 10 times; changes older than a day or out
 * of retries go to an encrypted, alarmed DurableQueue. Only the changes the handler reports as failed
 * are retried. Only records of the `ORDER#` partition reach the function (an event filter).
 *
 * Run: `npx projen synth:examples` — the template lands in cdk.out/dynamodb-cdc-consumer/.
 */
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { BlueprintCode, DynamoStreamToFunction } from '../src';

export function buildApp(app: App = new App()): App {
  const stack = new Stack(app, 'DynamoDbCdcConsumer', { env: { account: '123456789012', region: 'us-east-1' } });

  new DynamoStreamToFunction(stack, 'Orders', {
    tableProps: { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING } },
    functionProps: {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: BlueprintCode.fromFile(path.join(__dirname, 'handlers', 'batch-processor.js')),
    },
    sourceOptions: {
      batchSize: 100,
      filters: ['{"dynamodb":{"Keys":{"pk":{"S":[{"prefix":"ORDER#"}]}}}}'],
    },
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

if (require.main === module) buildApp().synth();
