import * as path from 'path';
import { CfnParameter, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { BlueprintFunction, BlueprintFunctionProps, BlueprintLayer } from '../../src';
import { expectErrors, nagFindings, newStack, synthErrors } from '../helpers';
import { MB, tree, unstagedStack, writeZip } from './fixtures';
import { packMode } from '../rules/modes';

const handlerDir = () => tree({ 'index.js': 'exports.handler = async () => require("tiny-lib");\n' });
const node = (extra: Partial<BlueprintFunctionProps> = {}): BlueprintFunctionProps => ({
  runtime: lambda.Runtime.NODEJS_24_X,
  handler: 'index.handler',
  code: lambda.Code.fromAsset(handlerDir()),
  ...extra,
});
const layer = (stack: Stack, id: string, extra: { size?: number; arch?: lambda.Architecture; runtime?: lambda.Runtime } = {}) =>
  new BlueprintLayer(stack, id, {
    path: extra.size
      ? writeZip([{ name: 'nodejs/node_modules/big/blob', content: 'x', declaredSize: extra.size }])
      : tree({ [extra.runtime ? 'python/lib.py' : `nodejs/node_modules/${id.toLowerCase()}/index.js`]: 'module.exports = 1;\n' }),
    compatibleRuntimes: [extra.runtime ?? lambda.Runtime.NODEJS_24_X],
    compatibleArchitectures: [extra.arch ?? lambda.Architecture.ARM_64],
    license: 'MIT',
  });
const imported = (stack: Stack, id: string) => BlueprintLayer.fromLayerVersionArn(stack, id, `arn:aws:lambda:us-east-1:210987654321:layer:${id}:1`);
const layersOf = (stack: Stack) => Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function'))[0].Properties.Layers;

describe('a shared layer used by two functions', () => {
  const stack = newStack();
  const deps = layer(stack, 'Deps');
  const a = new BlueprintFunction(stack, 'A', node({ layers: [deps] }));
  new BlueprintFunction(stack, 'B', node({ layers: [deps] }));
  const template = Template.fromStack(stack);

  test('both functions reference the one layer version', () => {
    template.resourceCountIs('AWS::Lambda::LayerVersion', 1);
    const fns = Object.values(template.findResources('AWS::Lambda::Function'));
    const refs = fns.map(f => f.Properties.Layers);
    expect(refs).toHaveLength(2);
    expect(refs[0]).toEqual(refs[1]);
    expect(refs[0]).toEqual([{ Ref: expect.stringMatching(/^DepsLayer/) }]);
    expect(a.layers).toEqual([deps]);
  });

  test('cdk-nag AwsSolutions + Serverless: zero unacknowledged findings', () => {
    expect(nagFindings(stack)).toEqual([]);
  });

  test('snapshot', () => {
    expect(template.toJSON()).toMatchSnapshot();
  });
});

describe('order and count', () => {
  test('layers keep the order given, addLayers appends, layers added to the L2 come last', () => {
    const stack = newStack();
    const fn = new BlueprintFunction(stack, 'Fn', node({ layers: [imported(stack, 'zeta'), imported(stack, 'alpha')] }));
    fn.addLayers(imported(stack, 'mid'));
    fn.function.addLayers(imported(stack, 'beta'));
    expect(layersOf(stack)).toEqual(['zeta', 'alpha', 'mid', 'beta'].map(n => `arn:aws:lambda:us-east-1:210987654321:layer:${n}:1`));
    expect(fn.layers).toHaveLength(3);
  });

  test('no layers: no Layers property', () => {
    const stack = newStack();
    new BlueprintFunction(stack, 'Fn', node());
    expect(layersOf(stack)).toBeUndefined();
  });

  test.each([[5, false], [6, true]])('%d layers: refused = %s (reported at synth, not thrown)', (count, refused) => {
    const stack = newStack();
    const fn = new BlueprintFunction(stack, 'Fn', node({ layers: [layer(stack, 'L0')] }));
    for (let i = 1; i < count; i++) fn.addLayers(layer(stack, `L${i}`));
    if (refused) expectErrors(stack, /^\[Test\/Fn\/Function\/Resource\] LambdaBlueprints-LambdaLayers: layers \(Layers, count\) is 6 layers, allowed is a whole number 0–5 layers, because a function can use at most 5 layers\.$/);
    else expect(synthErrors(stack)).toEqual([]);
  });

  test('layers added to the L2 directly count too', () => {
    const stack = newStack();
    const fn = new BlueprintFunction(stack, 'Fn', node({ layers: [1, 2, 3, 4, 5].map(i => imported(stack, `i${i}`)) }));
    fn.function.addLayers(imported(stack, 'extra'));
    expectErrors(stack, /^\[Test\/Fn\/Function\/Resource\] LambdaBlueprints-LambdaLayers: layers \(Layers, count\) is 6 layers, allowed is a whole number 0–5 layers, because a function can use at most 5 layers\.$/);
  });
});

describe('versions', () => {
  const versionIdFor = (content: string, flag: boolean): string => {
    const stack = newStack();
    if (flag) stack.node.setContext('@aws-cdk/aws-lambda:recognizeLayerVersion', true);
    const deps = new BlueprintLayer(stack, 'Deps', {
      path: tree({ 'nodejs/node_modules/dep/index.js': content }),
      compatibleRuntimes: [lambda.Runtime.NODEJS_24_X],
      compatibleArchitectures: [lambda.Architecture.ARM_64],
      license: 'MIT',
    });
    const fn = new BlueprintFunction(stack, 'Fn', node({ code: lambda.Code.fromInline('exports.handler = async () => 1;'), layers: [deps] }));
    return stack.resolve((fn.function.currentVersion.node.defaultChild as lambda.CfnVersion).logicalId);
  };

  test.each([false, true])('a change of layer content changes the published version (recognizeLayerVersion %s)', (flag) => {
    expect(versionIdFor('module.exports = 1;', flag)).toBe(versionIdFor('module.exports = 1;', flag));
    expect(versionIdFor('module.exports = 1;', flag)).not.toBe(versionIdFor('module.exports = 2;', flag));
  });

  test('the layer ARNs stay in the function template, in order', () => {
    const stack = newStack();
    const fn = new BlueprintFunction(stack, 'Fn', node({ layers: [layer(stack, 'B'), layer(stack, 'A')] }));
    fn.function.currentVersion;
    expect(layersOf(stack)).toEqual([{ Ref: expect.stringMatching(/^BLayer/) }, { Ref: expect.stringMatching(/^ALayer/) }]);
  });
});

describe('compatibility', () => {
  test('runtime and architecture mismatches are refused together with the layer count', () => {
    const stack = newStack();
    new BlueprintFunction(stack, 'Fn', node({
      layers: [
        layer(stack, 'Py', { runtime: lambda.Runtime.PYTHON_3_13 }),
        layer(stack, 'X86', { arch: lambda.Architecture.X86_64 }),
        ...[1, 2, 3, 4].map(i => imported(stack, `i${i}`)),
      ],
    }));
    expectErrors(stack,
      /^\[Test\/Fn\] LambdaBlueprints-LambdaLayerCompatibility: runtime for layer Test\/Py is nodejs24\.x, allowed is one of the layer's compatible runtimes \(python3\.13\), because the layer's content is laid out and built for those runtimes only\./,
      /^\[Test\/Fn\] LambdaBlueprints-LambdaLayerCompatibility: architecture for layer Test\/X86 is arm64, allowed is one of the layer's compatible architectures \(x86_64\), because native binaries built for another instruction set fail to load\./,
      /^\[Test\/Fn\/Function\/Resource\] LambdaBlueprints-LambdaLayers: layers \(Layers, count\) is 6 layers, allowed is a whole number 0–5 layers, because a function can use at most 5 layers\.$/);
  });

  test('an imported layer with declared runtimes and architectures is checked', () => {
    const stack = newStack();
    const ext = BlueprintLayer.fromLayerVersionAttributes(stack, 'Ext', {
      layerVersionArn: 'arn:aws:lambda:us-east-1:210987654321:layer:ext:7',
      compatibleRuntimes: [lambda.Runtime.NODEJS_24_X],
      compatibleArchitectures: [lambda.Architecture.X86_64],
      unzippedSizeBytes: MB,
    });
    new BlueprintFunction(stack, 'Fn', node({ layers: [ext], architecture: lambda.Architecture.X86_64 }));
    expect(synthErrors(stack)).toEqual([]);
    const arm = newStack();
    new BlueprintFunction(arm, 'Fn', node({ layers: [BlueprintLayer.fromLayerVersionAttributes(arm, 'Ext', { layerVersionArn: 'arn:aws:lambda:us-east-1:210987654321:layer:ext:7', compatibleArchitectures: [lambda.Architecture.X86_64] })] }));
    expectErrors(arm, /architecture for layer Test\/Ext is arm64/);
  });

  test('a plain lambda.LayerVersion from a local asset is measured and its architectures read from the template', () => {
    const stack = unstagedStack();
    const plain = new lambda.LayerVersion(stack, 'Plain', {
      code: lambda.Code.fromAsset(tree({ 'nodejs/node_modules/big/blob': { size: 251 * MB } })),
      compatibleArchitectures: [lambda.Architecture.X86_64],
    });
    new BlueprintFunction(stack, 'Fn', node({ layers: [plain] }));
    expectErrors(stack, /architecture for layer Test\/Plain is arm64/, /LambdaBlueprints-LambdaPackageSize: unzipped code \+ layers is 263,19[\d,]+ bytes \(code \d+ bytes \+ layer Test\/Plain 251 MB\)/);
  });
});

describe('plain layers', () => {
  test('a LayerVersion from a bucket and one without architectures: size unknown, nothing refused', () => {
    const stack = newStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'B', 'layer-bucket');
    const fromBucket = new lambda.LayerVersion(stack, 'FromBucket', { code: lambda.Code.fromBucket(bucket, 'layer.zip') });
    const noArch = new lambda.LayerVersion(stack, 'NoArch', { code: lambda.Code.fromAsset(tree({ 'nodejs/node_modules/a/index.js': 'x' })) });
    new BlueprintFunction(stack, 'Fn', node({ layers: [fromBucket, noArch] }));
    expect(synthErrors(stack)).toEqual([]);
    Annotations.fromStack(stack).hasWarning('/Test/Fn', Match.stringLikeRegexp('layers is Test/FromBucket, whose unzipped size is unknown at synth'));
    expect(Annotations.fromStack(stack).findWarning('/Test/Fn', Match.stringLikeRegexp('layer Test/NoArch'))).toHaveLength(0);
  });

  test('a LayerVersion from a file that is not a zip archive is not measured', () => {
    const stack = newStack();
    const dir = tree({ 'layer.zip': 'not a zip archive, only text long enough to be searched' });
    const odd = new lambda.LayerVersion(stack, 'Odd', { code: lambda.Code.fromAsset(path.join(dir, 'layer.zip')) });
    new BlueprintFunction(stack, 'Fn', node({ layers: [odd] }));
    Annotations.fromStack(stack).hasWarning('/Test/Fn', Match.stringLikeRegexp('layers is Test/Odd, whose unzipped size is unknown at synth'));
  });

  test('an imported layer with a token ARN has no fingerprint and an unknown size', () => {
    const stack = newStack();
    const arn = new CfnParameter(stack, 'LayerArn').valueAsString;
    new BlueprintFunction(stack, 'Fn', node({ layers: [BlueprintLayer.fromLayerVersionArn(stack, 'Tok', arn)] }));
    expect(synthErrors(stack)).toEqual([]);
    expect(layersOf(stack)).toEqual([{ Ref: 'LayerArn' }]);
  });
});

describe('size: code plus layers within 250 MB unzipped', () => {
  test.each([
    [100 * MB, 150 * MB, false],
    [100 * MB, 150 * MB + 1, true],
  ])('code %d bytes + layer %d bytes: refused = %s', (codeBytes, layerBytes, refused) => {
    const stack = unstagedStack();
    const code = tree({ 'index.js': { size: codeBytes - 100 }, 'pad.txt': { size: 100 } });
    new BlueprintFunction(stack, 'Fn', node({ code: lambda.Code.fromAsset(code), layers: [layer(stack, 'Big', { size: layerBytes })] }));
    if (refused) expectErrors(stack, /^\[Test\/Fn\/Function\/Resource\] LambdaBlueprints-LambdaPackageSize: unzipped code \+ layers is 262,144,001 bytes \(code 100 MB \+ layer Test\/Big\S* 150 MB\), allowed is at most 262,144,000 bytes \(250 MB\), because function code plus all its layers must stay within 250 MB unzipped\./);
    else expect(synthErrors(stack)).toEqual([]);
  });

  test('code alone over 250 MB is refused (a zip asset, read from its central directory)', () => {
    const stack = unstagedStack();
    const zip = writeZip([{ name: 'index.js', content: 'exports.handler = async () => 1;', declaredSize: 260 * MB }]);
    new BlueprintFunction(stack, 'Fn', node({ code: lambda.Code.fromAsset(zip) }));
    expectErrors(stack, /LambdaPackageSize: unzipped code \+ layers is 272,629,760 bytes \(code 260 MB\)/);
  });

  test('inline code counts its bytes', () => {
    const stack = newStack();
    new BlueprintFunction(stack, 'Fn', node({ code: lambda.Code.fromInline('exports.handler = async () => 1;'), layers: [layer(stack, 'Big', { size: 250 * MB })] }));
    expectErrors(stack, /LambdaPackageSize: unzipped code \+ layers is 262,144,032 bytes \(code 32 bytes \+ layer Test\/Big\S* 250 MB\)/);
  });

  test('an imported layer counts with the size declared on import; one imported by ARN alone is not counted', () => {
    const stack = unstagedStack();
    const ext = BlueprintLayer.fromLayerVersionAttributes(stack, 'Ext', { layerVersionArn: 'arn:aws:lambda:us-east-1:210987654321:layer:ext:7', unzippedSizeBytes: 200 * MB });
    new BlueprintFunction(stack, 'Fn', node({ layers: [ext, imported(stack, 'other'), layer(stack, 'Big', { size: 51 * MB })] }));
    expectErrors(stack, /^\[Test\/Fn\/Function\/Resource\] LambdaBlueprints-LambdaPackageSize: unzipped code \+ layers is 263,[\d,]+ bytes \(code \d+ bytes \+ layer arn:aws:lambda:us-east-1:210987654321:layer:ext:7 200 MB \+ layer Test\/Big\S* 51 MB; 1 layer of unknown size not counted\), allowed is at most 262,144,000 bytes \(250 MB\)/);
  });

  test('a plain lambda.Function is measured by the rule too (a directory asset, sparse file)', () => {
    const stack = unstagedStack();
    new lambda.Function(stack, 'Plain', { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromAsset(tree({ 'index.js': 'exports.handler = async () => 1;', 'data.bin': { size: 251 * MB } })) });
    expect(packMode(stack).filter(f => f.id === 'LambdaBlueprints-LambdaPackageSize').map(f => f.message)).toEqual([
      'unzipped code + layers is 263,192,608 bytes (code 251 MB), allowed is at most 262,144,000 bytes (250 MB), because function code plus all its layers must stay within 250 MB unzipped.',
    ]);
  });

  test('an imported layer has an unknown size: a warning says the total is partial', () => {
    const stack = newStack();
    new BlueprintFunction(stack, 'Fn', node({ layers: [imported(stack, 'ext')] }));
    expect(synthErrors(stack)).toEqual([]);
    Annotations.fromStack(stack).hasWarning('/Test/Fn', Match.stringLikeRegexp('layers is Test/ext, whose unzipped size is unknown at synth'));
  });

  test('code from a bucket has an unknown size: warned once when layers are added', () => {
    const stack = newStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'B', 'code-bucket');
    new BlueprintFunction(stack, 'Fn', node({ code: lambda.Code.fromBucket(bucket, 'fn.zip', 'v1'), layers: [layer(stack, 'A'), layer(stack, 'B2')] }));
    const warnings = Annotations.fromStack(stack).findWarning('/Test/Fn', Match.stringLikeRegexp('code is .*, whose unzipped size is unknown at synth'));
    expect(warnings).toHaveLength(1);
  });

  test('layers on a container image function are refused', () => {
    const stack = newStack();
    const repo = ecr.Repository.fromRepositoryName(stack, 'Repo', 'app');
    new BlueprintFunction(stack, 'Fn', { runtime: lambda.Runtime.FROM_IMAGE, handler: lambda.Handler.FROM_IMAGE, code: lambda.Code.fromEcrImage(repo), layers: [layer(stack, 'L')] });
    expectErrors(stack, /^\[Test\/Fn\/Function\/Resource\] LambdaBlueprints-LambdaImageUri: layers \(Layers\) is 1 layer\(s\) on a container image function, allowed is no layers, because Lambda does not extract layers into container images/);
  });
});

describe('custom runtime bootstrap', () => {
  const provided = (code: lambda.Code, layers: lambda.ILayerVersion[] = []): BlueprintFunctionProps =>
    ({ runtime: lambda.Runtime.PROVIDED_AL2023, handler: 'main', code, layers });

  test('an executable bootstrap in the code directory is accepted', () => {
    const stack = newStack();
    new BlueprintFunction(stack, 'Fn', provided(lambda.Code.fromAsset(tree({ bootstrap: { content: '#!/bin/sh\n', mode: 0o755 } }))));
    expect(synthErrors(stack)).toEqual([]);
  });

  test('an executable bootstrap in a zip asset is accepted', () => {
    const stack = newStack();
    new BlueprintFunction(stack, 'Fn', provided(lambda.Code.fromAsset(writeZip([{ name: 'bootstrap', content: '#!/bin/sh\n', mode: 0o100755 }]))));
    expect(synthErrors(stack)).toEqual([]);
  });

  test('no bootstrap anywhere is refused (the rule library\'s LambdaBootstrap)', () => {
    const stack = newStack();
    const dir = tree({ 'main.sh': 'echo' });
    new BlueprintFunction(stack, 'Fn', provided(lambda.Code.fromAsset(dir)));
    expect(synthErrors(stack)).toEqual([
      '[Test/Fn/Function/Resource] LambdaBlueprints-LambdaBootstrap: Code is the package of a "provided.al2023" function, holding no bootstrap, allowed is an executable file named bootstrap at the root of the package (or of a layer: /opt/bootstrap), because an OS-only runtime starts /var/task/bootstrap, else /opt/bootstrap, and nothing else: the function fails on every invocation (Runtime.InvalidEntrypoint).',
    ]);
  });

  test('a bootstrap without the execute bit is refused with its mode', () => {
    const stack = newStack();
    new BlueprintFunction(stack, 'Fn', provided(lambda.Code.fromAsset(tree({ bootstrap: { content: '#!/bin/sh\n', mode: 0o644 } }))));
    expect(synthErrors(stack)).toEqual([
      '[Test/Fn/Function/Resource] LambdaBlueprints-LambdaBootstrap: Code is the package of a "provided.al2023" function, whose bootstrap has mode 644, allowed is a bootstrap readable and executable by everyone (mode 755: chmod 755 bootstrap before synth; the asset keeps the mode), because Lambda runs bootstrap as a user that does not own the file: the function fails on every invocation (Runtime.InvalidEntrypoint).',
    ]);
  });

  test('a bootstrap from a BlueprintLayer is accepted', () => {
    const stack = newStack();
    const runtimeLayer = new BlueprintLayer(stack, 'Runtime', {
      path: tree({ bootstrap: { content: '#!/bin/sh\n', mode: 0o755 } }),
      compatibleRuntimes: [lambda.Runtime.PROVIDED_AL2023],
      compatibleArchitectures: [lambda.Architecture.ARM_64],
      license: 'Apache-2.0',
    });
    expect(runtimeLayer.providesBootstrap).toBe(true);
    new BlueprintFunction(stack, 'Fn', provided(lambda.Code.fromAsset(tree({ 'handler.sh': 'echo' })), [runtimeLayer]));
    expect(synthErrors(stack)).toEqual([]);
    expect(nagFindings(stack)).toEqual([]);
  });

  test('a bootstrap from an imported layer is accepted when declared', () => {
    const stack = newStack();
    const rt = BlueprintLayer.fromLayerVersionAttributes(stack, 'Rt', { layerVersionArn: 'arn:aws:lambda:us-east-1:210987654321:layer:rt:2', providesBootstrap: true });
    new BlueprintFunction(stack, 'Fn', provided(lambda.Code.fromAsset(tree({ 'handler.sh': 'echo' })), [rt]));
    expect(synthErrors(stack)).toEqual([]);
  });

  test('code from a bucket cannot be verified: warned', () => {
    const stack = newStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'B', 'code-bucket');
    new BlueprintFunction(stack, 'Fn', provided(lambda.Code.fromBucket(bucket, 'fn.zip', 'v1')));
    expect(synthErrors(stack)).toEqual([]);
    Annotations.fromStack(stack).hasWarning('/Test/Fn', Match.stringLikeRegexp('code is .* on custom runtime provided.al2023, allowed is a local directory or zip whose bootstrap can be checked'));
  });

  test('an unreadable code path is not measured (the asset itself reports it)', () => {
    const stack = newStack();
    const dir = tree({ 'code.zip': 'not a zip at all, just text that is long enough' });
    new BlueprintFunction(stack, 'Fn', node({ code: lambda.Code.fromAsset(path.join(dir, 'code.zip')) }));
    expect(synthErrors(stack)).toEqual([]);
  });
});
