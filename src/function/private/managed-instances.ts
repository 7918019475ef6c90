import { Annotations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { NetworkPlacement } from '../../network/function-network';
import { LambdaManagedInstancesOptions } from '../../rules/inputs';
import { reportInput } from '../../rules/private/enforce';
import { BlueprintFunctionProps } from '../blueprint-function-props';
import { BlueprintCapacityProvider } from '../capacity-provider';

/**
 * Runs `fn` on its capacity provider (Lambda Managed Instances), as aws-cdk-lib's
 * `CapacityProvider.addFunction` does, for any `lambda.ICapacityProvider` (imported ones too). The values
 * are written into the template as given: the rules report those out of range (aws-cdk-lib would throw
 * on some of them).
 *
 * @returns the placement of the provider's instances, when it is a BlueprintCapacityProvider
 */
export function runOnCapacityProvider(scope: Construct, fn: lambda.Function, props: BlueprintFunctionProps): NetworkPlacement | undefined {
  const provider = props.capacityProvider;
  if (!provider) {
    if (props.capacityProviderOptions) {
      reportInput(scope, LambdaManagedInstancesOptions, {
        property: 'capacityProviderOptions',
        value: 'set without capacityProvider',
        allowed: 'capacityProviderOptions with capacityProvider',
        reason: 'they are the settings of the function on a capacity provider',
      });
    }
    return undefined;
  }
  if (props.network) {
    reportInput(scope, LambdaManagedInstancesOptions, {
      property: 'network',
      value: 'a VPC placement of the function with capacityProvider',
      allowed: 'the placement on the capacity provider (BlueprintCapacityProvider network), no network on the function',
      reason: 'on Lambda Managed Instances the function runs on the capacity provider\'s instances, in the capacity provider\'s subnets and security groups',
    });
  }
  const options = props.capacityProviderOptions ?? {};
  Annotations.of(fn).addInfoV2('aws-lambda:Function.CapacityProviderConfiguration', 'Capacity provider configuration cannot be removed from a function, only modified.');
  const cfn = fn.node.defaultChild as lambda.CfnFunction;
  cfn.publishToLatestPublished = options.publishToLatestPublished;
  cfn.capacityProviderConfig = {
    lambdaManagedInstancesCapacityProviderConfig: {
      capacityProviderArn: provider.capacityProviderArn,
      perExecutionEnvironmentMaxConcurrency: options.perExecutionEnvironmentMaxConcurrency,
      executionEnvironmentMemoryGiBPerVCpu: options.executionEnvironmentMemoryGiBPerVCpu,
    },
  };
  const scaling = options.latestPublishedScalingConfig;
  if (scaling?.minExecutionEnvironments !== undefined || scaling?.maxExecutionEnvironments !== undefined) {
    const { minExecutionEnvironments, maxExecutionEnvironments } = scaling;
    cfn.functionScalingConfig = { minExecutionEnvironments, maxExecutionEnvironments };
  }
  return provider instanceof BlueprintCapacityProvider ? provider.placement : undefined;
}
