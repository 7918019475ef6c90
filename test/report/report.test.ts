import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { LambdaCostEstimator } from '../../src';
import { DEFAULT_REPORT_OPTIONS, eventFlowchart, markdownReport, streamConcurrency } from '../../src/report/private/markdown';
import { measurePackages } from '../../src/report/private/packages';
import { countAcknowledged, stackSummary } from '../../src/report/private/summary';
import { refOf, TemplateJson, TemplateModel } from '../../src/report/private/template-model';
import { writeZip } from '../layers/fixtures';
import { packageDir } from '../rules/packages';

const path = (p: string) => ({ 'aws:cdk:path': `App/${p}` });
const fn = (p: string, extra: Record<string, unknown> = {}) => ({
  Type: 'AWS::Lambda::Function',
  Metadata: path(`${p}/Function/Resource`),
  Properties: { Runtime: 'nodejs24.x', MemorySize: 1024, Timeout: 30, Architectures: ['arm64'], ...extra },
});

/** A hand-written template with one of each event path the model understands. */
const template: TemplateJson = {
  Resources: {
    Worker: fn('Worker', {
      DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': ['Dlq', 'Arn'] } },
      ReservedConcurrentExecutions: 5,
      Layers: ['arn:aws:lambda:us-east-1:123456789012:layer:deps:1'],
      VpcConfig: { SubnetIds: ['a', 'b'], SecurityGroupIds: ['sg'] },
    }),
    Api: fn('Api', { Architectures: ['x86_64'], MemorySize: 2048 }),
    Image: { Type: 'AWS::Lambda::Function', Properties: { PackageType: 'Image', Code: { ImageUri: 'x' } } },
    Dlq: { Type: 'AWS::SQS::Queue', Metadata: path('Dlq/Queue/Resource') },
    Jobs: { Type: 'AWS::SQS::Queue', Metadata: path('Jobs/Resource'), Properties: { RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['Dlq', 'Arn'] }, maxReceiveCount: 5 } } },
    Stream: { Type: 'AWS::Kinesis::Stream', Metadata: path('Stream/Resource'), Properties: { ShardCount: 4 } },
    Topic: { Type: 'AWS::SNS::Topic', Metadata: path('Topic/Resource') },
    Bucket: { Type: 'AWS::S3::Bucket', Metadata: path('Bucket/Resource') },
    WorkerVersion: { Type: 'AWS::Lambda::Version', Properties: { FunctionName: { Ref: 'Worker' } } },
    WorkerAlias: {
      Type: 'AWS::Lambda::Alias',
      Properties: { FunctionName: { Ref: 'Worker' }, FunctionVersion: { 'Fn::GetAtt': ['WorkerVersion', 'Version'] }, Name: 'live' },
      UpdatePolicy: { CodeDeployLambdaAliasUpdate: { ApplicationName: { Ref: 'App' }, DeploymentGroupName: { Ref: 'Group' } } },
    },
    Group: { Type: 'AWS::CodeDeploy::DeploymentGroup', Properties: { DeploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes' } },
    ApiAlias: { Type: 'AWS::Lambda::Alias', Properties: { FunctionName: { Ref: 'Api' }, Name: 'prod', RoutingConfig: { AdditionalVersionWeights: [{ FunctionVersion: '2', FunctionWeight: 0.1 }] } } },
    QueueMapping: { Type: 'AWS::Lambda::EventSourceMapping', Properties: { FunctionName: { Ref: 'WorkerAlias' }, EventSourceArn: { 'Fn::GetAtt': ['Jobs', 'Arn'] }, BatchSize: 10 } },
    StreamMapping: {
      Type: 'AWS::Lambda::EventSourceMapping',
      Properties: { FunctionName: { Ref: 'WorkerAlias' }, EventSourceArn: { 'Fn::GetAtt': ['Stream', 'Arn'] }, ParallelizationFactor: 2, DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': ['Dlq', 'Arn'] } } } },
    },
    Invoke: { Type: 'AWS::Lambda::EventInvokeConfig', Properties: { FunctionName: { Ref: 'Api' }, Qualifier: '$LATEST', DestinationConfig: { OnFailure: { Destination: { Ref: 'Topic' } }, OnSuccess: { Destination: { 'Fn::GetAtt': ['Jobs', 'Arn'] } } } } },
    Sub: { Type: 'AWS::SNS::Subscription', Properties: { Protocol: 'lambda', Endpoint: { 'Fn::GetAtt': ['Worker', 'Arn'] }, TopicArn: { Ref: 'Topic' }, RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': ['Dlq', 'Arn'] } } } },
    Schedule: { Type: 'AWS::Events::Rule', Metadata: path('Schedule/Resource'), Properties: { ScheduleExpression: 'rate(5 minutes)', Targets: [{ Arn: { 'Fn::GetAtt': ['Worker', 'Arn'] }, DeadLetterConfig: { Arn: { 'Fn::GetAtt': ['Dlq', 'Arn'] } } }, { Arn: 'arn:aws:sns:elsewhere' }] } },
    Notifications: { Type: 'Custom::S3BucketNotifications', Properties: { BucketName: { Ref: 'Bucket' }, NotificationConfiguration: { LambdaFunctionConfigurations: [{ Events: ['s3:ObjectCreated:*'], LambdaFunctionArn: { 'Fn::GetAtt': ['Worker', 'Arn'] } }] } } },
    Bucket2: { Type: 'AWS::S3::Bucket', Properties: { NotificationConfiguration: { LambdaConfigurations: [{ Event: 's3:ObjectRemoved:*', Function: { 'Fn::GetAtt': ['Worker', 'Arn'] } }] } } },
    Rest: { Type: 'AWS::ApiGateway::RestApi', Metadata: path('Rest/Resource') },
    RestPermission: { Type: 'AWS::Lambda::Permission', Properties: { Principal: 'apigateway.amazonaws.com', FunctionName: { 'Fn::GetAtt': ['Api', 'Arn'] }, SourceArn: { 'Fn::Join': ['', ['arn:aws:execute-api:', { Ref: 'Rest' }, '/*']] } } },
    S3Permission: { Type: 'AWS::Lambda::Permission', Properties: { Principal: 's3.amazonaws.com', FunctionName: { Ref: 'Worker' } } },
    Targets: { Type: 'AWS::ElasticLoadBalancingV2::TargetGroup', Properties: { TargetType: 'lambda', Targets: [{ Id: { 'Fn::GetAtt': ['Api', 'Arn'] } }] } },
    Url: { Type: 'AWS::Lambda::Url', Properties: { TargetFunctionArn: { Ref: 'ApiAlias' }, AuthType: 'AWS_IAM' }, Metadata: { cdk_nag: { rules_to_suppress: [{ id: 'X', reason: 'y' }] } } },
  },
};

const model = new TemplateModel(template, 'App');

test('refOf reads Ref, GetAtt (array and dotted) and Join', () => {
  expect(refOf({ Ref: 'A' })).toBe('A');
  expect(refOf({ 'Fn::GetAtt': ['B', 'Arn'] })).toBe('B');
  expect(refOf({ 'Fn::GetAtt': 'C.Arn' })).toBe('C');
  expect(refOf({ 'Fn::Join': ['', ['arn:', { Ref: 'D' }]] })).toBe('D');
  expect(refOf('arn:aws:sqs:x')).toBeUndefined();
});

test('names come from the CDK path without stack and resource tails', () => {
  expect(model.nameOf('Worker')).toBe('Worker');
  expect(model.nameOf('Dlq')).toBe('Dlq');
  expect(model.nameOf('Invoke')).toBe('Invoke');
  expect(model.labelOf('Jobs')).toBe('SQS queue Jobs');
  expect(model.labelOf('missing')).toBe('external missing');
});

test('functions are found through aliases and versions', () => {
  expect(model.functionOf({ Ref: 'WorkerAlias' })).toBe('Worker');
  expect(model.functionOf({ Ref: 'WorkerVersion' })).toBe('Worker');
  expect(model.functionOf({ Ref: 'Jobs' })).toBeUndefined();
  expect(model.functionOf('arn:aws:lambda:x')).toBeUndefined();
  expect(model.functionOf({ Ref: 'NotInTemplate' })).toBeUndefined();
  expect(refOf({ 'Fn::Join': ['', ['arn:', 'literal']] })).toBeUndefined();
});

test('facts of a function', () => {
  expect(model.facts('Worker')).toEqual({
    logicalId: 'Worker',
    name: 'Worker',
    runtime: 'nodejs24.x',
    memoryMb: 1024,
    timeoutSeconds: 30,
    architecture: 'arm64',
    reservedConcurrency: 5,
    layers: 1,
    layerNames: ['deps'],
    network: 'VPC, 2 subnets, 1 SG',
    release: 'alias live, CodeDeploy LambdaCanary10Percent5Minutes',
  });
  expect(model.facts('Api').release).toBe('alias prod, weighted routing');
  expect(model.facts('Image')).toMatchObject({ runtime: 'container image', architecture: 'x86_64', memoryMb: undefined, network: 'no VPC', release: '$LATEST' });
});

test('every event source of the worker is found', () => {
  expect(model.sourcesOf('Worker').map(e => `${e.from} ${e.label}`).sort()).toEqual([
    'Bucket notification s3:ObjectCreated:* (async)',
    'Bucket2 notification s3:ObjectRemoved:* (async)',
    'Jobs mapping, batch 10',
    'Schedule schedule rate(5 minutes) (async)',
    'Stream mapping, batch default',
    'Topic subscription (async)',
  ]);
  expect(model.sourcesOf('Api').map(e => e.from).sort()).toEqual(['Rest', 'Targets', 'Url']);
});

test('every failure path is found, including those of the sources', () => {
  expect(model.outcomesOf('Worker').map(e => `${e.from}->${e.to} ${e.kind} ${e.label}`).sort()).toEqual([
    'Jobs->Dlq failure redrive after 5 receives',
    'Schedule->Dlq failure rule target DLQ',
    'Topic->Dlq failure subscription redrive',
    'Worker->Dlq failure async DLQ',
    'Worker->Dlq failure mapping on-failure',
  ]);
  expect(model.outcomesOf('Api').map(e => `${e.to} ${e.kind}`).sort()).toEqual(['Jobs success', 'Topic failure']);
});

test('stream concurrency is shards × parallelization factor', () => {
  expect(streamConcurrency(model, 'Worker')).toBe(8);
  expect(streamConcurrency(model, 'Api')).toBeUndefined();
});

test('the summary names the functions, their sources and failure paths', () => {
  const text = stackSummary('App', model, 25, { findings: { AwsSolutions: [], Serverless: ['Serverless-X @ App/Api'] }, acknowledged: countAcknowledged(model, Object.keys(template.Resources!)) });
  expect(text).toMatch(/^Stack App: 25 resources, 3 functions; cdk-nag AwsSolutions 0, Serverless 1 unacknowledged \(1 acknowledged with reasons in the template\) FAIL/);
  expect(text).toContain('λ Worker: 1024 MB, 30 s, arm64, nodejs24.x, reserved 5, layers deps, VPC, 2 subnets, 1 SG, alias live, CodeDeploy LambdaCanary10Percent5Minutes');
  expect(text).toContain('failed events go to: NOTHING DURABLE');
  expect(text).toContain('! Serverless: Serverless-X @ App/Api');
});

test('failure edges are dashed and success edges thick in the flowchart', () => {
  const chart = eventFlowchart(model);
  expect(chart).toContain('Worker -.->|"failure: async DLQ"| Dlq');
  expect(chart).toContain('Jobs -->|"mapping, batch 10"| Worker');
  expect(chart).toContain('Api ==>|"success: async on-success"| Jobs');
  expect(chart).toContain('Image(["λ function Image"])');
});

test('one report, whole (snapshot)', () => {
  const report = markdownReport('App', model, { findings: { AwsSolutions: [], Serverless: [] }, acknowledged: 1 }, { ...DEFAULT_REPORT_OPTIONS, includeFreeTier: true });
  expect(report).toContain('> **Warning**: Image has no durable place for failed events.');
  expect(report).toMatchSnapshot();
});

describe('LambdaCostEstimator', () => {
  test('arm64: 1 M invocations of 100 ms at 1,024 MB', () => {
    const c = LambdaCostEstimator.monthly({ memoryMb: 1024, monthlyInvocations: 1_000_000, averageDurationMs: 100 });
    expect(c.gbSeconds).toBeCloseTo(100_000);
    expect(c.requestCost).toBeCloseTo(0.2);
    expect(c.durationCost).toBeCloseTo(1.33334);
  });
  test('x86_64 costs more per GB-second', () => {
    const c = LambdaCostEstimator.monthly({ memoryMb: 1024, architecture: 'x86_64', monthlyInvocations: 1_000_000, averageDurationMs: 100 });
    expect(c.durationCost).toBeCloseTo(1.66667);
  });
  test('the free tier is subtracted', () => {
    const c = LambdaCostEstimator.monthly({ memoryMb: 2048, monthlyInvocations: 3_000_000, averageDurationMs: 200, includeFreeTier: true });
    // 1.2 M GB-s - 400 k free = 800 k GB-s; 2 M billed requests.
    expect(c.requestCost).toBeCloseTo(0.4);
    expect(c.durationCost).toBeCloseTo(800_000 * 0.0000133334);
    const free = LambdaCostEstimator.monthly({ memoryMb: 128, monthlyInvocations: 1000, averageDurationMs: 10, includeFreeTier: true });
    expect(free.total).toBe(0);
  });
});

describe('package size and file count per function (measured at synth)', () => {
  const stack = new Stack(new App(), 'Pkg');
  const dir = packageDir({ 'index.js': 'exports.handler = async () => 1;', 'lib/data.json': '{"a":1}' });
  const node = { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler' };
  const layer = new lambda.LayerVersion(stack, 'Deps', { code: lambda.Code.fromAsset(packageDir({ 'nodejs/node_modules/x/index.js': 'x'.repeat(2_000) })) });
  new lambda.Function(stack, 'Dir', { ...node, code: lambda.Code.fromAsset(dir), layers: [layer, lambda.LayerVersion.fromLayerVersionArn(stack, 'Ext', 'arn:aws:lambda:us-east-1:210987654321:layer:ext:1')] });
  new lambda.Function(stack, 'Zip', { ...node, code: lambda.Code.fromAsset(writeZip([{ name: 'index.js', content: 'exports.handler = async () => 1;', deflate: true }, { name: 'big.bin', content: 'x', declaredSize: 3 * 1024 * 1024 }])) });
  new lambda.Function(stack, 'Inline', { ...node, code: lambda.Code.fromInline('exports.handler = async () => 1;') });
  const s3Bucket = s3.Bucket.fromBucketName(stack, 'B', 'code-bucket');
  new lambda.Function(stack, 'Remote', { ...node, code: lambda.Code.fromBucket(s3Bucket, 'fn.zip') });
  const pkgModel = new TemplateModel(Template.fromStack(stack).toJSON() as TemplateJson, 'Pkg');
  const packages = measurePackages(stack);
  const idOf = (name: string) => pkgModel.functionIds.find(id => id.startsWith(name))!;

  test('directories, zips and inline code are measured; code elsewhere is not', () => {
    expect(packages.get(idOf('Dir'))).toEqual({ kind: 'directory', unzippedBytes: 39, fileCount: 2, zipBytes: undefined, withLayersBytes: 2_039, unmeasuredLayers: 1 });
    expect(packages.get(idOf('Zip'))).toMatchObject({ kind: 'zip', unzippedBytes: 3 * 1024 * 1024 + 32, fileCount: 2, withLayersBytes: undefined, unmeasuredLayers: 0 });
    expect(packages.get(idOf('Zip'))!.zipBytes).toBeLessThan(400);
    expect(packages.get(idOf('Inline'))).toMatchObject({ kind: 'inline', unzippedBytes: 32, fileCount: 1 });
    expect(packages.has(idOf('Remote'))).toBe(false);
  });

  test('the summary prints a package line under each measured function', () => {
    const text = stackSummary('Pkg', pkgModel, 10, { findings: {}, acknowledged: 0 }, packages);
    const zipBytes = packages.get(idOf('Zip'))!.zipBytes!;
    expect(text).toContain('      package: 39 bytes unzipped, 2 files; with layers 2,039 bytes + 1 layer not measured');
    expect(text).toContain(`      package: 3 MB unzipped (${zipBytes} bytes zipped), 2 files`);
    expect(text).toContain('      package: 32 bytes unzipped (inline), 1 file');
    expect(text.match(/package:/g)).toHaveLength(3);
    expect(stackSummary('Pkg', pkgModel, 10, { findings: {}, acknowledged: 0 })).not.toContain('package:');
  });

  test('the Markdown report has a package column when packages are measured', () => {
    const md = markdownReport('Pkg', pkgModel, { findings: {}, acknowledged: 0 }, DEFAULT_REPORT_OPTIONS, packages);
    expect(md).toContain('| function | memory | timeout | architecture | concurrency | layers | network | release | package |');
    expect(md).toMatch(/\| 32 bytes unzipped \(inline\), 1 file \|$/m);
    expect(md).toMatch(/^\| Remote.* \| – \|$/m);
    expect(markdownReport('Pkg', pkgModel, { findings: {}, acknowledged: 0 })).not.toContain('package |');
  });
});
