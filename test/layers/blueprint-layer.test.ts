import * as path from 'path';
import { CfnParameter, RemovalPolicy } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { BlueprintLayer, BlueprintLayerProps } from '../../src';
import { expectErrors, nagFindings, newStack, synthErrors } from '../helpers';
import { MB, tree, unstagedStack, writeZip } from './fixtures';

const nodeDeps = () => tree({ 'nodejs/node_modules/tiny-lib/index.js': 'module.exports = 1;\n' });
const base = (p: string): BlueprintLayerProps => ({
  path: p,
  compatibleRuntimes: [lambda.Runtime.NODEJS_24_X],
  compatibleArchitectures: [lambda.Architecture.ARM_64],
  license: 'MIT',
});

describe('defaults', () => {
  const stack = newStack();
  const layer = new BlueprintLayer(stack, 'Deps', { ...base(nodeDeps()), description: 'shared dependencies' });
  const template = Template.fromStack(stack);

  test('declares runtimes, architectures and license, and retains old versions', () => {
    template.hasResource('AWS::Lambda::LayerVersion', {
      Properties: {
        CompatibleRuntimes: ['nodejs24.x'],
        CompatibleArchitectures: ['arm64'],
        LicenseInfo: 'MIT',
        Description: 'shared dependencies',
      },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  test('exposes the layer version, its ARN and its measured size', () => {
    expect(layer.layerVersion).toBeInstanceOf(lambda.LayerVersion);
    expect(layer.layerVersionArn).toBe(layer.layerVersion.layerVersionArn);
    expect(layer.layerVersionRef.layerVersionArn).toBe(layer.layerVersion.layerVersionArn);
    expect(layer.unzippedSizeBytes).toBe(20);
    expect(layer.providesBootstrap).toBe(false);
    expect(layer.compatibleRuntimes!.map(r => r.name)).toEqual(['nodejs24.x']);
    expect(layer.compatibleArchitectures.map(a => a.name)).toEqual(['arm64']);
  });

  test('cdk-nag AwsSolutions + Serverless: zero unacknowledged findings', () => {
    expect(nagFindings(stack)).toEqual([]);
  });

  test('snapshot', () => {
    expect(template.toJSON()).toMatchSnapshot();
  });
});

describe('layout per runtime', () => {
  test.each([
    ['python/', lambda.Runtime.PYTHON_3_13, { 'python/requests/__init__.py': 'x' }],
    ['nodejs/node_modules/', lambda.Runtime.NODEJS_24_X, { 'nodejs/node_modules/a/index.js': 'x' }],
    ['nodejs/node22/node_modules/', lambda.Runtime.NODEJS_22_X, { 'nodejs/node22/node_modules/a/index.js': 'x' }],
    ['java/lib/', lambda.Runtime.JAVA_21, { 'java/lib/a.jar': 'x' }],
    ['ruby/gems/', lambda.Runtime.RUBY_3_4, { 'ruby/gems/3.4.0/a.rb': 'x' }],
    ['bin/ for any runtime', lambda.Runtime.PYTHON_3_13, { 'bin/ffmpeg': 'x' }],
    ['lib/ for any runtime', lambda.Runtime.DOTNET_8, { 'lib/libvips.so': 'x' }],
    ['extensions/ for any runtime', lambda.Runtime.JAVA_21, { 'extensions/agent': 'x' }],
    ['a bootstrap for a custom runtime', lambda.Runtime.PROVIDED_AL2023, { bootstrap: { content: '#!/bin/sh\n', mode: 0o755 } }],
  ])('%s is accepted', (_name, runtime, files) => {
    const stack = newStack();
    new BlueprintLayer(stack, 'L', { ...base(tree(files)), compatibleRuntimes: [runtime] });
    expect(synthErrors(stack)).toEqual([]);
  });

  test('node_modules/ at the root of a Node.js layer is refused with the folders Node.js reads', () => {
    const stack = newStack();
    const dir = tree({ 'node_modules/tiny-lib/index.js': 'x' });
    new BlueprintLayer(stack, 'L', base(dir));
    expectErrors(stack, new RegExp(`^\\[Test/L\\] LambdaBlueprints-LambdaLayerContent: layout for nodejs24.x is node_modules/ at the root of ${dir}, allowed is nodejs/node_modules/ \\(or nodejs/nodeNN/node_modules/\\), bin/, lib/, extensions/, because Lambda extracts a layer to /opt and nodejs24.x reads only those folders`));
  });

  test('a Python layer also declared for Node.js is refused for Node.js only', () => {
    const stack = newStack();
    new BlueprintLayer(stack, 'L', { ...base(tree({ 'python/a.py': 'x' })), compatibleRuntimes: [lambda.Runtime.PYTHON_3_13, lambda.Runtime.NODEJS_24_X] });
    expectErrors(stack, /layout for nodejs24\.x is python\/ at the root/);
  });

  test('a runtime without folders of its own needs bin/, lib/ or extensions/', () => {
    const stack = newStack();
    new BlueprintLayer(stack, 'L', { ...base(tree({ 'tool.dll': 'x' })), compatibleRuntimes: [lambda.Runtime.DOTNET_8] });
    expectErrors(stack, /layout for dotnet8 is tool\.dll at the root of .*, allowed is bin\/, lib\/, extensions\//);
  });

  test('many top-level entries are abbreviated in the message', () => {
    const stack = newStack();
    const files = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(n => [`${n}.py`, 'x']));
    new BlueprintLayer(stack, 'L', { ...base(tree(files)), compatibleRuntimes: [lambda.Runtime.PYTHON_3_13] });
    expectErrors(stack, /layout for python3\.13 is a\.py, b\.py, c\.py, d\.py, e\.py, f\.py, … \(8 entries\) at the root/);
  });

  test('a custom runtime layer whose bootstrap is not executable is refused', () => {
    const stack = newStack();
    new BlueprintLayer(stack, 'L', { ...base(tree({ bootstrap: { content: '#!/bin/sh\n', mode: 0o644 } })), compatibleRuntimes: [lambda.Runtime.PROVIDED_AL2023] });
    expectErrors(stack, /^\[Test\/L\] LambdaBlueprints-LambdaLayerContent: bootstrap is not executable \(mode 644\), allowed is an executable file \(chmod \+x\), because a custom runtime starts \/opt\/bootstrap/);
  });

  test('a zip layout is read from its central directory', () => {
    const stack = newStack();
    const layer = new BlueprintLayer(stack, 'L', base(writeZip([{ name: 'nodejs/node_modules/a/index.js', content: 'x', declaredSize: 2 * MB }])));
    expect(synthErrors(stack)).toEqual([]);
    expect(layer.unzippedSizeBytes).toBe(2 * MB);
    Template.fromStack(stack).resourceCountIs('AWS::Lambda::LayerVersion', 1);
  });
});

describe('bad packages', () => {
  test('an empty directory is refused', () => {
    const stack = newStack();
    const dir = tree({ 'nodejs/': '' });
    new BlueprintLayer(stack, 'L', base(dir));
    expectErrors(stack, new RegExp(`^\\[Test/L\\] LambdaBlueprints-LambdaLayerContent: path is an empty directory \\(${dir}\\), allowed is a package holding at least one file, because an empty layer puts nothing in /opt\\.`));
  });

  test('an empty zip archive is refused', () => {
    const stack = newStack();
    new BlueprintLayer(stack, 'L', base(writeZip([{ name: 'nodejs/' }])));
    expectErrors(stack, /path is an empty zip archive/);
  });

  test('a file that is not a zip archive is refused', () => {
    const stack = newStack();
    const dir = tree({ 'layer.tar': 'not a zip, just some bytes long enough to be looked at' });
    new BlueprintLayer(stack, 'L', base(path.join(dir, 'layer.tar')));
    expectErrors(stack, /^\[Test\/L\] LambdaBlueprints-LambdaLayerContent: path is .*layer\.tar, allowed is a directory or a zip archive, because it could not be read as either \(.*no end-of-central-directory record\)/);
  });

  test('a missing path is reported at synth, with the other problems of the layer', () => {
    const stack = newStack();
    new BlueprintLayer(stack, 'L', { ...base('/nonexistent/layer'), compatibleRuntimes: [] });
    expectErrors(stack,
      /^\[Test\/L\] LambdaBlueprints-LambdaLayerContent: path is \/nonexistent\/layer, allowed is an existing directory or zip archive, because a layer is built from local files, which CDK uploads as an asset\./,
      /^\[Test\/L\] LambdaBlueprints-LambdaLayerContent: compatibleRuntimes \(count\) is 0/);
  });

  test.each([
    [250 * MB, false],
    [250 * MB + 1, true],
  ])('a layer of %d bytes unzipped: refused = %s', (size, refused) => {
    const stack = unstagedStack();
    new BlueprintLayer(stack, 'L', base(writeZip([{ name: 'nodejs/node_modules/big/blob', content: 'x', declaredSize: size }])));
    if (refused) expectErrors(stack, /^\[Test\/L\] LambdaBlueprints-LambdaLayerContent: unzipped size is 262,144,001 bytes \(250 MB\), allowed is at most 262,144,000 bytes \(250 MB\), because function code plus all its layers must stay within 250 MB unzipped\./);
    else expect(synthErrors(stack)).toEqual([]);
  });

  test('a large directory is measured from stat sizes (sparse file)', () => {
    const stack = unstagedStack();
    const layer = new BlueprintLayer(stack, 'L', base(tree({ 'nodejs/node_modules/big/blob': { size: 251 * MB } })));
    expect(layer.unzippedSizeBytes).toBe(251 * MB);
    expectErrors(stack, /unzipped size is 263,192,576 bytes \(251 MB\), allowed is at most 262,144,000 bytes/);
  });
});

describe('declarations', () => {
  test.each([
    [0, true],
    [1, false],
    [512, false],
    [513, true],
  ])('a license of %d characters: refused = %s', (length, refused) => {
    const stack = newStack();
    new BlueprintLayer(stack, 'L', { ...base(nodeDeps()), license: 'x'.repeat(length) });
    if (refused) expectErrors(stack, new RegExp(`^\\[Test/L/Layer/Resource\\] LambdaBlueprints-LambdaLayerVersionSettings: license \\(LicenseInfo, length\\) is ${length} characters, allowed is a whole number 1–512 characters`));
    else expect(synthErrors(stack)).toEqual([]);
  });

  test('a token license is accepted', () => {
    const stack = newStack();
    new BlueprintLayer(stack, 'L', { ...base(nodeDeps()), license: new CfnParameter(stack, 'License').valueAsString });
    expect(synthErrors(stack)).toEqual([]);
  });

  test('no compatible runtime and no architecture are refused together', () => {
    const stack = newStack();
    new BlueprintLayer(stack, 'L', { ...base(nodeDeps()), compatibleRuntimes: [], compatibleArchitectures: [] });
    expectErrors(stack,
      /compatibleRuntimes \(count\) is 0 runtimes, allowed is a whole number 1–15 runtimes/,
      /compatibleArchitectures \(count\) is 0 architectures, allowed is a whole number 1–2 architectures/);
  });

  test('16 compatible runtimes are refused', () => {
    const stack = newStack();
    const runtimes = lambda.Runtime.ALL.filter(r => r.family === lambda.RuntimeFamily.NODEJS).slice(0, 16);
    while (runtimes.length < 16) runtimes.push(lambda.Runtime.NODEJS_24_X);
    new BlueprintLayer(stack, 'L', { ...base(nodeDeps()), compatibleRuntimes: runtimes });
    expectErrors(stack, /^\[Test\/L\/Layer\/Resource\] LambdaBlueprints-LambdaLayerVersionSettings: compatibleRuntimes \(CompatibleRuntimes, count\) is 16 runtimes/);
  });

  test('a removal policy other than RETAIN is written and warned about', () => {
    const stack = newStack();
    new BlueprintLayer(stack, 'L', { ...base(nodeDeps()), removalPolicy: RemovalPolicy.DESTROY, layerVersionName: 'deps' });
    Template.fromStack(stack).hasResource('AWS::Lambda::LayerVersion', { DeletionPolicy: 'Delete', Properties: { LayerName: 'deps' } });
    Annotations.fromStack(stack).hasWarning('/Test/L', Match.stringLikeRegexp('removalPolicy is .+, allowed is RETAIN, because a replaced layer version is deleted'));
  });
});

describe('sharing', () => {
  test('grantUsage and grantUsageToOrganization write layer permissions', () => {
    const stack = newStack();
    const layer = new BlueprintLayer(stack, 'L', base(nodeDeps()));
    layer.grantUsage('210987654321');
    layer.grantUsageToOrganization('o-a1b2c3d4e5');
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Lambda::LayerVersionPermission', 2);
    template.hasResourceProperties('AWS::Lambda::LayerVersionPermission', { Action: 'lambda:GetLayerVersion', Principal: '210987654321', LayerVersionArn: { Ref: Match.stringLikeRegexp('LLayer') } });
    template.hasResourceProperties('AWS::Lambda::LayerVersionPermission', { Principal: '*', OrganizationId: 'o-a1b2c3d4e5' });
    expect(nagFindings(stack)).toEqual([]);
  });

  test('a bad account id, "*" and a bad organization id are refused together', () => {
    const stack = newStack();
    const layer = new BlueprintLayer(stack, 'L', base(nodeDeps()));
    layer.grantUsage('1234');
    layer.grantUsage('*');
    layer.grantUsageToOrganization('org-1');
    expectErrors(stack,
      /^\[Test\/L\] LambdaBlueprints-LambdaLayerContent: grantUsage accountId is "1234", allowed is a 12-digit account id/,
      /^\[Test\/L\] LambdaBlueprints-LambdaLayerContent: grantUsage accountId is "\*", allowed is a 12-digit account id \(share with everyone in an organization with grantUsageToOrganization\), because a layer shared with "\*" outside an organization is public/,
      /grantUsageToOrganization organizationId is "org-1", allowed is o- followed by 10 to 32/);
  });

  test('token account and organization ids are accepted', () => {
    const stack = newStack();
    const layer = new BlueprintLayer(stack, 'L', base(nodeDeps()));
    layer.grantUsage(new CfnParameter(stack, 'Account').valueAsString);
    layer.grantUsageToOrganization(new CfnParameter(stack, 'Org').valueAsString);
    expect(synthErrors(stack)).toEqual([]);
    Template.fromStack(stack).resourceCountIs('AWS::Lambda::LayerVersionPermission', 2);
  });
});

describe('import', () => {
  test('fromLayerVersionArn returns a layer usable by L2 functions', () => {
    const stack = newStack();
    const arn = 'arn:aws:lambda:us-east-1:210987654321:layer:deps:3';
    const layer = BlueprintLayer.fromLayerVersionArn(stack, 'Imported', arn);
    expect(layer.layerVersionArn).toBe(arn);
    expect(layer.compatibleRuntimes).toBeUndefined();
  });
});
