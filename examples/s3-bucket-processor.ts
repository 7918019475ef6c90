/**
 * Example: s3-bucket-processor
 *
 * An S3 bucket processor: objects written under `incoming/` invoke a BlueprintFunction asynchronously
 * (S3ToFunction); it writes results under `processed/` of the same bucket, and the declared `writesToPrefix`
 * proves at synth that its writes cannot trigger it again. Failure paths: 1 retry, then the record goes to
 * an on-failure destination queue (and the event to the stack's DLQ); both queues are depth-alarmed.
 */
import * as path from 'path';
import { App, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { AsyncDestination, BlueprintCode, BlueprintFunction, DurableQueue, NagAcknowledgements, S3ToFunction } from '../src';

export function buildApp(app: App = new App()): App {
  const stack = new Stack(app, 'S3BucketProcessor', { env: { account: '123456789012', region: 'us-east-1' } });
  // The feature flag `cdk init` writes to cdk.json: S3 server access logs are admitted by a bucket policy,
  // not the legacy LogDeliveryWrite ACL (cfn-lint W3045).
  stack.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
  const logs = new s3.Bucket(stack, 'AccessLogs', {
    encryption: s3.BucketEncryption.S3_MANAGED, enforceSSL: true, blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  });
  const data = new s3.Bucket(stack, 'Data', {
    versioned: true,
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    serverAccessLogsBucket: logs,
    serverAccessLogsPrefix: 'data/',
  });
  const failures = new DurableQueue(stack, 'ProcessingFailures', { purpose: 'records of objects that failed processing' });

  const processor = new BlueprintFunction(stack, 'Processor', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: BlueprintCode.fromFile(path.join(__dirname, 'handlers', 's3-processor.js')),
    asyncInvoke: { retryAttempts: 1, maxEventAge: Duration.hours(1), onFailure: AsyncDestination.toQueue(failures.queue) },
  });
  processor.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [data.arnForObjects('incoming/*')] }));
  processor.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [data.arnForObjects('processed/*')] }));
  NagAcknowledgements.add(processor.role!, 'AwsSolutions-IAM5[Resource::<Data666C94C7.Arn>/incoming/*]', 'Uploaded object keys are not known in advance; read access is limited to the incoming/ prefix.');
  NagAcknowledgements.add(processor.role!, 'AwsSolutions-IAM5[Resource::<Data666C94C7.Arn>/processed/*]', 'Result keys derive from upload keys; write access is limited to the processed/ prefix, which the trigger does not watch.');

  new S3ToFunction(stack, 'OnUpload', { function: processor, bucket: data, prefix: 'incoming/' });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

if (require.main === module) buildApp().synth();
