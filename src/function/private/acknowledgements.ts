import { Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { NagAcknowledgements } from '../../nag/acknowledge';
import { ENI_WILDCARD_REASON } from '../../network/private/placement';
import { LambdaRuntimeDeprecated } from '../../rules/function/runtime-deprecated';
import { fullId } from '../../rules/private/engine';
import { isDeprecatedRuntime } from '../../rules/private/runtimes';
import { BlueprintFunctionProps } from '../blueprint-function-props';

/** Where the function's role comes from and whether it runs in a VPC. */
export interface AcknowledgeOptions {
  readonly inVpc: boolean;
  /** Whether the role is the blueprint's own (a role given by the user keeps its own findings). */
  readonly ownRole: boolean;
}

/**
 * The findings a BlueprintFunction acknowledges on purpose: X-Ray's (and the ENIs') wildcard on its own role,
 * the Lambda Insights managed policy aws-cdk-lib attaches, a deprecated runtime kept on request.
 */
export function acknowledgeFunction(fn: lambda.Function, role: iam.IRole, props: BlueprintFunctionProps, options: AcknowledgeOptions): void {
  if (options.ownRole) {
    NagAcknowledgements.add(role, 'AwsSolutions-IAM5[Resource::*]',
      'X-Ray active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions (Resource must be *).'
      + (options.inVpc ? ENI_WILDCARD_REASON : ''));
    if (props.insightsVersion) {
      NagAcknowledgements.add(role, 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/CloudWatchLambdaInsightsExecutionRolePolicy]',
        'insightsVersion: aws-cdk-lib attaches the AWS managed policy Lambda Insights documents (it writes to the /aws/lambda-insights log group only).');
    }
  }

  if (props.allowDeprecatedRuntime && isDeprecatedRuntime(props.runtime!.name)) {
    Validations.of(fn).acknowledge({ id: fullId(LambdaRuntimeDeprecated), reason: `allowDeprecatedRuntime: true — ${props.runtime!.name} is kept for legacy code on purpose` });
  }
}

/**
 * A durable function checkpoints through the Lambda API: its role may do so on the function's versions
 * (the policy aws-cdk-lib attaches only to a role it creates). A policy of its own: the function depends on
 * its role, and this policy names the function.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/durable-security.html
 */
export function grantDurableExecution(scope: Construct, fn: lambda.Function, role: iam.IRole): void {
  const policy = new iam.Policy(scope, 'DurableExecutionPolicy', {
    roles: [role],
    statements: [new iam.PolicyStatement({
      actions: ['lambda:CheckpointDurableExecution', 'lambda:GetDurableExecutionState'],
      resources: [`${fn.functionArn}:*`],
    })],
  });
  NagAcknowledgements.addRule(policy, 'AwsSolutions-IAM5',
    'durableConfig: Lambda checkpoints a durable execution on the version it runs, so the role may do so on every version of this one function (function ARN + ":*"), as the Lambda documentation scopes it.');
}
