import { Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { BlueprintCapacityProvider, BlueprintCapacityProviderProps, BlueprintFunction, BlueprintFunctionProps, QueueSource, FunctionNetwork } from '../../src';
import { allStatements, nagFindings, newStack, synthErrors } from '../helpers';
import { both, FN_PROPS, packMode } from '../rules/modes';

const FN = 'Test/Fn/Function/Resource';
const CP_ARN = 'arn:aws:lambda:us-east-1:123456789012:capacity-provider:shared';

function vpcOf(stack: Stack): ec2.Vpc {
  return new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1, flowLogs: { all: {} } });
}

function provider(stack: Stack, props: Partial<BlueprintCapacityProviderProps> = {}): BlueprintCapacityProvider {
  return new BlueprintCapacityProvider(stack, 'Capacity', { network: FunctionNetwork.privateEgress(vpcOf(stack)), ...props });
}

function onProvider(stack: Stack, props: Partial<BlueprintFunctionProps> = {}, cp: lambda.ICapacityProvider = provider(stack)): BlueprintFunction {
  return new BlueprintFunction(stack, 'Fn', { ...FN_PROPS, capacityProvider: cp, ...props });
}

/** The findings of the Managed Instances rules (both modes agree, checked by `both`). */
function lmiFindings(stack: Stack): string[] {
  return packMode(stack).filter(r => /LambdaManagedInstances|LambdaCapacityProvider/.test(r.id)).map(r => `${r.id} ${r.path}: ${r.message}`);
}

describe('BlueprintCapacityProvider', () => {
  test('placed like a function\'s network: private subnets, an explicit-egress security group, arm64, shared endpoints', () => {
    const stack = newStack();
    const cp = provider(stack);
    const template = Template.fromStack(stack);
    const vpc = stack.node.findChild('Vpc') as ec2.Vpc;
    template.hasResourceProperties('AWS::Lambda::CapacityProvider', {
      VpcConfig: {
        SubnetIds: vpc.privateSubnets.map(s => ({ Ref: stack.getLogicalId(s.node.defaultChild as ec2.CfnSubnet) })),
        SecurityGroupIds: [{ 'Fn::GetAtt': [stack.getLogicalId(cp.placement!.securityGroup!.node.defaultChild as ec2.CfnSecurityGroup), 'GroupId'] }],
      },
      InstanceRequirements: { Architectures: ['arm64'] },
      PermissionsConfig: { CapacityProviderOperatorRoleArn: Match.anyValue() },
    });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Lambda Test/Capacity: explicit egress only',
      SecurityGroupEgress: [{ CidrIp: '0.0.0.0/0', FromPort: 443, ToPort: 443, IpProtocol: 'tcp', Description: 'HTTPS to the internet through NAT and to AWS APIs' }],
    });
    template.resourceCountIs('AWS::EC2::VPCEndpoint', 2);
    expect(cp.placement!.subnets).toEqual(vpc.privateSubnets);
    expect(cp.architecture).toBe(lambda.Architecture.ARM_64);
  });

  test('a maxVCpuCount aws-cdk-lib refuses (below 12) reaches the template; below 2 the rule refuses it in both modes', () => {
    const four = newStack();
    provider(four, { maxVCpuCount: 4 });
    Template.fromStack(four).hasResourceProperties('AWS::Lambda::CapacityProvider', { CapacityProviderScalingConfig: { MaxVCpuCount: 4 } });
    expect(lmiFindings(four)).toEqual([]);
    const one = newStack();
    provider(one, { maxVCpuCount: 1 });
    expect(both(one, 'LambdaCapacityProviderSettings')).toEqual([{
      id: 'LambdaBlueprints-LambdaCapacityProviderSettings',
      severity: 'error',
      path: 'Test/Capacity/Resource/Resource',
      message: 'maxVCpuCount (CapacityProviderScalingConfig.MaxVCpuCount) is 1 vCPUs, allowed is a whole number 2–15,000 vCPUs, because a capacity provider scales to at most 2 to 15,000 vCPUs.',
    }]);
  });
});

describe('BlueprintFunction on a capacity provider', () => {
  test('the template attaches the function; memory defaults to 2,048 MB; no VpcConfig nor ENI grant of its own', () => {
    const stack = newStack();
    const fn = onProvider(stack, { capacityProviderOptions: { perExecutionEnvironmentMaxConcurrency: 32, executionEnvironmentMemoryGiBPerVCpu: 2 } });
    const template = Template.fromStack(stack);
    const cpId = stack.getLogicalId(stack.node.findChild('Capacity').node.findChild('Resource').node.defaultChild as lambda.CfnCapacityProvider);
    template.hasResourceProperties('AWS::Lambda::Function', {
      MemorySize: 2048,
      Architectures: ['arm64'],
      CapacityProviderConfig: {
        LambdaManagedInstancesCapacityProviderConfig: {
          CapacityProviderArn: { 'Fn::GetAtt': [cpId, 'Arn'] },
          PerExecutionEnvironmentMaxConcurrency: 32,
          ExecutionEnvironmentMemoryGiBPerVCpu: 2,
        },
      },
      VpcConfig: Match.absent(),
    });
    expect(allStatements(template).filter(s => JSON.stringify(s.Action).includes('ec2:CreateNetworkInterface'))).toEqual([]);
    expect(fn.networkPlacement).toBe((stack.node.findChild('Capacity') as BlueprintCapacityProvider).placement);
    expect(fn.isBoundToVpc).toBe(true);
    expect(lmiFindings(stack)).toEqual([]);
    expect(synthErrors(stack)).toEqual([]);
    expect(nagFindings(stack)).toEqual([]);
  });

  test('connectTo opens a target to the instances\' security group', () => {
    const stack = newStack();
    const fn = onProvider(stack);
    const db = new ec2.SecurityGroup(stack, 'Db', { vpc: stack.node.findChild('Vpc') as ec2.Vpc });
    fn.connectTo(db, ec2.Port.tcp(5432));
    const cp = stack.node.findChild('Capacity') as BlueprintCapacityProvider;
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      FromPort: 5432,
      SourceSecurityGroupId: { 'Fn::GetAtt': [stack.getLogicalId(cp.placement!.securityGroup!.node.defaultChild as ec2.CfnSecurityGroup), 'GroupId'] },
    });
  });

  test('any lambda.ICapacityProvider (imported by ARN); the scaling settings are written as given', () => {
    const stack = newStack();
    const cp = lambda.CapacityProvider.fromCapacityProviderArn(stack, 'Shared', CP_ARN);
    onProvider(stack, {
      memorySize: 4096,
      capacityProviderOptions: {
        executionEnvironmentMemoryGiBPerVCpu: 4,
        publishToLatestPublished: true,
        latestPublishedScalingConfig: { minExecutionEnvironments: 3, maxExecutionEnvironments: 30 },
      },
    }, cp);
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', {
      MemorySize: 4096,
      PublishToLatestPublished: true,
      CapacityProviderConfig: {
        LambdaManagedInstancesCapacityProviderConfig: { CapacityProviderArn: CP_ARN, ExecutionEnvironmentMemoryGiBPerVCpu: 4 },
      },
      FunctionScalingConfig: { MinExecutionEnvironments: 3, MaxExecutionEnvironments: 30 },
    });
    expect(lmiFindings(stack)).toEqual([]);
  });

  test('rules fire in both modes: 1,024 MB, Node.js 20, a 3 GiB ratio and a minimum above the maximum (aws-cdk-lib would throw)', () => {
    const stack = newStack();
    onProvider(stack, {
      memorySize: 1024,
      runtime: lambda.Runtime.NODEJS_20_X,
      capacityProviderOptions: {
        executionEnvironmentMemoryGiBPerVCpu: 3,
        latestPublishedScalingConfig: { minExecutionEnvironments: 10, maxExecutionEnvironments: 5 },
      },
    });
    expect(both(stack, 'LambdaManagedInstancesMemory').map(r => r.message)).toEqual([
      'memorySize (MemorySize) is 1,024 MB on Lambda Managed Instances with ExecutionEnvironmentMemoryGiBPerVCpu 3, allowed is at least 3,072 MB (2,048 MB, and at least ExecutionEnvironmentMemoryGiBPerVCpu × 1,024 MB), because a Lambda Managed Instances execution environment gets at least 2 GB and 1 vCPU, and its memory cannot be less than one vCPU\'s share at the chosen memory-per-vCPU ratio.',
    ]);
    expect(both(stack, 'LambdaManagedInstancesRuntime').map(r => `${r.path}: ${r.message}`)).toEqual([
      `${FN}: runtime (Runtime) is "nodejs20.x" on Lambda Managed Instances (CapacityProviderConfig), allowed is Java 21+, Python 3.13+, Node.js 22+, .NET 8+ or the OS-only provided.al2023, because Lambda Managed Instances run only these runtimes.`,
    ]);
    expect(both(stack, 'LambdaManagedInstancesSettings').map(r => r.message)).toEqual([
      'CapacityProviderConfig.LambdaManagedInstancesCapacityProviderConfig.ExecutionEnvironmentMemoryGiBPerVCpu is 3 GiB per vCPU, allowed is 2, 4, 8 GiB per vCPU, because Lambda Managed Instances support 2, 4 or 8 GiB of memory per vCPU.',
      'FunctionScalingConfig.MinExecutionEnvironments is 10, above MaxExecutionEnvironments 5, allowed is at most MaxExecutionEnvironments (5), because a Lambda Managed Instances function scales between 0 and 15,000 execution environments, the minimum at most the maximum.',
    ]);
  });

  test('an hour-long timeout fed by a queue passes; a network of its own and options without a provider are refused', () => {
    const ok = newStack();
    const fn = onProvider(ok, { timeout: Duration.hours(1) });
    fn.addEventSource(new QueueSource(new sqs.Queue(ok, 'Jobs', { visibilityTimeout: Duration.hours(6) })));
    expect(both(ok, 'LambdaTimeout')).toEqual([]);
    expect(both(ok, 'LambdaManagedInstancesTimeout')).toEqual([]);

    const stack = newStack();
    const vpc = vpcOf(stack);
    new BlueprintFunction(stack, 'Fn', { ...FN_PROPS, network: FunctionNetwork.privateEgress(vpc), capacityProvider: lambda.CapacityProvider.fromCapacityProviderArn(stack, 'Shared', CP_ARN) });
    new BlueprintFunction(stack, 'Plain', { ...FN_PROPS, capacityProviderOptions: { perExecutionEnvironmentMaxConcurrency: 8 } });
    expect(synthErrors(stack)).toEqual([
      '[Test/Fn] LambdaBlueprints-LambdaManagedInstancesOptions: network is a VPC placement of the function with capacityProvider, allowed is the placement on the capacity provider (BlueprintCapacityProvider network), no network on the function, because on Lambda Managed Instances the function runs on the capacity provider\'s instances, in the capacity provider\'s subnets and security groups.',
      '[Test/Plain] LambdaBlueprints-LambdaManagedInstancesOptions: capacityProviderOptions is set without capacityProvider, allowed is capacityProviderOptions with capacityProvider, because they are the settings of the function on a capacity provider.',
    ]);
  });
});
