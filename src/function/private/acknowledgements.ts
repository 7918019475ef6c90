import { Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NagAcknowledgements } from '../../nag/acknowledge';
import { ENI_WILDCARD_REASON } from '../../network/private/placement';
import { LambdaRuntimeDeprecated } from '../../rules/function/runtime-deprecated';
import { fullId } from '../../rules/private/engine';
import { isDeprecatedRuntime } from '../../rules/private/runtimes';
import type { BlueprintFunctionProps } from '../blueprint-function-props';

/** The findings a BlueprintFunction acknowledges on purpose: X-Ray's (and the ENIs') wildcard, a deprecated runtime kept on request. */
export function acknowledgeFunction(fn: lambda.Function, role: iam.IRole, props: BlueprintFunctionProps, inVpc: boolean): void {
  NagAcknowledgements.add(role, 'AwsSolutions-IAM5[Resource::*]',
    'X-Ray active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions (Resource must be *).'
    + (inVpc ? ENI_WILDCARD_REASON : ''));

  if (props.allowDeprecatedRuntime && isDeprecatedRuntime(props.runtime!.name)) {
    Validations.of(fn).acknowledge({ id: fullId(LambdaRuntimeDeprecated), reason: `allowDeprecatedRuntime: true — ${props.runtime!.name} is kept for legacy code on purpose` });
  }
}
