import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { EDGE_FACTS } from '../../limits';
import { NagAcknowledgements } from '../../nag/acknowledge';

/**
 * The inline statement with which a Lambda@Edge function writes its logs: in every region an edge
 * location runs it in, to `/aws/lambda/us-east-1.<function name>` (a policy of its own, created after the
 * function, since it names the function).
 */
export function grantEdgeLogs(scope: Construct, role: iam.IRole, fn: lambda.Function): iam.Policy {
  const stack = Stack.of(fn);
  const policy = new iam.Policy(scope, 'LogsPolicy', {
    roles: [role],
    statements: [new iam.PolicyStatement({
      actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [stack.formatArn({
        service: 'logs',
        region: '*',
        resource: 'log-group',
        resourceName: `${EDGE_FACTS.logGroupPrefix}${fn.functionName}:*`,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      })],
    })],
  });
  NagAcknowledgements.addRule(policy, 'AwsSolutions-IAM5',
    'Lambda@Edge writes logs in the region of each edge location that runs the function (nearest the viewer): '
    + 'the statement names the function\'s own log group (/aws/lambda/us-east-1.<name>) in every region and its log streams.');
  return policy;
}

/** Acknowledges what the Serverless pack asks of regional functions and Lambda@Edge does not take. */
export function acknowledgeEdgeFunction(fn: lambda.Function): void {
  NagAcknowledgements.add(fn, 'Serverless-LambdaDLQ',
    'CloudFront invokes a Lambda@Edge function synchronously for each request: there is no asynchronous invocation whose failures a DLQ could hold.');
  NagAcknowledgements.add(fn, 'Serverless-LambdaTracing',
    'AWS X-Ray active tracing is not supported by Lambda@Edge (CloudFront restrictions on Lambda@Edge functions).');
}

/**
 * Acknowledges the findings on aws-cdk-lib's cross-region ARN reader (a singleton custom resource
 * provider of the distribution's stack, written by EdgeFunction): its role, managed policy and runtime
 * are aws-cdk-lib's.
 */
export function acknowledgeArnReader(scope: Construct): void {
  const provider = Stack.of(scope).node.tryFindChild('Custom::CrossRegionStringParameterReaderCustomResourceProvider');
  if (!provider) return;
  NagAcknowledgements.addRule(provider, 'AwsSolutions-IAM4',
    'aws-cdk-lib\'s cross-region SSM reader (cloudfront.experimental.EdgeFunction) uses the AWSLambdaBasicExecutionRole managed policy for its logs; its role is not configurable.');
  NagAcknowledgements.addRule(provider, 'AwsSolutions-IAM5',
    'aws-cdk-lib\'s cross-region SSM reader reads the parameters under /cdk/EdgeFunctionArn/* in us-east-1 that hold the edge functions\' version ARNs.');
  NagAcknowledgements.addRule(provider, 'AwsSolutions-L1',
    'aws-cdk-lib\'s cross-region SSM reader is a deploy-time custom resource provider whose runtime aws-cdk-lib chooses.');
  for (const id of ['Serverless-LambdaDLQ', 'Serverless-LambdaDefaultMemorySize', 'Serverless-LambdaLatestVersion', 'Serverless-LambdaTracing']) {
    NagAcknowledgements.addRule(provider, id,
      'aws-cdk-lib\'s cross-region SSM reader is a CloudFormation custom resource provider invoked only at deploy time; its settings are aws-cdk-lib\'s.');
  }
}
