/**
 * Example: kinesis-stream-processor
 *
 * A Kinesis stream processor that one poison record cannot block: `KinesisToFunction` creates an
 * encrypted 2-shard stream and a BlueprintFunction reading it from TRIM_HORIZON with bisect-on-error,
 * at most 10 retries, a 1-day maximum record age, partial batch responses and 2 batches per shard.
 * Records it gives up on land in an encrypted, alarmed DurableQueue (the mapping's on-failure
 * destination). IteratorAge, Errors, Throttles and failure-queue depth alarms go to one SNS topic,
 * encrypted with a customer-managed key that CloudWatch may use (the AWS-managed alias/aws/sns key does
 * not let CloudWatch publish).
 *
 * Run: `npx projen synth:examples` — the template lands in cdk.out/kinesis-stream-processor/.
 */
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { BlueprintCode, KinesisToFunction } from '../src';

export function buildApp(app: App = new App()): App {
  const stack = new Stack(app, 'KinesisStreamProcessor', { env: { account: '123456789012', region: 'us-east-1' } });
  const alarmKey = new kms.Key(stack, 'AlarmTopicKey', { enableKeyRotation: true, description: 'Encrypts the alarm topic; CloudWatch publishes to it' });
  alarmKey.grant(new iam.ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
  const alarms = new sns.Topic(stack, 'AlarmTopic', { masterKey: alarmKey, enforceSSL: true });

  const processor = new KinesisToFunction(stack, 'Clickstream', {
    streamProps: { shardCount: 2 },
    functionProps: {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: BlueprintCode.fromFile(path.join(__dirname, 'handlers', 'batch-processor.js')),
      reservedConcurrentExecutions: 4, // = 2 shards x parallelization factor 2
    },
    sourceOptions: { batchSize: 200, parallelizationFactor: 2 },
    alarmTopic: alarms,
  });
  void processor.requiredConcurrency; // 4: shards x parallelization factor

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

if (require.main === module) buildApp().synth();
