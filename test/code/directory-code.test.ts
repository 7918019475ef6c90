import * as fs from 'fs';
import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { TempProject } from './project';
import { BlueprintCode, BlueprintFunction } from '../../src';
import { expectErrors } from '../helpers';
import { MB, tree, unstagedStack } from '../layers/fixtures';

function synth(fns: Record<string, { runtime: lambda.Runtime; handler: string; dir: string }>): { message: string; stack: Stack } {
  const app = new App();
  const stack = new Stack(app, 'S');
  for (const [id, f] of Object.entries(fns)) {
    new BlueprintFunction(stack, id, { runtime: f.runtime, handler: f.handler, code: BlueprintCode.fromDirectory(f.dir) });
  }
  try {
    app.synth();
    return { message: '', stack };
  } catch (e) {
    return { message: (e as Error).message, stack };
  }
}

const NODE = lambda.Runtime.NODEJS_22_X;
const PY = lambda.Runtime.PYTHON_3_13;
const JAVA = lambda.Runtime.JAVA_21;

describe('BlueprintCode.fromDirectory', () => {
  test('well-formed Node.js, Python and Java directories become content-hashed assets', () => {
    const node = new TempProject({ 'index.js': 'exports.handler = async () => require("dep").x;', 'package.json': '{"dependencies":{"dep":"1.0.0"}}', 'node_modules/dep/package.json': '{"name":"dep"}', 'node_modules/dep/index.js': 'exports.x = 1;' });
    const py = new TempProject({ 'app.py': 'import idna\ndef handler(e, c):\n    return 1\n', 'requirements.txt': '# deps\nidna==3.10\n', 'idna/__init__.py': '', 'idna-3.10.dist-info/METADATA': 'Name: idna' });
    const java = new TempProject({ 'com/example/Handler.class': 'x', 'lib/dep.jar': 'x' });
    const { message, stack } = synth({
      Node: { runtime: NODE, handler: 'index.handler', dir: node.root },
      Py: { runtime: PY, handler: 'app.handler', dir: py.root },
      Java: { runtime: JAVA, handler: 'com.example.Handler::handleRequest', dir: java.root },
    });
    expect(message).toBe('');
    const fns = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function'));
    expect(fns.map(f => f.Properties.Code.S3Key)).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.zip$/), expect.stringMatching(/^[0-9a-f]{64}\.zip$/), expect.stringMatching(/^[0-9a-f]{64}\.zip$/)]);
  });

  test('an empty or missing directory, missing node_modules, unvendored requirements and a Java directory without classes: all reported together', () => {
    const empty = new TempProject({});
    const emptyDir = empty.path('empty');
    fs.mkdirSync(emptyDir);
    const node = new TempProject({ 'index.js': 'exports.handler = async () => 1;', 'package.json': '{"dependencies":{"left-pad":"1.3.0","@scope/x":"1.0.0"}}' });
    const py = new TempProject({ 'app.py': 'def handler(e, c):\n    return 1\n', 'requirements.txt': 'requests>=2\n-i https://example.org\nidna==3.10 # pinned\n', 'idna-3.10.dist-info/METADATA': 'x' });
    const java = new TempProject({ 'app.jar': 'x' });
    const { message } = synth({
      Empty: { runtime: NODE, handler: 'index.handler', dir: emptyDir },
      Missing: { runtime: NODE, handler: 'index.handler', dir: empty.path('nope') },
      Node: { runtime: NODE, handler: 'index.handler', dir: node.root },
      Py: { runtime: PY, handler: 'app.handler', dir: py.root },
      Java: { runtime: JAVA, handler: 'a.B::c', dir: java.root },
    });
    expect(message).toMatch(/\[S\/Empty\] LambdaBlueprints-LambdaCodePackage: Code is BlueprintCode\.fromDirectory\(".*empty"\) \(an empty directory\), allowed is a directory holding the handler and its dependencies, because Lambda refuses an empty deployment package\./);
    expect(message).toMatch(/\[S\/Missing\] LambdaBlueprints-LambdaCodePackage: Code is BlueprintCode\.fromDirectory\(".*nope"\), allowed is an existing directory, because .*nope does not exist or is not a directory\./);
    expect(message).toMatch(/\[S\/Node\] LambdaBlueprints-LambdaCodePackage: Code is BlueprintCode\.fromDirectory\(".*"\) \(package\.json depends on left-pad, @scope\/x, which node_modules lacks\), allowed is a directory whose node_modules holds the production dependencies \(npm ci --omit=dev in it\), or BlueprintCode\.fromEntry, because the runtime resolves imports from the package only \(Runtime\.ImportModuleError\)\./);
    expect(message).toMatch(/\[S\/Py\] LambdaBlueprints-LambdaCodePackage: Code is BlueprintCode\.fromDirectory\(".*"\) \(requirements\.txt lists requests, not vendored: no <name>-<version>\.dist-info at the root\), allowed is .*pip install -r requirements\.txt --target <dir>.*, because the runtime imports packages from the package, \/opt\/python and its standard library only \(Runtime\.ImportModuleError\)\./);
    expect(message).toMatch(/\[S\/Java\] LambdaBlueprints-LambdaCodePackage: Code is BlueprintCode\.fromDirectory\(".*"\) \(app\.jar at the root, no lib\/\), allowed is compiled classes at the root and dependency jars in lib\/ .*, because the Java runtime puts the package root and lib\/\*\.jar on the class path only\./);
  });

  test('with a plain lambda.Function only the directory itself is checked', () => {
    const p = new TempProject({ 'index.js': 'exports.handler = async () => 1;', 'package.json': '{"dependencies":{"x":"1"}}' });
    const stack = new Stack(new App(), 'S');
    new lambda.Function(stack, 'Fn', { runtime: NODE, handler: 'index.handler', code: BlueprintCode.fromDirectory(p.root, { exclude: ['*.md'] }) });
    expect(Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function'))[0].Properties.Code.S3Key).toMatch(/\.zip$/);
  });
});

describe('the 250 MB unzipped limit covers directories and bundles', () => {
  test('a directory of 251 MB (sparse file) is measured and refused', () => {
    const stack = unstagedStack();
    const dir = tree({ 'index.js': 'exports.handler = async () => 1;', 'data.bin': { size: 251 * MB } });
    new BlueprintFunction(stack, 'Fn', { runtime: NODE, handler: 'index.handler', code: BlueprintCode.fromDirectory(dir) });
    expectErrors(stack, /^\[Test\/Fn\/Function\/Resource\] LambdaBlueprints-LambdaPackageSize: unzipped code \+ layers is 263,\d{3},\d{3} bytes \(code 251 MB\), allowed is at most 262,144,000 bytes \(250 MB\)/);
  });
  test('a bundle\'s size is known: no "size of the function code is unknown" warning with layers', () => {
    const p = new TempProject({ 'h.ts': 'import { x } from "dep"; export const handler = async () => x;', 'node_modules/dep/index.js': 'exports.x = 1;', 'node_modules/dep/package.json': '{"name":"dep"}' });
    const stack = unstagedStack();
    const layer = new lambda.LayerVersion(stack, 'L', { code: lambda.Code.fromAsset(tree({ 'nodejs/node_modules/a/index.js': 'x' })) });
    new BlueprintFunction(stack, 'Fn', { runtime: NODE, handler: 'index.handler', code: BlueprintCode.fromEntry(p.path('h.ts'), { cacheDir: p.cacheDir }), layers: [layer] });
    Annotations.fromStack(stack).hasNoWarning('/Test/Fn', Match.stringLikeRegexp('size of the function code'));
  });
});
