/**
 * Example: edge-distribution
 *
 * A static site on S3 behind CloudFront with two Lambda@Edge functions (BlueprintEdgeFunction): a
 * viewer-request trigger that normalizes the language header and directory URLs (128 MB, 5 s), and an
 * origin-response trigger that adds security headers (cached with the object). Each function runs on
 * x86_64 from a numbered version, with its own role trusted by edgelambda.amazonaws.com; what Lambda@Edge
 * refuses (environment variables, layers, VPC, arm64, more than 128 MB or 5 s on viewer events) is no
 * prop or fails the synth. The distribution logs to its own bucket and requires TLS 1.2 where it can.
 *
 * The stack deploys to us-east-1; from any other region the functions go to a us-east-1 support stack.
 *
 * Run: `npx projen synth:examples edge-distribution` — the template lands in cdk.out/edge-distribution/.
 */
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { BlueprintCode, BlueprintEdgeFunction, NagAcknowledgements } from '../src';

export function buildApp(app: App = new App()): App {
  const stack = new Stack(app, 'EdgeDistribution', { env: { account: '123456789012', region: 'us-east-1' } });

  const logs = new s3.Bucket(stack, 'AccessLogs', {
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    // CloudFront standard logs are delivered with ACLs.
    objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
  });
  NagAcknowledgements.add(logs, 'AwsSolutions-S1', 'This bucket receives the distribution\'s access logs: logging its own accesses would log into itself.');
  const site = new s3.Bucket(stack, 'Site', {
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  });
  NagAcknowledgements.add(site, 'AwsSolutions-S1', 'Only CloudFront reads this bucket (origin access control): the distribution\'s access logs record every viewer request.');

  const rewrite = new BlueprintEdgeFunction(stack, 'ViewerRequest', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: BlueprintCode.fromFile(path.join(__dirname, 'handlers', 'edge-viewer-request.js')),
    eventType: cloudfront.LambdaEdgeEventType.VIEWER_REQUEST,
    description: 'Normalizes Accept-Language and directory URLs before the cache lookup',
  });
  const securityHeaders = new BlueprintEdgeFunction(stack, 'OriginResponse', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: BlueprintCode.fromFile(path.join(__dirname, 'handlers', 'edge-origin-response.js')),
    eventType: cloudfront.LambdaEdgeEventType.ORIGIN_RESPONSE,
    memorySize: 256,
    description: 'Adds security headers to what the origin returns',
  });

  const distribution = new cloudfront.Distribution(stack, 'Distribution', {
    defaultBehavior: {
      origin: origins.S3BucketOrigin.withOriginAccessControl(site),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      edgeLambdas: [rewrite.edgeLambda(), securityHeaders.edgeLambda()],
    },
    defaultRootObject: 'index.html',
    enableLogging: true,
    logBucket: logs,
    logFilePrefix: 'cloudfront/',
    minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
  });
  NagAcknowledgements.add(distribution, 'AwsSolutions-CFR1', 'The site serves viewers worldwide: no country is to be blocked.');
  NagAcknowledgements.add(distribution, 'AwsSolutions-CFR2', 'A WAF web ACL is the owner\'s choice of rules and cost; it attaches through webAclId when wanted.');
  NagAcknowledgements.add(distribution, 'AwsSolutions-CFR4', 'Without a custom domain CloudFront serves the default *.cloudfront.net certificate, whose minimum TLS version it fixes itself.');

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

if (require.main === module) buildApp().synth();
