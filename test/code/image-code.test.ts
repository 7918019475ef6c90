import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { TempProject } from './project';
import { BlueprintCode, BlueprintFunction } from '../../src';
import { both, newStack } from '../rules/modes';

const IMAGE = { runtime: lambda.Runtime.FROM_IMAGE, handler: lambda.Handler.FROM_IMAGE };
const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('BlueprintCode.fromImageAsset', () => {
  test('synthesizes without a Docker engine: a content-tagged image for the function\'s architecture', () => {
    const p = new TempProject({ 'Dockerfile': 'FROM public.ecr.aws/lambda/nodejs:22\nCOPY index.js ${LAMBDA_TASK_ROOT}/\nCMD ["index.handler"]\n', 'index.js': 'exports.handler = async () => 1;' });
    const app = new App();
    const stack = new Stack(app, 'S');
    new BlueprintFunction(stack, 'Fn', { ...IMAGE, code: BlueprintCode.fromImageAsset(p.root) });
    const assembly = app.synth();
    const fn = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function'))[0];
    expect(fn.Properties.PackageType).toBe('Image');
    expect(fn.Properties.Handler).toBeUndefined();
    expect(JSON.stringify(fn.Properties.Code.ImageUri)).toMatch(/:[0-9a-f]{64}"/);
    const manifest = JSON.parse(fs.readFileSync(path.join(assembly.directory, `${stack.artifactId}.assets.json`), 'utf-8'));
    expect(Object.values(manifest.dockerImages).map((i: any) => i.source.platform)).toEqual(['linux/arm64']);
  });
  test('a directory without Dockerfile, and an image function with a zip handler, fail the synth', () => {
    const p = new TempProject({ 'index.js': 'x' });
    const app = new App();
    const stack = new Stack(app, 'S');
    new BlueprintFunction(stack, 'NoDockerfile', { ...IMAGE, code: BlueprintCode.fromImageAsset(p.root) });
    const repo = ecr.Repository.fromRepositoryName(stack, 'Repo', 'app');
    new BlueprintFunction(stack, 'ZipHandler', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: BlueprintCode.fromEcr(repo, DIGEST) });
    expect(() => app.synth()).toThrow(/\[S\/NoDockerfile\] LambdaBlueprints-LambdaCodePackage: Code is BlueprintCode\.fromImageAsset\(".*"\), allowed is a directory holding Dockerfile, because the image is built from it at deploy time\.[\s\S]*\[S\/ZipHandler\] LambdaBlueprints-LambdaImageUri: handler is "index\.handler" for a container image, allowed is Handler\.FROM_IMAGE with Runtime\.FROM_IMAGE \(the image's ENTRYPOINT and CMD name the runtime and handler\), because Lambda takes both from the image and refuses them on an image function\./);
  });
});

describe('BlueprintCode.fromEcr and the image rules', () => {
  test('a tag is warned (the function is not updated when it moves); a digest is not', () => {
    const stack = newStack();
    const repo = ecr.Repository.fromRepositoryName(stack, 'Repo', 'app');
    new BlueprintFunction(stack, 'Fn', { ...IMAGE, code: BlueprintCode.fromEcr(repo, 'v1') });
    new BlueprintFunction(stack, 'Pinned', { ...IMAGE, code: BlueprintCode.fromEcr(repo, DIGEST) });
    expect(both(stack, 'LambdaImageTag')).toEqual([{
      id: 'LambdaBlueprints-LambdaImageTag',
      severity: 'warning',
      path: 'Test/Fn/Function/Resource',
      message: 'Code.ImageUri is "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1" (tag "v1"), allowed is an image digest (<repository>@sha256:<digest>, BlueprintCode.fromEcr(repository, \'sha256:…\')), because CloudFormation does not update the function when the tag moves to a new image.',
    }]);
  });
  test('an ECR repository of another account or region is refused when both are known', () => {
    const stack = newStack();
    const other = ecr.Repository.fromRepositoryArn(stack, 'Other', 'arn:aws:ecr:eu-west-1:999999999999:repository/app');
    new BlueprintFunction(stack, 'Fn', { ...IMAGE, code: BlueprintCode.fromEcr(other, DIGEST) });
    expect(both(stack, 'LambdaImageUri').map(r => r.message)).toEqual([
      `Code.ImageUri is "999999999999.dkr.ecr.eu-west-1.amazonaws.com/app@${DIGEST}" (account 999999999999), allowed is an ECR repository of the function's account (123456789012), because the product deploys function images from ECR in the same account.`,
      `Code.ImageUri is "999999999999.dkr.ecr.eu-west-1.amazonaws.com/app@${DIGEST}" (region eu-west-1), allowed is an ECR repository of the function's region (us-east-1), because Lambda pulls a function image from the function's own region.`,
    ]);
  });
  test('a non-ECR image URI is refused; an env-agnostic stack is not judged', () => {
    const stack = newStack();
    new BlueprintFunction(stack, 'Fn', { ...IMAGE, code: BlueprintCode.fromEcr(ecr.Repository.fromRepositoryName(stack, 'Repo', 'app'), DIGEST) });
    const cfn = (stack.node.findChild('Fn') as BlueprintFunction).cfn;
    cfn.addPropertyOverride('Code.ImageUri', 'docker.io/library/node:22');
    expect(both(stack, 'LambdaImageUri').map(r => r.message)).toEqual([
      'Code.ImageUri is "docker.io/library/node:22", allowed is an image in an Amazon ECR repository (<account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<digest> or :<tag>), because Lambda pulls function images from Amazon ECR private repositories only.',
    ]);
    const agnostic = new Stack(new App(), 'Test');
    new BlueprintFunction(agnostic, 'Fn', { ...IMAGE, code: BlueprintCode.fromEcr(ecr.Repository.fromRepositoryName(agnostic, 'Repo', 'app'), 'latest') });
    expect(both(agnostic, 'LambdaImageUri')).toEqual([]);
    expect(both(agnostic, 'LambdaImageTag')).toEqual([]);
  });
});
