import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { CfnResource, Duration, Size, Stack } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as ecr_assets from 'aws-cdk-lib/aws-ecr-assets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3_assets from 'aws-cdk-lib/aws-s3-assets';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { l1Function } from './l1';
import { both, newStack, packMode } from './modes';
import { elfHeader, elfImporting, packageDir, X86_64 } from './packages';
import { BlueprintStandards, RuleResource, RuleViolation, StandardRule, StandardRules } from '../../src';
import { ALL_RULES } from '../../src/rules/catalog';
import { enforceRules } from '../../src/rules/private/enforce';
import { rulesTable } from '../../src/rules/table';
import { writeZip } from '../layers/fixtures';


/** An L1 function whose code is an asset of the stack holding `files`. */
function l1AssetFunction(stack: Stack, files: Record<string, string | Buffer>, props: Record<string, unknown> = {}): lambda.CfnFunction {
  const asset = new s3_assets.Asset(stack, 'Code', { path: packageDir(files) });
  return l1Function(stack, 'Fn', { Code: { S3Bucket: asset.s3BucketName, S3Key: asset.s3ObjectKey, ZipFile: undefined }, ...props });
}

function mapping(stack: Stack, fn: lambda.CfnFunction, source: CfnResource, props: Record<string, unknown>): void {
  new lambda.CfnEventSourceMapping(stack, 'Mapping', { functionName: fn.ref, eventSourceArn: source.getAtt('Arn').toString(), ...props });
}

function streamMapping(stack: Stack, props: Record<string, unknown>, fnProps: Record<string, unknown> = {}): void {
  const stream = new CfnResource(stack, 'Stream', { type: 'AWS::Kinesis::Stream', properties: { ShardCount: 4 } });
  mapping(stack, l1Function(stack, 'Fn', fnProps), stream, { startingPosition: 'TRIM_HORIZON', bisectBatchOnFunctionError: true, maximumRetryAttempts: 3, maximumRecordAgeInSeconds: 3600, ...props });
}

/** The properties of a compliant function on Lambda Managed Instances (a capacity provider by ARN). */
const LMI = {
  MemorySize: 4096,
  CapacityProviderConfig: { LambdaManagedInstancesCapacityProviderConfig: { CapacityProviderArn: 'arn:aws:lambda:us-east-1:123456789012:capacity-provider:cp', ExecutionEnvironmentMemoryGiBPerVCpu: 2 } },
};

/** Options of an L1 Lambda@Edge fixture. */
interface EdgeFixture {
  /** Overrides of the function (x86_64, 128 MB, 5 s by default). */
  readonly fn?: Record<string, unknown>;
  /** Overrides of the distribution's association (viewer-request, the version's ARN by default). */
  readonly association?: Record<string, unknown>;
  /** Whether the role trusts edgelambda.amazonaws.com too (default true). */
  readonly trust?: boolean;
  /** Files of an asset package (default: inline code). */
  readonly files?: Record<string, string | Buffer>;
}

/** An L1 Lambda@Edge function, its version and a distribution triggering it (compliant by default). */
function l1Edge(s: Stack, opts: EdgeFixture = {}): { fn: lambda.CfnFunction; version: lambda.CfnVersion } {
  const props = { Architectures: ['x86_64'], MemorySize: 128, Timeout: 5, ...opts.fn };
  const fn = opts.files ? l1AssetFunction(s, opts.files, props) : l1Function(s, 'Fn', props);
  if (opts.trust ?? true) roleOf(s).addPropertyOverride('AssumeRolePolicyDocument.Statement.0.Principal.Service', ['lambda.amazonaws.com', 'edgelambda.amazonaws.com']);
  const version = new lambda.CfnVersion(s, 'Version', { functionName: fn.ref });
  new cloudfront.CfnDistribution(s, 'Dist', {
    distributionConfig: {
      enabled: true,
      origins: [{ id: 'origin', domainName: 'example.com', customOriginConfig: { originProtocolPolicy: 'https-only' } }],
      defaultCacheBehavior: {
        targetOriginId: 'origin',
        viewerProtocolPolicy: 'redirect-to-https',
        lambdaFunctionAssociations: [{ eventType: 'viewer-request', lambdaFunctionArn: version.ref, ...opts.association }],
      },
    },
  });
  return { fn, version };
}

/** One noncompliant L1 fixture per rule: every rule of the library fires on a plain (non-blueprint) app. */
const NONCOMPLIANT: Record<string, (stack: Stack) => void> = {
  LambdaMemorySize: s => l1Function(s, 'Fn', { MemorySize: 64 }),
  LambdaTimeout: s => l1Function(s, 'Fn', { Timeout: 901 }),
  LambdaEphemeralStorage: s => l1Function(s, 'Fn', { EphemeralStorage: { Size: 100 } }),
  LambdaEnvironment: s => l1Function(s, 'Fn', { Environment: { Variables: { _HANDLER: 'x' } } }),
  LambdaEnvironmentSecret: s => l1Function(s, 'Fn', { Environment: { Variables: { API_KEY: 'abc' } } }),
  LambdaRuntimeDeprecated: s => l1Function(s, 'Fn', { Runtime: 'nodejs12.x' }),
  LambdaRuntimeNotNewest: s => l1Function(s, 'Fn', { Runtime: 'nodejs20.x' }),
  LambdaHandler: s => l1Function(s, 'Fn', { Handler: 'main.handler' }),
  LambdaInlineCode: s => l1Function(s, 'Fn', { Runtime: 'java21', Handler: 'a.B::c' }),
  LambdaFunctionName: s => l1Function(s, 'Fn', { FunctionName: 'x'.repeat(65) }),
  LambdaFunctionNameUnique: s => { l1Function(s, 'A', { FunctionName: 'same' }); l1Function(s, 'B', { FunctionName: 'same' }); },
  LambdaLayers: s => l1Function(s, 'Fn', { Layers: ['layer'] }),
  LambdaArchitecture: s => l1Function(s, 'Fn', { Architectures: ['x86_64', 'arm64'] }),
  LambdaReservedConcurrency: s => l1Function(s, 'Fn', { ReservedConcurrentExecutions: 901 }),
  LambdaBucketCodeVersion: s => l1Function(s, 'Fn', { Code: { S3Bucket: 'b', S3Key: 'code.zip', ZipFile: undefined } }),
  LambdaHandlerPresent: s => l1Function(s, 'Fn', { Code: { ZipFile: 'exports.main = async () => 1;' } }),
  LambdaNativeArchitecture: s => l1AssetFunction(s, { 'index.js': 'exports.handler = async () => 1;', 'node_modules/x/build/x.node': elfHeader(X86_64) }),
  LambdaNativeGlibc: s => l1AssetFunction(s, { bootstrap: elfImporting(X86_64, [{ symbol: 'arc4random', version: 'GLIBC_2.36' }]) }, { Runtime: 'provided.al2023', Handler: 'bootstrap' }),
  LambdaBootstrap: s => l1AssetFunction(s, { 'build/bootstrap': '#!/bin/sh\n' }, { Runtime: 'provided.al2023', Handler: 'bootstrap' }),
  LambdaJavaClassVersion: s => l1AssetFunction(s, { 'com/example/Hello.class': Buffer.from('cafebabe00000045', 'hex') }, { Runtime: 'java21', Handler: 'com.example.Hello::handleRequest' }),
  LambdaImageUri: s => l1Function(s, 'Fn', { PackageType: 'Image', Code: { ImageUri: 'docker.io/library/node:22', ZipFile: undefined }, Runtime: undefined, Handler: undefined }),
  LambdaImageTag: s => l1Function(s, 'Fn', { PackageType: 'Image', Code: { ImageUri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:latest', ZipFile: undefined }, Runtime: undefined, Handler: undefined }),
  // A zip declaring 251 MB in its central directory: a few bytes on disk.
  LambdaPackageSize: s => {
    const asset = new s3_assets.Asset(s, 'Code', { path: writeZip([{ name: 'index.js', content: 'exports.handler = async () => 1;' }, { name: 'data.bin', content: 'x', declaredSize: 251 * 1024 * 1024 }]) });
    l1Function(s, 'Fn', { Code: { S3Bucket: asset.s3BucketName, S3Key: asset.s3ObjectKey, ZipFile: undefined } });
  },
  LambdaPythonAbi: s => l1AssetFunction(s, { 'app.py': 'def handler(e, c):\n    return 1\n', 'pkg/_x.cpython-311-aarch64-linux-gnu.so': 'x' }, { Runtime: 'python3.13', Handler: 'app.handler' }),
  LambdaFifoAsyncDestination: s => {
    const q = new sqs.CfnQueue(s, 'Fifo', { fifoQueue: true });
    l1Function(s, 'Fn', { DeadLetterConfig: { TargetArn: q.attrArn } });
  },
  LambdaAsyncInvokeConfig: s => new lambda.CfnEventInvokeConfig(s, 'Config', { functionName: l1Function(s, 'Fn').ref, qualifier: '$LATEST', maximumRetryAttempts: 3 }),
  LambdaInternetGatewaySubnet: s => {
    const subnet = new CfnResource(s, 'Subnet', { type: 'AWS::EC2::Subnet', properties: { VpcId: 'vpc-1', CidrBlock: '10.0.0.0/24' } });
    const table = new CfnResource(s, 'Table', { type: 'AWS::EC2::RouteTable', properties: { VpcId: 'vpc-1' } });
    new CfnResource(s, 'Assoc', { type: 'AWS::EC2::SubnetRouteTableAssociation', properties: { SubnetId: subnet.ref, RouteTableId: table.ref } });
    new CfnResource(s, 'Route', { type: 'AWS::EC2::Route', properties: { RouteTableId: table.ref, GatewayId: 'igw-1', DestinationCidrBlock: '0.0.0.0/0' } });
    l1Function(s, 'Fn', { VpcConfig: { SubnetIds: [subnet.ref], SecurityGroupIds: ['sg-1'] } });
  },
  LambdaMappingBatchingWindow: s => streamMapping(s, { maximumBatchingWindowInSeconds: 301 }),
  LambdaMappingFilters: s => streamMapping(s, { filterCriteria: { filters: [{ pattern: '[1]' }] } }),
  LambdaSqsMapping: s => mapping(s, l1Function(s, 'Fn'), new sqs.CfnQueue(s, 'Queue', { visibilityTimeout: 180 }), { batchSize: 20 }),
  LambdaSqsSourceRedrive: s => mapping(s, l1Function(s, 'Fn'), new sqs.CfnQueue(s, 'Queue', { visibilityTimeout: 180 }), {}),
  LambdaStreamMapping: s => streamMapping(s, { startingPosition: undefined }),
  LambdaSqsVisibilityBelowTimeout: s => mapping(s, l1Function(s, 'Fn'), new sqs.CfnQueue(s, 'Queue', { visibilityTimeout: 10 }), {}),
  LambdaSqsVisibilityTimeout: s => mapping(s, l1Function(s, 'Fn'), new sqs.CfnQueue(s, 'Queue', { visibilityTimeout: 60 }), {}),
  LambdaMappingUnknownFacts: s => new lambda.CfnEventSourceMapping(s, 'Mapping', { functionName: 'imported', eventSourceArn: new sqs.CfnQueue(s, 'Queue').attrArn }),
  LambdaStreamConcurrency: s => streamMapping(s, {}, { ReservedConcurrentExecutions: 2 }),
  LambdaStreamFailureHandling: s => streamMapping(s, { bisectBatchOnFunctionError: false }),
  SqsQueueSettings: s => new sqs.CfnQueue(s, 'Queue', { messageRetentionPeriod: 59 }),
  KinesisStreamSettings: s => new CfnResource(s, 'Stream', { type: 'AWS::Kinesis::Stream', properties: { ShardCount: 0 } }),
  LambdaAliasSettings: s => new lambda.CfnAlias(s, 'Alias', { functionName: l1Function(s, 'Fn').ref, functionVersion: '1', name: '123' }),
  LambdaProvisionedOnLatest: s => new lambda.CfnAlias(s, 'Alias', { functionName: l1Function(s, 'Fn').ref, functionVersion: '$LATEST', name: 'live', provisionedConcurrencyConfig: { provisionedConcurrentExecutions: 1 } }),
  CodeDeployAliasAlarms: s => {
    const group = new CfnResource(s, 'Group', { type: 'AWS::CodeDeploy::DeploymentGroup', properties: { ApplicationName: 'app', ServiceRoleArn: 'arn:aws:iam::123456789012:role/r' } });
    const alias = new lambda.CfnAlias(s, 'Alias', { functionName: l1Function(s, 'Fn').ref, functionVersion: '1', name: 'live' });
    alias.cfnOptions.updatePolicy = { codeDeployLambdaAliasUpdate: { applicationName: 'app', deploymentGroupName: group.ref } };
  },
  LambdaAliasRouting: s => new lambda.CfnAlias(s, 'Alias', {
    functionName: l1Function(s, 'Fn').ref,
    functionVersion: '1',
    name: 'live',
    routingConfig: { additionalVersionWeights: [{ functionVersion: '2', functionWeight: 1.5 }] },
  }),
  LambdaProvisionedConcurrency: s => new lambda.CfnAlias(s, 'Alias', {
    functionName: l1Function(s, 'Fn', { ReservedConcurrentExecutions: 5 }).ref,
    functionVersion: '1',
    name: 'live',
    provisionedConcurrencyConfig: { provisionedConcurrentExecutions: 6 },
  }),
  LambdaAsyncFailurePath: s => {
    const topic = new sns.CfnTopic(s, 'Topic');
    new sns.CfnSubscription(s, 'Sub', { topicArn: topic.ref, protocol: 'lambda', endpoint: l1Function(s, 'Fn').attrArn });
  },
  EventBridgeTargetRetry: s => new CfnResource(s, 'Rule', {
    type: 'AWS::Events::Rule',
    properties: {
      ScheduleExpression: 'rate(1 hour)',
      Targets: [{ Id: 't', Arn: l1Function(s, 'Fn', { DeadLetterConfig: { TargetArn: new sqs.CfnQueue(s, 'Dlq').attrArn } }).attrArn, RetryPolicy: { MaximumRetryAttempts: 186, MaximumEventAgeInSeconds: 3600 } }],
    },
  }),
  LambdaFunctionUrlAuth: s => new lambda.CfnUrl(s, 'Url', { authType: 'NONE', targetFunctionArn: l1Function(s, 'Fn').attrArn }),
  ApiGatewayStageThrottling: s => new CfnResource(s, 'Stage', {
    type: 'AWS::ApiGateway::Stage',
    properties: {
      RestApiId: 'api',
      DeploymentId: 'd',
      MethodSettings: [{ HttpMethod: '*', ResourcePath: '/*', ThrottlingRateLimit: -1, ThrottlingBurstLimit: 10 }],
    },
  }),
  LambdaLayerVersionSettings: s => new lambda.CfnLayerVersion(s, 'Layer', { content: { s3Bucket: 'b', s3Key: 'k' }, licenseInfo: 'x'.repeat(513) }),
  S3NotificationSelfTrigger: s => selfTriggeringBucket(s, 'in/'),
  S3NotificationVersioning: s => new CfnResource(s, 'Bucket', { type: 'AWS::S3::Bucket', properties: { NotificationConfiguration: { LambdaConfigurations: [{ Event: 's3:ObjectCreated:*', Function: l1Function(s, 'Fn').attrArn }] } } }),
  S3NotificationOverlap: s => {
    const fn = l1Function(s, 'Fn');
    new CfnResource(s, 'Bucket', {
      type: 'AWS::S3::Bucket',
      properties: {
        NotificationConfiguration: {
          LambdaConfigurations: [
            { Event: 's3:ObjectCreated:*', Function: fn.attrArn, Filter: { S3Key: { Rules: [{ Name: 'prefix', Value: 'a/' }] } } },
            { Event: 's3:ObjectCreated:Put', Function: fn.attrArn, Filter: { S3Key: { Rules: [{ Name: 'prefix', Value: 'a/b/' }] } } },
          ],
        },
      },
    });
  },
  S3NotificationFilter: s => new CfnResource(s, 'Bucket', {
    type: 'AWS::S3::Bucket',
    properties: {
      NotificationConfiguration: {
        LambdaConfigurations: [
          { Event: 's3:ObjectCreated:*', Function: l1Function(s, 'Fn').attrArn, Filter: { S3Key: { Rules: [{ Name: 'prefix', Value: '' }] } } },
        ],
      },
    },
  }),
  CognitoTriggerTimeout: s => new cognito.CfnUserPool(s, 'Pool', { lambdaConfig: { preSignUp: l1Function(s, 'Fn', { Timeout: 6 }).attrArn } }),
  CognitoTriggerUnknownTimeout: s => new cognito.CfnUserPool(s, 'Pool', { lambdaConfig: { preSignUp: 'arn:aws:lambda:us-east-1:123456789012:function:signup' } }),
  LogsSubscriptionOwnLogGroup: s => {
    const group = new logs.CfnLogGroup(s, 'Logs', { retentionInDays: 30 });
    const fn = l1Function(s, 'Fn', { LoggingConfig: { LogGroup: group.ref } });
    new logs.CfnSubscriptionFilter(s, 'Filter', { logGroupName: group.ref, destinationArn: fn.attrArn, filterPattern: '' });
  },
  LogsSubscriptionFilterCount: s => {
    const group = new logs.CfnLogGroup(s, 'Logs', { retentionInDays: 30 });
    const fn = l1Function(s, 'Fn');
    for (const id of ['A', 'B', 'C']) new logs.CfnSubscriptionFilter(s, id, { logGroupName: group.ref, destinationArn: fn.attrArn, filterPattern: '' });
  },
  LambdaImportedRole: s => {
    const topic = new sns.CfnTopic(s, 'Topic');
    const fn = l1Function(s, 'Fn', { Role: 'arn:aws:iam::123456789012:role/imported' });
    new sns.CfnSubscription(s, 'Sub', { topicArn: topic.ref, protocol: 'lambda', endpoint: fn.attrArn });
  },
  LambdaEventLoop: s => {
    const topic = new sns.CfnTopic(s, 'Topic');
    const fn = l1Function(s, 'Fn');
    new sns.CfnSubscription(s, 'Sub', { topicArn: topic.ref, protocol: 'lambda', endpoint: fn.attrArn });
    new iam.CfnPolicy(s, 'Publish', { policyName: 'p', roles: [roleOf(s).ref], policyDocument: { Statement: [{ Effect: 'Allow', Action: 'sns:Publish', Resource: topic.ref }] } });
  },
  LambdaSnapStartProvisioned: s => {
    const fn = l1Function(s, 'Fn', { SnapStart: { ApplyOn: 'PublishedVersions' } });
    const version = new lambda.CfnVersion(s, 'Version', { functionName: fn.ref });
    new lambda.CfnAlias(s, 'Alias', { functionName: fn.ref, functionVersion: version.attrVersion, name: 'live', provisionedConcurrencyConfig: { provisionedConcurrentExecutions: 1 } });
  },
  LambdaSnapStartImage: s => {
    const image = new ecr_assets.DockerImageAsset(s, 'Image', { directory: packageDir({ Dockerfile: 'FROM node:22\n' }) });
    l1Function(s, 'Fn', { PackageType: 'Image', Code: { ImageUri: image.imageUri, ZipFile: undefined }, Runtime: undefined, Handler: undefined, SnapStart: { ApplyOn: 'PublishedVersions' } });
  },
  LambdaSnapStartUnqualified: s => mapping(s, l1Function(s, 'Fn', { SnapStart: { ApplyOn: 'PublishedVersions' } }), new sqs.CfnQueue(s, 'Queue', { visibilityTimeout: 180 }), {}),
  LambdaManagedInstancesRuntime: s => l1Function(s, 'Fn', { ...LMI, Runtime: 'ruby3.4' }),
  LambdaManagedInstancesMemory: s => l1Function(s, 'Fn', { ...LMI, MemorySize: 1024 }),
  LambdaManagedInstancesSettings: s => l1Function(s, 'Fn', { ...LMI, 'CapacityProviderConfig.LambdaManagedInstancesCapacityProviderConfig.ExecutionEnvironmentMemoryGiBPerVCpu': 3 }),
  LambdaManagedInstancesTimeout: s => new lambda.CfnUrl(s, 'Url', { targetFunctionArn: l1Function(s, 'Fn', { ...LMI, Timeout: 3600 }).attrArn, authType: 'AWS_IAM' }),
  LambdaManagedInstancesArchitecture: s => {
    const provider = new lambda.CfnCapacityProvider(s, 'Provider', {
      permissionsConfig: { capacityProviderOperatorRoleArn: 'arn:aws:iam::123456789012:role/operator' },
      vpcConfig: { subnetIds: ['subnet-1'], securityGroupIds: ['sg-1'] },
      instanceRequirements: { architectures: ['arm64'] },
    });
    l1Function(s, 'Fn', {
      MemorySize: 4096,
      Architectures: ['x86_64'],
      CapacityProviderConfig: { LambdaManagedInstancesCapacityProviderConfig: { CapacityProviderArn: provider.attrArn } },
    });
  },
  LambdaCapacityProviderSettings: s => new lambda.CfnCapacityProvider(s, 'Provider', {
    permissionsConfig: { capacityProviderOperatorRoleArn: 'arn:aws:iam::123456789012:role/operator' },
    vpcConfig: { subnetIds: ['subnet-1'], securityGroupIds: ['sg-1'] },
    capacityProviderScalingConfig: { maxVCpuCount: 1 },
  }),
  LambdaDurableConfig: s => l1Function(s, 'Fn', { DurableConfig: { ExecutionTimeout: 60, RetentionPeriodInDays: 1.5 } }),
  LambdaDurableRuntime: s => l1Function(s, 'Fn', { DurableConfig: { ExecutionTimeout: 60 }, Runtime: 'ruby3.4' }),
  LambdaDurableUnqualified: s => mapping(s, l1Function(s, 'Fn', { DurableConfig: { ExecutionTimeout: 60 } }), new sqs.CfnQueue(s, 'Queue', { visibilityTimeout: 180 }), {}),
  LambdaDurableMappingTimeout: s => {
    const fn = l1Function(s, 'Fn', { DurableConfig: { ExecutionTimeout: 3600 } });
    const alias = new lambda.CfnAlias(s, 'Alias', { functionName: fn.ref, functionVersion: new lambda.CfnVersion(s, 'Version', { functionName: fn.ref }).attrVersion, name: 'live' });
    new lambda.CfnEventSourceMapping(s, 'Mapping', { functionName: alias.ref, eventSourceArn: new sqs.CfnQueue(s, 'Queue', { visibilityTimeout: 180 }).attrArn });
  },
  LambdaStreamingRuntime: s => new lambda.CfnUrl(s, 'Url', { targetFunctionArn: l1Function(s, 'Fn', { Runtime: 'python3.14', Handler: 'index.handler' }).attrArn, authType: 'AWS_IAM', invokeMode: 'RESPONSE_STREAM' }),
  LambdaStreamingUrlVpc: s => new lambda.CfnUrl(s, 'Url', { targetFunctionArn: l1Function(s, 'Fn', { VpcConfig: { SubnetIds: ['subnet-1', 'subnet-2'], SecurityGroupIds: ['sg-1'] } }).attrArn, authType: 'AWS_IAM', invokeMode: 'RESPONSE_STREAM' }),
  LambdaCodeSigningImage: s => l1Function(s, 'Fn', { PackageType: 'Image', Code: { ImageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha256:${'a'.repeat(64)}`, ZipFile: undefined }, Runtime: undefined, Handler: undefined, CodeSigningConfigArn: 'arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0123456789abcdef0' }),
  LambdaCodeSigningProfiles: s => new lambda.CfnCodeSigningConfig(s, 'Signing', { allowedPublishers: { signingProfileVersionArns: Array.from({ length: 21 }, (_, i) => `arn:aws:signer:us-east-1:123456789012:/signing-profiles/p${i}/v1`) } }),
  LambdaTenantIsolation: s => {
    const topic = new sns.CfnTopic(s, 'Topic');
    new sns.CfnSubscription(s, 'Sub', { topicArn: topic.ref, protocol: 'lambda', endpoint: l1Function(s, 'Fn', { TenancyConfig: { TenantIsolationMode: 'PER_TENANT' } }).attrArn });
  },
  LambdaRecursiveLoopAllowed: s => l1Function(s, 'Fn', { RecursiveLoop: 'Allow' }),
  LambdaRuntimeManagement: s => l1Function(s, 'Fn', { RuntimeManagementConfig: { UpdateRuntimeOn: 'Manual' } }),
  LambdaRuntimeVersionRegion: s => l1Function(s, 'Fn', { RuntimeManagementConfig: { UpdateRuntimeOn: 'Manual', RuntimeVersionArn: 'arn:aws:lambda:eu-west-1::runtime:0123456789abcdef' } }),
  LambdaLoggingConfig: s => l1Function(s, 'Fn', { LoggingConfig: { LogGroup: 'my logs' } }),
  LambdaLogLevelRuntime: s => l1Function(s, 'Fn', { Runtime: 'ruby3.4', LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'INFO' } }),
  LambdaEdgeVersion: s => l1Edge(s, { association: { lambdaFunctionArn: { 'Fn::GetAtt': ['Fn', 'Arn'] } } }),
  LambdaEdgeIncludeBody: s => l1Edge(s, { association: { eventType: 'viewer-response', includeBody: true } }),
  LambdaEdgeRegion: s => l1Edge(s, { association: { lambdaFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:edge:1' } }),
  LambdaEdgeRole: s => l1Edge(s, { trust: false }),
  LambdaEdgeVpc: s => l1Edge(s, { fn: { VpcConfig: { SubnetIds: ['subnet-1'], SecurityGroupIds: ['sg-1'] } } }),
  LambdaEdgeEnvironment: s => l1Edge(s, { fn: { Environment: { Variables: { STAGE: 'prod' } } } }),
  LambdaEdgeLayers: s => l1Edge(s, { fn: { Layers: ['arn:aws:lambda:us-east-1:123456789012:layer:deps:1'] } }),
  LambdaEdgeProvisionedConcurrency: s => {
    const { fn, version } = l1Edge(s);
    new lambda.CfnAlias(s, 'Alias', { functionName: fn.ref, functionVersion: version.attrVersion, name: 'live', provisionedConcurrencyConfig: { provisionedConcurrentExecutions: 1 } });
  },
  LambdaEdgeEphemeralStorage: s => l1Edge(s, { fn: { EphemeralStorage: { Size: 1024 } } }),
  LambdaEdgeRuntime: s => l1Edge(s, { fn: { Runtime: 'ruby3.4' } }),
  LambdaEdgeArchitecture: s => l1Edge(s, { fn: { Architectures: ['arm64'] } }),
  LambdaEdgeViewerLimits: s => l1Edge(s, { fn: { MemorySize: 256, Timeout: 10 } }),
  LambdaEdgeOriginTimeout: s => l1Edge(s, { fn: { MemorySize: 1024, Timeout: 60 }, association: { eventType: 'origin-request' } }),
  LambdaEdgePackageSize: s => l1Edge(s, { files: { 'index.js': 'exports.handler = async (e) => e.Records[0].cf.request;', 'data.bin': crypto.randomBytes(1_200_000) } }),
  StandardAllowedRuntimes: s => standardFixture({ allowedRuntimes: [lambda.Runtime.PYTHON_3_13] })(s),
  StandardAllowedArchitectures: s => standardFixture({ allowedArchitectures: [lambda.Architecture.X86_64] })(s),
  StandardMaxMemorySize: s => standardFixture({ maxMemorySize: 512 })(s),
  StandardMaxTimeout: s => standardFixture({ maxTimeout: Duration.seconds(10) })(s),
  StandardMaxEphemeralStorage: s => standardFixture({ maxEphemeralStorageSize: Size.mebibytes(512) }, { EphemeralStorage: { Size: 1024 } })(s),
  StandardVpcRequired: s => standardFixture({ requireVpc: true })(s),
  StandardCodeDeployRelease: s => standardFixture({ requireCodeDeployRelease: true })(s),
  StandardNoPublicUrl: s => {
    standardFixture({ denyPublicFunctionUrls: true })(s);
    new lambda.CfnUrl(s, 'Url', { targetFunctionArn: (s.node.findChild('Fn') as lambda.CfnFunction).attrArn, authType: 'NONE' });
  },
  StandardMinLogRetention: s => {
    standardFixture({ minLogRetention: logs.RetentionDays.ONE_YEAR })(s);
    new logs.CfnLogGroup(s, 'Logs', { retentionInDays: 7 });
  },
  StandardReservedConcurrency: s => standardFixture({ requireReservedConcurrency: true })(s),
  StandardCodeSigning: s => standardFixture({ requireCodeSigning: true })(s),
  StandardCustomRules: s => standardFixture({ customRules: [new NoDescription()] })(s),
};

/** A standard with `rules` on the stack, and a plain L1 function with the given overrides. */
function standardFixture(rules: StandardRules, props: Record<string, unknown> = {}): (s: Stack) => void {
  return s => {
    BlueprintStandards.of(s).apply({ name: 'fixture', rules });
    l1Function(s, 'Fn', props);
  };
}

/** A custom rule (reported under its own id; this one borrows the runner's id for the fixture table). */
class NoDescription extends StandardRule {
  constructor() {
    super({ id: 'StandardCustomRules' });
  }
  public check(resource: RuleResource): RuleViolation[] {
    return resource.property('Description') ? [] : [{ property: 'Description', value: 'not set', allowed: 'a description', reason: 'operators read it' }];
  }
}

function roleOf(s: Stack): iam.CfnRole {
  return s.node.findChild('FnRole') as iam.CfnRole;
}

function selfTriggeringBucket(s: Stack, prefix: string): void {
  const fn = l1Function(s, 'Fn');
  const bucket = new CfnResource(s, 'Bucket', {
    type: 'AWS::S3::Bucket',
    properties: {
      NotificationConfiguration: {
        LambdaConfigurations: [
          { Event: 's3:ObjectCreated:*', Function: fn.attrArn, Filter: { S3Key: { Rules: [{ Name: 'prefix', Value: prefix }] } } },
        ],
      },
    },
  });
  new iam.CfnPolicy(s, 'Write', { policyName: 'w', roles: [roleOf(s).ref], policyDocument: { Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: { 'Fn::Join': ['', [bucket.getAtt('Arn'), '/*']] } }] } });
}

/** The rules over the template (the construct-input rules are test/rules/inputs-catalog.test.ts's). */
const TEMPLATE_RULES = ALL_RULES.filter(r => !r.input);

describe('every rule of the library', () => {
  test('has a noncompliant fixture here (a new rule without one fails this test)', () => {
    expect(Object.keys(NONCOMPLIANT).sort()).toEqual(TEMPLATE_RULES.map(r => r.id).sort());
  });
  test.each(TEMPLATE_RULES.map(r => [r.id, r.severity]))('%s fires on a plain L1 app with severity %s', (id, severity) => {
    const s = newStack();
    NONCOMPLIANT[id](s);
    const found = packMode(s).filter(f => f.id === `LambdaBlueprints-${id}`);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every(f => f.severity === severity)).toBe(true);
    for (const f of found) expect(f.message).toMatch(/^.+ is .+, allowed is .+, because .+\.$/);
  });
  test.each(TEMPLATE_RULES.map(r => [r.id, r.severity]))('%s reports the same findings (id, severity, path, message) in construct mode as in the pack', (id, severity) => {
    const s = newStack();
    NONCOMPLIANT[id](s);
    // Construct mode over the whole stack, as a blueprint at its root would run it.
    enforceRules(s);
    const found = both(s, id);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every(f => f.severity === severity)).toBe(true);
  });
  test('a compliant L1 function has no finding, in either mode', () => {
    const s = newStack();
    l1Function(s, 'Fn');
    expect(packMode(s)).toEqual([]);
    enforceRules(s);
    for (const r of ALL_RULES) expect(both(s, r.id)).toEqual([]);
  });
  test('a compliant L1 Lambda@Edge setup (x86_64, 128 MB, 5 s, a version, a trusting role) has no finding, in either mode', () => {
    const s = newStack();
    l1Edge(s, { association: { includeBody: true } });
    expect(packMode(s)).toEqual([]);
    enforceRules(s);
    for (const r of ALL_RULES) expect(both(s, r.id)).toEqual([]);
  });
  test('ids are unique and summaries end with a full stop', () => {
    expect(new Set(ALL_RULES.map(r => r.id)).size).toBe(ALL_RULES.length);
    for (const r of ALL_RULES) expect(r.summary).toMatch(/\.$/);
  });
});

describe('the README rule table', () => {
  test('is the one generated from the rule library (npx projen docs:rules)', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const start = readme.indexOf('<!-- rules:start -->');
    const end = readme.indexOf('<!-- rules:end -->');
    expect(start).toBeGreaterThan(-1);
    expect(readme.slice(start + '<!-- rules:start -->'.length, end).trim()).toEqual(rulesTable().trim());
  });
});
