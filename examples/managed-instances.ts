/**
 * Example: managed-instances
 *
 * A steady, high-volume SQS worker on Lambda Managed Instances: a `BlueprintCapacityProvider` places its
 * EC2 instances (chosen and operated by Lambda, Graviton by default) in the private subnets of a
 * BlueprintVpc, exactly as a function's `network` would be placed (internet egress through NAT, a
 * security group with explicit HTTPS egress only, the shared S3 and DynamoDB gateway endpoints), and
 * scales them up to 64 vCPUs at most (a cost ceiling). The worker runs on it with
 * `capacityProvider`: 4,096 MB at 2 GiB per vCPU (2 vCPUs per execution environment), up to 32 batches
 * at once in each execution environment, and a timeout of 30 minutes, which Lambda Managed Instances
 * allow for event source mappings (5,400 s at most; 900 s elsewhere). `QueueToFunction` sizes the
 * queue's visibility timeout from it and adds the alarmed redrive DLQ.
 *
 * The rule library checks at synth what Lambda Managed Instances need: a supported runtime (Node.js 22+
 * here), at least 2,048 MB and ratio × 1,024 MB, the ratio and concurrency ranges, and the provider's
 * vCPU and subnet ranges.
 *
 * Run: `npx projen synth:examples` (all examples) — the template lands in cdk.out/managed-instances/.
 */
import * as path from 'path';
import { App, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { BlueprintCapacityProvider, BlueprintCode, BlueprintVpc, QueueToFunction } from '../src';

export function buildApp(app: App = new App()): App {
  // Environment-agnostic: the VPC's zones are Fn::GetAZs of the region it is deployed to.
  const stack = new Stack(app, 'ManagedInstances');
  const network = new BlueprintVpc(stack, 'Network');

  // Only mutually trusted functions share a capacity provider: it is their security boundary.
  const capacity = new BlueprintCapacityProvider(stack, 'Capacity', {
    network: network.privateEgress(),
    maxVCpuCount: 64,
  });

  new QueueToFunction(stack, 'Resize', {
    functionProps: {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: BlueprintCode.fromFile(path.join(__dirname, 'handlers', 'resize-worker.js')),
      memorySize: 4096,
      timeout: Duration.minutes(30),
      capacityProvider: capacity,
      capacityProviderOptions: { executionEnvironmentMemoryGiBPerVCpu: 2, perExecutionEnvironmentMaxConcurrency: 32 },
    },
    sourceOptions: { batchSize: 10, maxConcurrency: 50 },
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

if (require.main === module) buildApp().synth();
