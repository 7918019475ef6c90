/**
 * The benchmark's blueprint variant: N BlueprintFunctions, each in private subnets of one shared VPC,
 * released through an alias with a canary deployment, fed by a QueueToFunction and a KinesisToFunction.
 */
import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';

// The compiled library, as an app gets it from npm: `npx projen bench` compiles it and installs a copy
// (BENCH_LIBRARY, in a node_modules folder); else lib/ in place. Typed from src/.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const library: typeof import('../src') = require(process.env.BENCH_LIBRARY ?? '../lib');
const { BlueprintFunction, DeploymentStrategy, FunctionNetwork, KinesisToFunction, QueueToFunction } = library;

const HANDLER = 'exports.handler = async () => ({ batchItemFailures: [] });';

export function blueprints(stack: Stack, n: number): void {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  for (let i = 0; i < n; i++) {
    const fn = new BlueprintFunction(stack, `Fn${i}`, {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(HANDLER),
      network: FunctionNetwork.privateEgress(vpc),
      deployment: { strategy: DeploymentStrategy.CANARY_10_PERCENT_5_MINUTES },
    });
    new QueueToFunction(stack, `Queue${i}`, { function: fn });
    new KinesisToFunction(stack, `Stream${i}`, { function: fn, streamProps: { shardCount: 1 } });
  }
}
