import { App, Stack } from 'aws-cdk-lib';
import { Template, Match } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { BlueprintFunctionProps } from '../../src';
import { nagFindings, newStack } from '../helpers';
import { HANDLER, releasedFunction } from './fixtures';

function versionIds(stack: Stack): string[] {
  return Object.keys(Template.fromStack(stack).findResources('AWS::Lambda::Version'));
}

function versionIdOf(props: Partial<BlueprintFunctionProps>, withLayer?: string): string {
  const stack = newStack();
  const layers = withLayer === undefined ? undefined : [new lambda.LayerVersion(stack, 'Layer', {
    code: lambda.Code.fromBucket(s3.Bucket.fromBucketName(stack, 'Bucket', 'layers-bucket'), withLayer, 'v1'),
    compatibleRuntimes: [lambda.Runtime.NODEJS_24_X],
    compatibleArchitectures: [lambda.Architecture.ARM_64],
  })];
  releasedFunction(stack, { environment: { STAGE: 'prod' }, layers, ...props });
  const ids = versionIds(stack);
  expect(ids).toHaveLength(1);
  return ids[0];
}

describe('alias and invokeTarget', () => {
  test('without deployment there is no version or alias and triggers invoke the function', () => {
    const stack = newStack();
    const fn = releasedFunction(stack, { deployment: undefined });
    expect(fn.alias).toBeUndefined();
    expect(fn.release).toBeUndefined();
    expect(fn.invokeTarget).toBe(fn.function);
    Template.fromStack(stack).resourceCountIs('AWS::Lambda::Alias', 0);
  });

  test('a deployment creates a version and the alias "live", which becomes the invoke target', () => {
    const stack = newStack();
    const fn = releasedFunction(stack);
    expect(fn.invokeTarget).toBe(fn.alias);
    expect(fn.release!.alias).toBe(fn.alias);
    expect(fn.release!.version).toBe(fn.function.currentVersion);
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::Lambda::Version', 1);
    t.hasResourceProperties('AWS::Lambda::Alias', {
      Name: 'live',
      FunctionVersion: { 'Fn::GetAtt': [Match.stringLikeRegexp('^FnFunctionCurrentVersion'), 'Version'] },
    });
    t.resourceCountIs('AWS::CodeDeploy::DeploymentGroup', 0);
    expect(t.findResources('AWS::Lambda::Alias', { UpdatePolicy: Match.anyValue() })).toEqual({});
  });

  test('event sources and grants go through the alias, never $LATEST', () => {
    const stack = newStack();
    const fn = releasedFunction(stack, { deployment: { aliasName: 'prod' } });
    const queue = new sqs.Queue(stack, 'Queue', { enforceSSL: true });
    fn.addEventSource(new SqsEventSource(queue));
    fn.invokeTarget.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.AWS_IAM });
    const t = Template.fromStack(stack);
    const mapping = Object.values(t.findResources('AWS::Lambda::EventSourceMapping'))[0];
    expect(JSON.stringify(mapping.Properties.FunctionName)).toMatch(/FnReleaseAlias[0-9A-F]+"}.*":prod"/);
    t.hasResourceProperties('AWS::Lambda::Url', { Qualifier: 'prod' });
  });

  test('an alias description is written', () => {
    const stack = newStack();
    releasedFunction(stack, { deployment: { aliasName: 'dev', aliasDescription: 'development stage' } });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Alias', { Name: 'dev', Description: 'development stage' });
  });

  test('zero unacknowledged nag findings with an alias only', () => {
    const stack = newStack();
    releasedFunction(stack);
    expect(nagFindings(stack)).toEqual([]);
  });

  test('snapshot: alias only', () => {
    const stack = newStack();
    releasedFunction(stack);
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});

describe('a new version exactly when code or configuration changes', () => {
  const base = versionIdOf({}, 'layer-1.zip');

  test('nothing changed: same version logical id', () => {
    expect(versionIdOf({}, 'layer-1.zip')).toEqual(base);
  });

  test('code changed: new version', () => {
    expect(versionIdOf({ code: lambda.Code.fromInline(`${HANDLER}\n// v2`) }, 'layer-1.zip')).not.toEqual(base);
  });

  test('environment changed: new version', () => {
    expect(versionIdOf({ environment: { STAGE: 'test' } }, 'layer-1.zip')).not.toEqual(base);
  });

  test('environment added after construction: new version', () => {
    const stack = newStack();
    const layers = [new lambda.LayerVersion(stack, 'Layer', {
      code: lambda.Code.fromBucket(s3.Bucket.fromBucketName(stack, 'Bucket', 'layers-bucket'), 'layer-1.zip', 'v1'),
      compatibleRuntimes: [lambda.Runtime.NODEJS_24_X],
      compatibleArchitectures: [lambda.Architecture.ARM_64],
    })];
    const fn = releasedFunction(stack, { environment: { STAGE: 'prod' }, layers });
    fn.addEnvironment('FEATURE', 'on');
    expect(versionIds(stack)[0]).not.toEqual(base);
  });

  test('a change after a first synth: the next synth derives a new version again (the id is held for one synthesis only)', () => {
    const stack = newStack();
    const fn = releasedFunction(stack);
    const first = versionIds(stack)[0];
    fn.cfn.addPropertyOverride('MemorySize', 2048);
    (stack.node.root as App).synth({ force: true });
    const second = Object.keys(Template.fromStack(stack).findResources('AWS::Lambda::Version'))[0];
    expect(second).not.toEqual(first);
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Alias', { FunctionVersion: { 'Fn::GetAtt': [second, 'Version'] } });
  });

  test('a change after a synth, then a synth without validation: the held id is released at the start of that synth', () => {
    const stack = newStack();
    const fn = releasedFunction(stack);
    const app = stack.node.root as App;
    const versionOf = (template: { Resources: Record<string, { Type: string }> }) =>
      Object.entries(template.Resources).find(([, r]) => r.Type === 'AWS::Lambda::Version')?.[0];
    const first = versionOf(app.synth({ force: true }).getStackByName(stack.stackName).template);
    fn.cfn.addPropertyOverride('MemorySize', 2048);
    const second = versionOf(app.synth({ force: true, skipValidation: true }).getStackByName(stack.stackName).template);
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(second).not.toEqual(first);
  });

  test('a change after a synth, read outside any synth once the synth\'s work is done: the derived id again', async () => {
    const stack = newStack();
    const fn = releasedFunction(stack);
    const version = fn.function.currentVersion.node.defaultChild as lambda.CfnVersion;
    (stack.node.root as App).synth({ force: true });
    const held = stack.resolve(version.logicalId);
    fn.cfn.addPropertyOverride('MemorySize', 2048);
    await Promise.resolve();
    expect(stack.resolve(version.logicalId)).not.toEqual(held);
  });

  test('layer content changed (same layer construct): new version', () => {
    expect(versionIdOf({}, 'layer-2.zip')).not.toEqual(base);
  });

  test('memory changed: new version', () => {
    expect(versionIdOf({ memorySize: 2048 }, 'layer-1.zip')).not.toEqual(base);
  });
});
