import { CfnParameter, Duration, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { BlueprintCapacityProvider, BlueprintFunction, FunctionNetwork } from '../../../src';
import { l1Function } from '../l1';
import { both, FN_PROPS, newStack, ofRule, packMode } from '../modes';

const CP_ARN = 'arn:aws:lambda:us-east-1:123456789012:capacity-provider:cp';

/** A capacity provider in a small VPC. */
function capacityProvider(stack: Stack): lambda.CapacityProvider {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  return new lambda.CapacityProvider(stack, 'Capacity', { subnets: vpc.privateSubnets, securityGroups: [new ec2.SecurityGroup(stack, 'Sg', { vpc })] });
}

/** An L1 function on a capacity provider (by ARN) with the given config and property overrides. */
function l1Lmi(stack: Stack, config: Record<string, unknown> = {}, props: Record<string, unknown> = {}): lambda.CfnFunction {
  return l1Function(stack, 'Fn', {
    MemorySize: 4096,
    CapacityProviderConfig: { LambdaManagedInstancesCapacityProviderConfig: { CapacityProviderArn: CP_ARN, ...config } },
    ...props,
  });
}

function messages(stack: Stack, rule: string): string[] {
  return ofRule(packMode(stack), rule).map(r => r.message);
}

const FN = 'Test/Fn/Function/Resource';

describe('LambdaManagedInstancesRuntime', () => {
  test('construct mode: a Node.js 20 blueprint added to a capacity provider is refused', () => {
    const s = newStack();
    const fn = new BlueprintFunction(s, 'Fn', { ...FN_PROPS, runtime: lambda.Runtime.NODEJS_20_X, memorySize: 2048 });
    capacityProvider(s).addFunction(fn.function);
    expect(both(s, 'LambdaManagedInstancesRuntime')).toEqual([{
      id: 'LambdaBlueprints-LambdaManagedInstancesRuntime',
      severity: 'error',
      path: FN,
      message: 'runtime (Runtime) is "nodejs20.x" on Lambda Managed Instances (CapacityProviderConfig), allowed is Java 21+, Python 3.13+, Node.js 22+, .NET 8+ or the OS-only provided.al2023, because Lambda Managed Instances run only these runtimes.',
    }]);
  });
  test.each(['nodejs22.x', 'nodejs24.x', 'python3.13', 'python3.14', 'java21', 'java25', 'dotnet8', 'dotnet10', 'provided.al2023'])('compliant: %s', runtime => {
    const s = newStack();
    l1Lmi(s, {}, { Runtime: runtime });
    expect(messages(s, 'LambdaManagedInstancesRuntime')).toEqual([]);
  });
  test.each(['nodejs20.x', 'python3.12', 'java17', 'java11', 'ruby3.4', 'provided.al2'])('noncompliant: %s', runtime => {
    const s = newStack();
    l1Lmi(s, {}, { Runtime: runtime });
    expect(messages(s, 'LambdaManagedInstancesRuntime')).toHaveLength(1);
  });
  test('a function without a capacity provider, and a runtime from a parameter, are not judged', () => {
    const s = newStack();
    l1Function(s, 'Plain', { Runtime: 'ruby3.4' });
    l1Lmi(s, {}, { Runtime: new CfnParameter(s, 'Runtime').valueAsString });
    expect(messages(s, 'LambdaManagedInstancesRuntime')).toEqual([]);
  });
});

describe('LambdaManagedInstancesMemory', () => {
  const REASON = 'because a Lambda Managed Instances execution environment gets at least 2 GB and 1 vCPU, and its memory cannot be less than one vCPU\'s share at the chosen memory-per-vCPU ratio.';
  test('construct mode: the blueprint default of 1,024 MB on a capacity provider is refused', () => {
    const s = newStack();
    capacityProvider(s).addFunction(new BlueprintFunction(s, 'Fn', FN_PROPS).function);
    expect(both(s, 'LambdaManagedInstancesMemory')).toEqual([{
      id: 'LambdaBlueprints-LambdaManagedInstancesMemory',
      severity: 'error',
      path: FN,
      message: `memorySize (MemorySize) is 1,024 MB on Lambda Managed Instances, allowed is at least 2,048 MB (2,048 MB, and at least ExecutionEnvironmentMemoryGiBPerVCpu × 1,024 MB), ${REASON}`,
    }]);
  });
  test('pack mode: 3,072 MB at 4 GiB per vCPU is below one vCPU\'s share', () => {
    const s = newStack();
    const fn = new lambda.Function(s, 'Plain', { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromInline('x'), memorySize: 3072 });
    capacityProvider(s).addFunction(fn, { executionEnvironmentMemoryGiBPerVCpu: 4 });
    expect(messages(s, 'LambdaManagedInstancesMemory')).toEqual([
      `memorySize (MemorySize) is 3,072 MB on Lambda Managed Instances with ExecutionEnvironmentMemoryGiBPerVCpu 4, allowed is at least 4,096 MB (2,048 MB, and at least ExecutionEnvironmentMemoryGiBPerVCpu × 1,024 MB), ${REASON}`,
    ]);
  });
  test.each([
    [2048, 2], [4096, 4], [8192, 8], [16384, undefined],
  ])('compliant: %s MB at %s GiB per vCPU', (memory, ratio) => {
    const s = newStack();
    l1Lmi(s, { ExecutionEnvironmentMemoryGiBPerVCpu: ratio }, { MemorySize: memory });
    expect(messages(s, 'LambdaManagedInstancesMemory')).toEqual([]);
  });
  test('an unset MemorySize (the default on a capacity provider is not documented) and a token are not judged', () => {
    const s = newStack();
    l1Lmi(s, {}, { MemorySize: undefined });
    l1Function(s, 'Other', { MemorySize: new CfnParameter(s, 'Memory', { type: 'Number' }).valueAsNumber, CapacityProviderConfig: { LambdaManagedInstancesCapacityProviderConfig: { CapacityProviderArn: CP_ARN } } });
    expect(messages(s, 'LambdaManagedInstancesMemory')).toEqual([]);
  });
  test('LambdaMemorySize leaves the maximum of a capacity provider function alone (not confirmed), not that of others', () => {
    const s = newStack();
    l1Lmi(s, {}, { MemorySize: 16384 });
    l1Function(s, 'Plain', { MemorySize: 16384 });
    expect(ofRule(packMode(s), 'LambdaMemorySize').map(r => r.path)).toEqual(['Test/Plain']);
    const t = newStack();
    l1Lmi(t, {}, { MemorySize: 4096.5 });
    expect(messages(t, 'LambdaMemorySize')).toEqual(['memorySize (MemorySize) is 4096.5 MB, allowed is a whole number of MB (at least 2,048 MB on Lambda Managed Instances), because Lambda allocates memory in whole MB.']);
  });
});

describe('LambdaManagedInstancesSettings', () => {
  const P = 'CapacityProviderConfig.LambdaManagedInstancesCapacityProviderConfig';
  test('construct mode: a ratio of 3 GiB per vCPU set on the template is refused', () => {
    const s = newStack();
    const fn = new BlueprintFunction(s, 'Fn', { ...FN_PROPS, memorySize: 8192 });
    capacityProvider(s).addFunction(fn.function);
    fn.cfn.addPropertyOverride(`${P}.ExecutionEnvironmentMemoryGiBPerVCpu`, 3);
    expect(both(s, 'LambdaManagedInstancesSettings')).toEqual([{
      id: 'LambdaBlueprints-LambdaManagedInstancesSettings',
      severity: 'error',
      path: FN,
      message: `${P}.ExecutionEnvironmentMemoryGiBPerVCpu is 3 GiB per vCPU, allowed is 2, 4, 8 GiB per vCPU, because Lambda Managed Instances support 2, 4 or 8 GiB of memory per vCPU.`,
    }]);
  });
  test('pack mode: out-of-range ratio and concurrency, and a minimum above the maximum', () => {
    const s = newStack();
    const scaling = { MinExecutionEnvironments: 5, MaxExecutionEnvironments: 2 };
    const config = { ExecutionEnvironmentMemoryGiBPerVCpu: 16, PerExecutionEnvironmentMaxConcurrency: 1601 };
    l1Lmi(s, config, { MemorySize: 32768, FunctionScalingConfig: scaling });
    expect(messages(s, 'LambdaManagedInstancesSettings')).toEqual([
      `${P}.ExecutionEnvironmentMemoryGiBPerVCpu is 16 GiB per vCPU, allowed is 2, 4, 8 GiB per vCPU, because Lambda Managed Instances support 2, 4 or 8 GiB of memory per vCPU.`,
      `${P}.PerExecutionEnvironmentMaxConcurrency is 1,601 concurrent invocations, allowed is a whole number 1–1,600 concurrent invocations, because one execution environment of Lambda Managed Instances handles 1 to 1,600 concurrent invocations.`,
      'FunctionScalingConfig.MinExecutionEnvironments is 5, above MaxExecutionEnvironments 2, allowed is at most MaxExecutionEnvironments (2), because a Lambda Managed Instances function scales between 0 and 15,000 execution environments, the minimum at most the maximum.',
    ]);
  });
  test.each([
    [{ PerExecutionEnvironmentMaxConcurrency: 0 }, {}],
    [{ PerExecutionEnvironmentMaxConcurrency: 1.5 }, {}],
    [{}, { FunctionScalingConfig: { MaxExecutionEnvironments: 15001 } }],
    [{}, { FunctionScalingConfig: { MinExecutionEnvironments: -1 } }],
  ])('noncompliant: %j %j', (config, props) => {
    const s = newStack();
    l1Lmi(s, config, props);
    expect(messages(s, 'LambdaManagedInstancesSettings')).toHaveLength(1);
  });
  test('compliant: the L2 options in range; tokens are not judged', () => {
    const s = newStack();
    const fn = new lambda.Function(s, 'Plain', { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromInline('x'), memorySize: 8192 });
    capacityProvider(s).addFunction(fn, {
      executionEnvironmentMemoryGiBPerVCpu: 8,
      perExecutionEnvironmentMaxConcurrency: 64,
      latestPublishedScalingConfig: { minExecutionEnvironments: 0, maxExecutionEnvironments: 15000 },
    });
    l1Lmi(s, { ExecutionEnvironmentMemoryGiBPerVCpu: new CfnParameter(s, 'Ratio', { type: 'Number' }).valueAsNumber, PerExecutionEnvironmentMaxConcurrency: new CfnParameter(s, 'Per', { type: 'Number' }).valueAsNumber });
    expect(messages(s, 'LambdaManagedInstancesSettings')).toEqual([]);
  });
});

describe('timeouts on Lambda Managed Instances (LambdaTimeout, LambdaManagedInstancesTimeout)', () => {
  test('construct mode: 3,600 s on a capacity provider passes LambdaTimeout; a function URL keeps 900 s (warning)', () => {
    const s = newStack();
    const fn = new BlueprintFunction(s, 'Fn', { ...FN_PROPS, memorySize: 2048 });
    capacityProvider(s).addFunction(fn.function);
    fn.cfn.addPropertyOverride('Timeout', 3600);
    expect(both(s, 'LambdaTimeout')).toEqual([]);
    expect(both(s, 'LambdaManagedInstancesTimeout')).toEqual([]);
    fn.addFunctionUrl();
    expect(both(s, 'LambdaManagedInstancesTimeout')).toEqual([{
      id: 'LambdaBlueprints-LambdaManagedInstancesTimeout',
      severity: 'warning',
      path: FN,
      message: 'timeout (Timeout) is 3,600 s on Lambda Managed Instances, invoked by Test/Fn/Function/FunctionUrl/Resource (function URL), allowed is at most 900 s for a function invoked synchronously or by Amazon MQ or Amazon DocumentDB (5,400 s only for asynchronous invocations and other event source mappings), because Lambda Managed Instances extend the timeout to 90 minutes only for asynchronous invocations and event source mappings other than Amazon MQ and Amazon DocumentDB; other invocations keep the 900 s limit.',
    }]);
  });
  test('pack mode: above 5,400 s on a capacity provider, above 900 s elsewhere', () => {
    const s = newStack();
    l1Lmi(s, {}, { Timeout: 5401 });
    l1Function(s, 'Plain', { Timeout: 3600 });
    expect(ofRule(packMode(s), 'LambdaTimeout').map(r => `${r.path}: ${r.message}`)).toEqual([
      'Test/Fn: timeout (Timeout) is 5,401 s, allowed is a whole number 1–5,400 s, because on Lambda Managed Instances, asynchronous invocations and event source mappings may run up to 5,400 s (90 minutes).',
      'Test/Plain: timeout (Timeout) is 3,600 s, allowed is a whole number 1–900 s, because a Lambda invocation runs at most 900 s (15 minutes); longer work belongs on Fargate or Step Functions.',
    ]);
  });
  test('pack mode: an SQS mapping may run 5,400 s; Amazon MQ and API Gateway keep 900 s', () => {
    const s = newStack();
    const fn = l1Lmi(s, {}, { Timeout: 5400 });
    new lambda.CfnEventSourceMapping(s, 'Queue', { functionName: fn.ref, eventSourceArn: new sqs.CfnQueue(s, 'Q', { visibilityTimeout: 43200 }).attrArn });
    expect(messages(s, 'LambdaManagedInstancesTimeout')).toEqual([]);
    new lambda.CfnEventSourceMapping(s, 'Broker', { functionName: fn.ref, eventSourceArn: 'arn:aws:mq:us-east-1:123456789012:broker:b:b-1', queues: ['q'] });
    new lambda.CfnPermission(s, 'Api', { action: 'lambda:InvokeFunction', functionName: fn.attrArn, principal: 'apigateway.amazonaws.com' });
    expect(ofRule(packMode(s), 'LambdaManagedInstancesTimeout').map(r => r.message.split(', allowed')[0])).toEqual([
      'timeout (Timeout) is 5,400 s on Lambda Managed Instances, invoked by Test/Broker (event source mapping), Test/Api (permission)',
    ]);
  });
  test('an asynchronous trigger (SQS through addEventSource) on a 900 s function is no finding', () => {
    const s = newStack();
    const fn = new lambda.Function(s, 'Plain', { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromInline('x'), memorySize: 2048, timeout: Duration.minutes(15) });
    capacityProvider(s).addFunction(fn);
    fn.addEventSource(new sources.SqsEventSource(new sqs.Queue(s, 'Queue', { visibilityTimeout: Duration.hours(2) })));
    expect(messages(s, 'LambdaManagedInstancesTimeout')).toEqual([]);
    expect(messages(s, 'LambdaTimeout')).toEqual([]);
  });
});

describe('LambdaCapacityProviderSettings', () => {
  /** An L1 capacity provider with the given scaling config and subnets. */
  function l1Provider(stack: Stack, scaling: Record<string, unknown> | undefined, subnets = ['subnet-1', 'subnet-2']): lambda.CfnCapacityProvider {
    return new lambda.CfnCapacityProvider(stack, 'Provider', {
      permissionsConfig: { capacityProviderOperatorRoleArn: 'arn:aws:iam::123456789012:role/operator' },
      vpcConfig: { subnetIds: subnets, securityGroupIds: ['sg-1'] },
      capacityProviderScalingConfig: scaling,
    });
  }
  test('construct mode: an L1 provider of 1 vCPU that runs a blueprint is refused at the provider', () => {
    const s = newStack();
    const provider = l1Provider(s, { maxVCpuCount: 1 });
    const fn = new BlueprintFunction(s, 'Fn', { ...FN_PROPS, memorySize: 2048 });
    fn.cfn.capacityProviderConfig = { lambdaManagedInstancesCapacityProviderConfig: { capacityProviderArn: provider.attrArn } };
    expect(both(s, 'LambdaCapacityProviderSettings')).toEqual([{
      id: 'LambdaBlueprints-LambdaCapacityProviderSettings',
      severity: 'error',
      path: 'Test/Provider',
      message: 'maxVCpuCount (CapacityProviderScalingConfig.MaxVCpuCount) is 1 vCPUs, allowed is a whole number 2–15,000 vCPUs, because a capacity provider scales to at most 2 to 15,000 vCPUs.',
    }]);
  });
  test('pack mode: 17 subnets, Manual mode without policies, and an escape hatch above 15,000 vCPUs', () => {
    const s = newStack();
    l1Provider(s, { scalingMode: 'Manual' }, Array.from({ length: 17 }, (_, i) => `subnet-${i}`));
    const t = newStack();
    (capacityProvider(t).node.defaultChild as lambda.CfnCapacityProvider).addPropertyOverride('CapacityProviderScalingConfig.MaxVCpuCount', 20000);
    expect(messages(s, 'LambdaCapacityProviderSettings')).toEqual([
      'CapacityProviderScalingConfig.ScalingPolicies (count) is 0 scaling policies, allowed is a whole number 1–10 scaling policies, because a capacity provider in Manual scaling mode has 1 to 10 target tracking policies.',
      'VpcConfig.SubnetIds (count) is 17 subnets, allowed is a whole number 1–16 subnets, because a capacity provider places instances in 1 to 16 subnets.',
    ]);
    expect(messages(t, 'LambdaCapacityProviderSettings')).toEqual([
      'maxVCpuCount (CapacityProviderScalingConfig.MaxVCpuCount) is 20,000 vCPUs, allowed is a whole number 2–15,000 vCPUs, because a capacity provider scales to at most 2 to 15,000 vCPUs.',
    ]);
  });
  test('compliant: 2 vCPUs on an L1 provider (aws-cdk-lib\'s own CapacityProvider refuses below 12), the L2 defaults; tokens are not judged', () => {
    const s = newStack();
    l1Provider(s, { maxVCpuCount: 2, scalingMode: 'Manual', scalingPolicies: [{ predefinedMetricType: 'LambdaCapacityProviderAverageCPUUtilization', targetValue: 50 }] });
    capacityProvider(s);
    const t = newStack();
    l1Provider(t, { maxVCpuCount: new CfnParameter(t, 'VCpus', { type: 'Number' }).valueAsNumber }, new CfnParameter(t, 'Subnets', { type: 'List<AWS::EC2::Subnet::Id>' }).valueAsList);
    expect(messages(s, 'LambdaCapacityProviderSettings')).toEqual([]);
    expect(messages(t, 'LambdaCapacityProviderSettings')).toEqual([]);
  });
});

describe('LambdaManagedInstancesArchitecture', () => {
  const MESSAGE = (fn: string, provider: string, instances: string) => `architecture (Architectures) is "${fn}" on capacity provider ${provider}, whose instances are "${instances}", allowed is "${instances}", the architecture of the capacity provider's instances, because a capacity provider runs instances of one architecture, and Lambda runs a function only on instances of its own architecture.`;

  test('construct mode: an x86_64 blueprint on a BlueprintCapacityProvider (arm64 by default) is warned', () => {
    const s = newStack();
    const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 1 });
    const cp = new BlueprintCapacityProvider(s, 'Capacity', { network: FunctionNetwork.privateEgress(vpc) });
    new BlueprintFunction(s, 'Fn', { ...FN_PROPS, architecture: lambda.Architecture.X86_64, capacityProvider: cp });
    const id = s.getLogicalId(cp.capacityProvider.node.defaultChild as lambda.CfnCapacityProvider);
    expect(both(s, 'LambdaManagedInstancesArchitecture')).toEqual([{
      id: 'LambdaBlueprints-LambdaManagedInstancesArchitecture',
      severity: 'warning',
      path: FN,
      message: MESSAGE('x86_64', id, 'arm64'),
    }]);
  });
  test('pack mode: an arm64 function on an L2 provider without architectures (x86_64 instances)', () => {
    const s = newStack();
    const cp = capacityProvider(s);
    cp.addFunction(new BlueprintFunction(s, 'Fn', { ...FN_PROPS, memorySize: 2048 }).function);
    const id = s.getLogicalId(cp.node.defaultChild as lambda.CfnCapacityProvider);
    expect(messages(s, 'LambdaManagedInstancesArchitecture')).toEqual([MESSAGE('arm64', id, 'x86_64')]);
  });
  test('compliant: the blueprint defaults (arm64 on both), an x86_64 L2 pair; a provider by ARN is not judged', () => {
    const s = newStack();
    const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 1 });
    new BlueprintFunction(s, 'Fn', { ...FN_PROPS, capacityProvider: new BlueprintCapacityProvider(s, 'Capacity', { network: FunctionNetwork.privateEgress(vpc) }) });
    const plain = new lambda.Function(s, 'Plain', { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromInline('x'), memorySize: 2048 });
    new lambda.CapacityProvider(s, 'L2', { subnets: vpc.privateSubnets, securityGroups: [new ec2.SecurityGroup(s, 'Sg', { vpc })] }).addFunction(plain);
    expect(messages(s, 'LambdaManagedInstancesArchitecture')).toEqual([]);
    const t = newStack();
    l1Lmi(t, {}, { Architectures: ['arm64'] });
    expect(messages(t, 'LambdaManagedInstancesArchitecture')).toEqual([]);
  });
});
