/**
 * Example: vpc-worker
 *
 * A function placed in a VPC the right way: a BlueprintVpc (two AZs, public subnets with one NAT gateway
 * per AZ, private subnets, flow logs, shared S3 and DynamoDB gateway endpoints), the worker's ENIs in the
 * private subnets with internet egress through NAT, a security group with explicit egress only (HTTPS and
 * the database port), the Aurora cluster's security group opened to the worker's on 5432, and an
 * S3 bucket read through the gateway endpoint (no NAT traffic). A second function shares the VPC and
 * its endpoints without duplicates and calls SQS through a shared interface endpoint, without internet.
 *
 * Run: `npx projen synth:examples` (all examples) — the template lands in cdk.out/vpc-worker/.
 */
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { BlueprintCode, BlueprintFunction, BlueprintVpc, NagAcknowledgements } from '../src';

export function buildApp(app: App = new App()): App {
  // Environment-agnostic: the VPC's zones are Fn::GetAZs of the region it is deployed to.
  const stack = new Stack(app, 'VpcWorker');
  const network = new BlueprintVpc(stack, 'Network');

  // Stands for the Aurora PostgreSQL cluster's security group (e.g. cluster.connections.securityGroups[0]).
  const database = new ec2.SecurityGroup(stack, 'AuroraSecurityGroup', {
    vpc: network.vpc,
    description: 'Aurora PostgreSQL cluster',
    allowAllOutbound: false,
  });
  const input = s3.Bucket.fromBucketName(stack, 'InputBucket', 'vpc-worker-input-123456789012');

  const worker = new BlueprintFunction(stack, 'Worker', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: BlueprintCode.fromFile(path.join(__dirname, 'handlers', 'vpc-worker.js')),
    network: network.privateEgress({
      connectTo: [{ target: database, port: ec2.Port.tcp(5432) }],
    }),
    environment: { BUCKET_NAME: input.bucketName, DB_HOST: 'aurora.cluster.internal', DB_PORT: '5432' },
  });
  worker.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [input.arnForObjects('input/*')] }));
  NagAcknowledgements.add(worker.role!, `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${input.bucketName}/input/*]`,
    'The worker reads any object under the input/ prefix of its own bucket (keys are only known at run time), with s3:GetObject only.');

  // A second function in the same VPC: no internet, SQS through a shared interface endpoint.
  new BlueprintFunction(stack, 'Notifier', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: BlueprintCode.fromFile(path.join(__dirname, 'handlers', 'hello.js')),
    network: network.isolated({ interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SQS] }),
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

if (require.main === module) buildApp().synth();
