import { CfnParameter, Stack, Validations } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecr_assets from 'aws-cdk-lib/aws-ecr-assets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { BlueprintCode, BlueprintFunction, BlueprintFunctionProps } from '../../../src';
import { l1Function } from '../l1';
import { both, newStack, ofRule, packMode } from '../modes';
import { packageDir } from '../packages';

/** A SnapStart blueprint (Python 3.13 supports SnapStart, and inline code). */
const SNAP: BlueprintFunctionProps = {
  runtime: lambda.Runtime.PYTHON_3_13,
  handler: 'index.handler',
  code: lambda.Code.fromInline('def handler(event, context):\n    return 1\n'),
  snapStart: lambda.SnapStartConf.ON_PUBLISHED_VERSIONS,
};

/** A plain L2 function with SnapStart. */
function plain(stack: Stack, props: Partial<lambda.FunctionProps> = {}): lambda.Function {
  return new lambda.Function(stack, 'Plain', {
    runtime: lambda.Runtime.PYTHON_3_13,
    handler: 'index.handler',
    code: lambda.Code.fromInline('def handler(event, context):\n    return 1\n'),
    snapStart: lambda.SnapStartConf.ON_PUBLISHED_VERSIONS,
    ...props,
  });
}

const PC_REASON = 'allowed is no provisioned concurrency on a SnapStart function (or SnapStart.ApplyOn "None"), because Lambda does not support SnapStart together with provisioned concurrency.';
const UNQUALIFIED_TAIL = 'allowed is triggers on a published version or an alias (its qualified ARN), because SnapStart applies only to published versions: an invocation of the unqualified function runs $LATEST, which is never snapshotted, with a full cold start.';

describe('LambdaSnapStartProvisioned', () => {
  test('construct mode: a released SnapStart blueprint with provisioned concurrency is refused at its alias', () => {
    const s = newStack();
    new BlueprintFunction(s, 'Fn', { ...SNAP, deployment: { provisionedConcurrency: 2 } });
    expect(both(s, 'LambdaSnapStartProvisioned')).toEqual([{
      id: 'LambdaBlueprints-LambdaSnapStartProvisioned',
      severity: 'error',
      path: 'Test/Fn/Release/Alias/Resource',
      message: `provisionedConcurrentExecutions (ProvisionedConcurrencyConfig) is ProvisionedConcurrentExecutions 2 on a version of Test/Fn/Function/Resource, whose SnapStart.ApplyOn is "PublishedVersions", ${PC_REASON}`,
    }]);
  });
  test('construct mode: an escape hatch that turns SnapStart on is what is judged', () => {
    const s = newStack();
    const fn = new BlueprintFunction(s, 'Fn', { ...SNAP, snapStart: undefined, deployment: { provisionedConcurrency: 1 } });
    expect(both(s, 'LambdaSnapStartProvisioned')).toEqual([]);
    (fn.node.findChild('Function').node.defaultChild as lambda.CfnFunction).addPropertyOverride('SnapStart', { ApplyOn: 'PublishedVersions' });
    expect(both(s, 'LambdaSnapStartProvisioned').map(r => r.path)).toEqual(['Test/Fn/Release/Alias/Resource']);
  });
  test('pack mode: an L2 alias and an L1 version with provisioned concurrency', () => {
    const s = newStack();
    const fn = plain(s);
    new lambda.Alias(s, 'Live', { aliasName: 'live', version: fn.currentVersion, provisionedConcurrentExecutions: 3 });
    const v = new lambda.CfnVersion(s, 'V1', { functionName: fn.functionName, provisionedConcurrencyConfig: { provisionedConcurrentExecutions: 1 } });
    expect(ofRule(packMode(s), 'LambdaSnapStartProvisioned')).toEqual([
      { id: 'LambdaBlueprints-LambdaSnapStartProvisioned', severity: 'error', path: 'Test/Live/Resource', message: `provisionedConcurrentExecutions (ProvisionedConcurrencyConfig) is ProvisionedConcurrentExecutions 3 on a version of Test/Plain/Resource, whose SnapStart.ApplyOn is "PublishedVersions", ${PC_REASON}` },
      { id: 'LambdaBlueprints-LambdaSnapStartProvisioned', severity: 'error', path: v.node.path, message: `provisionedConcurrentExecutions (ProvisionedConcurrencyConfig) is ProvisionedConcurrentExecutions 1 on a version of Test/Plain/Resource, whose SnapStart.ApplyOn is "PublishedVersions", ${PC_REASON}` },
    ]);
  });
  test('compliant: an alias without provisioned concurrency, and provisioned concurrency without SnapStart', () => {
    const s = newStack();
    new lambda.Alias(s, 'Live', { aliasName: 'live', version: plain(s).currentVersion });
    new BlueprintFunction(s, 'Fn', { ...SNAP, snapStart: undefined, deployment: { provisionedConcurrency: 2 } });
    new BlueprintFunction(s, 'Snap', { ...SNAP, deployment: {} });
    expect(both(s, 'LambdaSnapStartProvisioned')).toEqual([]);
    expect(ofRule(packMode(s), 'LambdaSnapStartProvisioned')).toEqual([]);
  });
  test('tokens are not judged: SnapStart.ApplyOn from a parameter, an imported function', () => {
    const s = newStack();
    const fn = l1Function(s, 'Fn', { SnapStart: { ApplyOn: new CfnParameter(s, 'ApplyOn').valueAsString } });
    new lambda.CfnAlias(s, 'A', { functionName: fn.ref, functionVersion: '1', name: 'a', provisionedConcurrencyConfig: { provisionedConcurrentExecutions: 1 } });
    new lambda.CfnAlias(s, 'B', { functionName: new CfnParameter(s, 'Imported').valueAsString, functionVersion: '1', name: 'b', provisionedConcurrencyConfig: { provisionedConcurrentExecutions: 1 } });
    expect(ofRule(packMode(s), 'LambdaSnapStartProvisioned')).toEqual([]);
  });
});

describe('LambdaSnapStartUnqualified', () => {
  test('construct mode: a SnapStart blueprint fed by a queue on its unqualified function is warned, once', () => {
    const s = newStack();
    const fn = new BlueprintFunction(s, 'Fn', SNAP);
    fn.addEventSource(new sources.SqsEventSource(new sqs.Queue(s, 'Queue')));
    expect(both(s, 'LambdaSnapStartUnqualified')).toEqual([{
      id: 'LambdaBlueprints-LambdaSnapStartUnqualified',
      severity: 'warning',
      path: 'Test/Fn/Function/Resource',
      message: `snapStart (SnapStart.ApplyOn) is "PublishedVersions", but Test/Fn/Function/SqsEventSource:TestQueueCC385424/Resource (event source mapping) invokes the unqualified function ($LATEST), ${UNQUALIFIED_TAIL}`,
    }]);
  });
  test('construct mode: a released blueprint routes its triggers through the alias (compliant)', () => {
    const s = newStack();
    const fn = new BlueprintFunction(s, 'Fn', { ...SNAP, deployment: {} });
    fn.addEventSource(new sources.SqsEventSource(new sqs.Queue(s, 'Queue')));
    expect(both(s, 'LambdaSnapStartUnqualified')).toEqual([]);
  });
  test('pack mode: an S3 notification (and its permission, named once), a function URL and an L1 permission', () => {
    const s = newStack();
    const fn = plain(s);
    new s3.Bucket(s, 'Data').addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(fn));
    fn.addFunctionUrl();
    new lambda.CfnPermission(s, 'Api', { action: 'lambda:InvokeFunction', functionName: fn.functionArn, principal: 'apigateway.amazonaws.com' });
    expect(ofRule(packMode(s), 'LambdaSnapStartUnqualified').map(r => r.message)).toEqual([
      `snapStart (SnapStart.ApplyOn) is "PublishedVersions", but Test/Plain/FunctionUrl/Resource (function URL), Test/Data/Notifications/Resource (S3 notification), Test/Api (permission) invoke the unqualified function ($LATEST), ${UNQUALIFIED_TAIL}`,
    ]);
  });
  test('pack mode: triggers on an alias, a version or a qualified URL are compliant; a "$LATEST" qualifier is not', () => {
    const s = newStack();
    const fn = plain(s);
    const alias = new lambda.Alias(s, 'Live', { aliasName: 'live', version: fn.currentVersion });
    alias.addEventSource(new sources.SqsEventSource(new sqs.Queue(s, 'Queue')));
    alias.addFunctionUrl();
    new s3.Bucket(s, 'Data').addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(fn.currentVersion));
    new lambda.CfnEventSourceMapping(s, 'ByName', { functionName: `${fn.functionName}:live`, eventSourceArn: new sqs.Queue(s, 'Other').queueArn });
    expect(ofRule(packMode(s), 'LambdaSnapStartUnqualified')).toEqual([]);
    new lambda.CfnUrl(s, 'Latest', { targetFunctionArn: fn.functionArn, authType: 'AWS_IAM', qualifier: '$LATEST' });
    expect(ofRule(packMode(s), 'LambdaSnapStartUnqualified').map(r => r.message)).toEqual([
      `snapStart (SnapStart.ApplyOn) is "PublishedVersions", but Test/Latest (function URL) invokes the unqualified function ($LATEST), ${UNQUALIFIED_TAIL}`,
    ]);
  });
  test('a literal ARN of the function by its name is resolved; an unknown qualifier is not judged', () => {
    const s = newStack();
    plain(s, { functionName: 'snappy' });
    new lambda.CfnEventSourceMapping(s, 'Literal', { functionName: 'arn:aws:lambda:us-east-1:123456789012:function:snappy', eventSourceArn: new sqs.Queue(s, 'Queue').queueArn });
    new lambda.CfnUrl(s, 'Unknown', { targetFunctionArn: 'snappy', authType: 'AWS_IAM', qualifier: new CfnParameter(s, 'Qualifier').valueAsString });
    expect(ofRule(packMode(s), 'LambdaSnapStartUnqualified').map(r => r.message)).toEqual([
      `snapStart (SnapStart.ApplyOn) is "PublishedVersions", but Test/Literal (event source mapping) invokes the unqualified function ($LATEST), ${UNQUALIFIED_TAIL}`,
    ]);
  });
  test('acknowledged on the function, the warning is gone in both modes', () => {
    const s = newStack();
    const fn = new BlueprintFunction(s, 'Fn', SNAP);
    fn.addEventSource(new sources.SqsEventSource(new sqs.Queue(s, 'Queue')));
    expect(both(s, 'LambdaSnapStartUnqualified')).toHaveLength(1);
    Validations.of(fn).acknowledge({ id: 'LambdaBlueprints-LambdaSnapStartUnqualified', reason: 'The queue path tolerates cold starts; the API invokes the alias.' });
    expect(both(s, 'LambdaSnapStartUnqualified')).toEqual([]);
  });
});

describe('LambdaSnapStartImage', () => {
  const IMAGE = { runtime: lambda.Runtime.FROM_IMAGE, handler: lambda.Handler.FROM_IMAGE, snapStart: lambda.SnapStartConf.ON_PUBLISHED_VERSIONS };
  const TAIL = 'allowed is an AWS base image for Java 11+, Python 3.12+ or .NET 8+, the label com.amazonaws.lambda.feature.snapstart="Allow", or an image that implements the runtime API\'s restore hooks (acknowledge this warning), because Lambda snapshots other images only when they declare SnapStart support through the label or the hooks; otherwise publishing a version fails.';

  /** A stack with an image blueprint (SnapStart) built from a Dockerfile. */
  function imageBlueprint(dockerfile: string, file = 'Dockerfile'): Stack {
    const s = newStack();
    new BlueprintFunction(s, 'Fn', { ...IMAGE, code: BlueprintCode.fromImageAsset(packageDir({ [file]: dockerfile, 'index.js': 'exports.handler = async () => 1;' }), { file }) });
    return s;
  }

  test('construct mode: a Node.js base image without the label is warned, naming the Dockerfile', () => {
    expect(both(imageBlueprint('FROM public.ecr.aws/lambda/nodejs:22\nCOPY index.js ${LAMBDA_TASK_ROOT}/\nCMD ["index.handler"]\n'), 'LambdaSnapStartImage')).toEqual([{
      id: 'LambdaBlueprints-LambdaSnapStartImage',
      severity: 'warning',
      path: 'Test/Fn/Function/Resource',
      message: `snapStart (SnapStart.ApplyOn) is "PublishedVersions" on an image built FROM "public.ecr.aws/lambda/nodejs:22" (Test/Fn/Function/AssetImage (Dockerfile)) without LABEL com.amazonaws.lambda.feature.snapstart="Allow", ${TAIL}`,
    }]);
  });
  test.each([
    ['an AWS Java 21 base image', 'FROM public.ecr.aws/lambda/java:21\n'],
    ['an AWS Python 3.12 base image', 'FROM public.ecr.aws/lambda/python:3.12\n'],
    ['an AWS .NET 8 base image (Docker Hub name)', 'FROM amazon/aws-lambda-dotnet:8\n'],
    ['the label', 'FROM public.ecr.aws/lambda/nodejs:22\nLABEL com.amazonaws.lambda.feature.snapstart="Allow" maintainer=me\n'],
    ['a build stage before the AWS base image', 'FROM maven:3-eclipse-temurin-21 AS build\nRUN mvn package\nFROM public.ecr.aws/lambda/java:21\nCOPY --from=build /app.jar .\n'],
    ['the label on the stage the final one is built on', 'FROM public.ecr.aws/lambda/provided:al2023 AS base\nLABEL com.amazonaws.lambda.feature.snapstart=Allow\nFROM base\nCOPY bootstrap .\n'],
    ['a base image from a build argument (not judged)', 'ARG BASE=node:22\nFROM ${BASE}\n'],
  ])('compliant: %s', (_, dockerfile) => {
    expect(both(imageBlueprint(dockerfile), 'LambdaSnapStartImage')).toEqual([]);
  });
  test.each([
    ['Python 3.11', 'FROM public.ecr.aws/lambda/python:3.11\n', 'Dockerfile'],
    ['Java 8', 'FROM public.ecr.aws/lambda/java:8.al2\n', 'Dockerfile'],
    ['another Dockerfile name, continued lines', 'FROM \\\n  --platform=linux/arm64 \\\n  node:22-slim\n', 'Lambda.Dockerfile'],
    ['a label of another value', 'FROM node:22\nLABEL com.amazonaws.lambda.feature.snapstart="Deny"\n', 'Dockerfile'],
  ])('noncompliant: %s', (_, dockerfile, file) => {
    expect(both(imageBlueprint(dockerfile, file), 'LambdaSnapStartImage')).toHaveLength(1);
  });
  test('pack mode: a DockerImageFunction; an ECR image (its build unknown) and a function without SnapStart are not judged', () => {
    const s = newStack();
    const dir = packageDir({ Dockerfile: 'FROM public.ecr.aws/lambda/provided:al2023\n' });
    new lambda.DockerImageFunction(s, 'Image', { code: lambda.DockerImageCode.fromImageAsset(dir), snapStart: lambda.SnapStartConf.ON_PUBLISHED_VERSIONS });
    new lambda.DockerImageFunction(s, 'NoSnap', { code: lambda.DockerImageCode.fromImageAsset(dir) });
    new lambda.DockerImageFunction(s, 'Ecr', { code: lambda.DockerImageCode.fromEcr(ecr.Repository.fromRepositoryName(s, 'Repo', 'app'), { tagOrDigest: `sha256:${'a'.repeat(64)}` }), snapStart: lambda.SnapStartConf.ON_PUBLISHED_VERSIONS });
    new ecr_assets.DockerImageAsset(s, 'Unused', { directory: dir });
    expect(ofRule(packMode(s), 'LambdaSnapStartImage').map(r => r.path)).toEqual(['Test/Image/Resource']);
  });
});
