import { App, Stack } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { BlueprintEdgeFunction, BlueprintEdgeFunctionProps, NagAcknowledgements } from '../../src';

/** A small inline Node.js viewer-request function's props. */
export const EDGE_PROPS: BlueprintEdgeFunctionProps = {
  runtime: lambda.Runtime.NODEJS_24_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async (e) => e.Records[0].cf.request;'),
  eventType: cloudfront.LambdaEdgeEventType.VIEWER_REQUEST,
};

/** A stack `Test` in a fresh app, in account 123456789012 and `region`. */
export function edgeStack(region = 'us-east-1'): Stack {
  return new Stack(new App(), 'Test', { env: { account: '123456789012', region } });
}

/**
 * A distribution in front of example.com with access logs to its own bucket, triggering `functions`
 * on its default behaviour; what CloudFront cannot have without a custom domain or a WAF web ACL is
 * acknowledged with its reason.
 */
export function edgeDistribution(stack: Stack, ...functions: BlueprintEdgeFunction[]): cloudfront.Distribution {
  const logs = new s3.Bucket(stack, 'AccessLogs', {
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
  });
  NagAcknowledgements.add(logs, 'AwsSolutions-S1', 'This bucket holds the distribution\'s access logs: logging its own accesses would log into itself.');
  const distribution = new cloudfront.Distribution(stack, 'Distribution', {
    defaultBehavior: {
      origin: new origins.HttpOrigin('example.com'),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      edgeLambdas: functions.map(f => f.edgeLambda()),
    },
    enableLogging: true,
    logBucket: logs,
    minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
  });
  NagAcknowledgements.add(distribution, 'AwsSolutions-CFR1', 'The site serves viewers worldwide: no country is to be blocked.');
  NagAcknowledgements.add(distribution, 'AwsSolutions-CFR2', 'A WAF web ACL is the owner\'s choice of rules and cost; it attaches through webAclId when wanted.');
  NagAcknowledgements.add(distribution, 'AwsSolutions-CFR4', 'Without a custom domain CloudFront serves the default *.cloudfront.net certificate, whose minimum TLS version it fixes itself.');
  return distribution;
}
