import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { BlueprintCode, BlueprintFunction, BlueprintFunctionProps, BundleFormat } from '../../../src';
import { TempProject } from '../../code/project';
import { writeZip } from '../../layers/fixtures';
import { both, newStack, packMode } from '../modes';
import { ARM64, elfHeader, packageDir, X86_64 } from '../packages';

const FN = 'Test/Fn/Function/Resource';
const NODE = { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler' };
const JS = 'exports.handler = async () => 1;';

type Props = Partial<BlueprintFunctionProps> & { code: lambda.Code };
function withFunction(props: Props, extra?: (stack: Stack) => Partial<BlueprintFunctionProps>): Stack {
  const stack = newStack();
  new BlueprintFunction(stack, 'Fn', { ...NODE, ...props, ...extra?.(stack) });
  return stack;
}

describe('LambdaNativeArchitecture', () => {
  const ARCH_REASON = 'Lambda cannot load a binary built for another instruction set: the function fails only when it is invoked';
  test('an x86_64 .node addon in an arm64 function: the file and both architectures are named', () => {
    const code = lambda.Code.fromAsset(packageDir({ 'index.js': JS, 'node_modules/sharp/build/sharp.node': elfHeader(X86_64), 'node_modules/ok/ok.node': elfHeader(ARM64) }));
    expect(both(withFunction({ code }), 'LambdaNativeArchitecture')).toEqual([{
      id: 'LambdaBlueprints-LambdaNativeArchitecture',
      severity: 'error',
      path: FN,
      message: `architecture (Architectures) is "arm64" but the code holds node_modules/sharp/build/sharp.node (x86_64), allowed is native binaries built for arm64 (rebuild them for arm64, e.g. pip --platform manylinux2014_aarch64, or set the function's architecture to match), because ${ARCH_REASON}.`,
    }]);
  });
  test('the same package in an x86_64 function, and matching binaries, pass', () => {
    const dir = packageDir({ 'index.js': JS, 'lib/libx.so.1': elfHeader(X86_64), 'bootstrap': 'not elf' });
    expect(both(withFunction({ code: lambda.Code.fromAsset(dir), architecture: lambda.Architecture.X86_64 }), 'LambdaNativeArchitecture')).toEqual([]);
  });
  test('a layer built in the stack with an arm64 bootstrap for an x86_64 function; more than three files are counted', () => {
    const stack = withFunction({ code: lambda.Code.fromInline(JS), architecture: lambda.Architecture.X86_64 }, s => ({
      layers: [new lambda.LayerVersion(s, 'Native', { code: lambda.Code.fromAsset(packageDir({ 'bin/a': elfHeader(ARM64), 'bin/b': elfHeader(ARM64), 'bin/c': elfHeader(ARM64), 'lib/d.so': elfHeader(ARM64), 'bin/readme': 'text' })) })],
    }));
    expect(both(stack, 'LambdaNativeArchitecture').map(r => r.message)).toEqual([
      `architecture (Architectures) is "x86_64" but the layer Test/Native holds bin/a (arm64), bin/b (arm64), bin/c (arm64) and 1 more, allowed is native binaries built for x86_64 (rebuild them for x86_64, e.g. pip --platform manylinux2014_x86_64, or set the function's architecture to match), because ${ARCH_REASON}.`,
    ]);
  });
  test('binaries inside zip packages are read from the archive: the code zip and a layer zip', () => {
    const zip = writeZip([
      { name: 'index.js', content: JS },
      { name: 'node_modules/sharp/build/sharp.node', content: Buffer.concat([elfHeader(X86_64), Buffer.alloc(100_000, 1)]), deflate: true },
      { name: 'node_modules/ok/ok.node', content: elfHeader(ARM64) },
    ]);
    expect(both(withFunction({ code: lambda.Code.fromAsset(zip) }), 'LambdaNativeArchitecture').map(r => r.message)).toEqual([
      `architecture (Architectures) is "arm64" but the code holds node_modules/sharp/build/sharp.node (x86_64), allowed is native binaries built for arm64 (rebuild them for arm64, e.g. pip --platform manylinux2014_aarch64, or set the function's architecture to match), because ${ARCH_REASON}.`,
    ]);
    const stack = withFunction({ code: lambda.Code.fromInline(JS), architecture: lambda.Architecture.X86_64 }, s => ({
      layers: [new lambda.LayerVersion(s, 'Native', { code: lambda.Code.fromAsset(writeZip([{ name: 'bin/tool', content: elfHeader(ARM64), deflate: true }, { name: 'bin/notes', content: 'text' }])) })],
    }));
    expect(both(stack, 'LambdaNativeArchitecture').map(r => r.message)).toEqual([
      `architecture (Architectures) is "x86_64" but the layer Test/Native holds bin/tool (arm64), allowed is native binaries built for x86_64 (rebuild them for x86_64, e.g. pip --platform manylinux2014_x86_64, or set the function's architecture to match), because ${ARCH_REASON}.`,
    ]);
    expect(both(withFunction({ code: lambda.Code.fromAsset(zip), architecture: lambda.Architecture.X86_64 }), 'LambdaNativeArchitecture').map(r => r.message)).toEqual([
      `architecture (Architectures) is "x86_64" but the code holds node_modules/ok/ok.node (arm64), allowed is native binaries built for x86_64 (rebuild them for x86_64, e.g. pip --platform manylinux2014_x86_64, or set the function's architecture to match), because ${ARCH_REASON}.`,
    ]);
  });
  test('code that is not on this machine is not judged (S3 object)', () => {
    const stack = newStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'B', 'code-bucket');
    new BlueprintFunction(stack, 'Fn', { ...NODE, code: lambda.Code.fromBucket(bucket, 'code.zip', 'v1') });
    expect(both(stack, 'LambdaNativeArchitecture')).toEqual([]);
  });
});

describe('LambdaPythonAbi', () => {
  const PY = { runtime: lambda.Runtime.PYTHON_3_13, handler: 'app.handler' };
  const APP = 'import json\n\ndef handler(event, context):\n    return json.dumps(event)\n';
  test('a cpython-311 extension on python3.13', () => {
    const code = lambda.Code.fromAsset(packageDir({ 'app.py': APP, 'markupsafe/_speedups.cpython-311-aarch64-linux-gnu.so': elfHeader(ARM64) }));
    expect(both(withFunction({ ...PY, code }), 'LambdaPythonAbi').map(r => r.message)).toEqual([
      'runtime (Runtime) is "python3.13" but the code holds markupsafe/_speedups.cpython-311-aarch64-linux-gnu.so, allowed is extension modules built for CPython 3.13 (cpython-313) or the stable ABI (abi3), because CPython loads only extension modules built for its own version: the import fails when the function is invoked.',
    ]);
  });
  test('extensions inside a zip package and a layer zip (python/ prefix)', () => {
    const code = lambda.Code.fromAsset(writeZip([{ name: 'app.py', content: APP }, { name: 'pkg/_x.cpython-312-x86_64-linux-gnu.so', content: elfHeader(X86_64), deflate: true }]));
    const stack = withFunction({ ...PY, code, architecture: lambda.Architecture.X86_64 }, s => ({
      layers: [new lambda.LayerVersion(s, 'Deps', { code: lambda.Code.fromAsset(writeZip([{ name: 'python/np/_core.cpython-310-x86_64-linux-gnu.so', content: elfHeader(X86_64) }])) })],
    }));
    expect(both(stack, 'LambdaPythonAbi').map(r => r.message.split(', allowed')[0])).toEqual([
      'runtime (Runtime) is "python3.13" but the code holds pkg/_x.cpython-312-x86_64-linux-gnu.so',
      'runtime (Runtime) is "python3.13" but the layer Test/Deps holds python/np/_core.cpython-310-x86_64-linux-gnu.so',
    ]);
  });
  test('cpython-313 and abi3 extensions pass', () => {
    const code = lambda.Code.fromAsset(packageDir({ 'app.py': APP, 'a/_a.cpython-313-aarch64-linux-gnu.so': elfHeader(ARM64), 'b/_b.abi3.so': elfHeader(ARM64) }));
    expect(both(withFunction({ ...PY, code }), 'LambdaPythonAbi')).toEqual([]);
  });
});

describe('LambdaHandlerPresent', () => {
  const msg = (stack: Stack) => both(stack, 'LambdaHandlerPresent').map(r => r.message);
  test('a bundled entry that does not export the handler\'s name', () => {
    const p = new TempProject({ 'src/app.ts': 'import { x } from \'./x\';\nexport const main = async () => x;\n', 'src/x.ts': 'export const x = 1;\n' });
    const code = BlueprintCode.fromEntry(p.path('src/app.ts'), { cacheDir: p.cacheDir });
    expect(msg(withFunction({ code, handler: 'app.handler' }))).toEqual([
      'handler (Handler) is "app.handler" but app.js exports only main, allowed is a function app.js exports (app.<export>), because the runtime calls the named export of the handler file (Runtime.HandlerNotFound): the function fails on every invocation.',
    ]);
    expect(msg(withFunction({ code, handler: 'app.main' }))).toEqual([]);
    expect(msg(withFunction({ code: BlueprintCode.fromEntry(p.path('src/app.ts'), { cacheDir: p.cacheDir, minify: true, format: BundleFormat.ESM }), handler: 'app.handler' }))).toEqual([
      'handler (Handler) is "app.handler" but app.mjs exports only main, allowed is a function app.mjs exports (app.<export>), because the runtime calls the named export of the handler file (Runtime.HandlerNotFound): the function fails on every invocation.',
    ]);
  });
  test('inline code and a single file without the export; a missing handler file', () => {
    expect(msg(withFunction({ code: lambda.Code.fromInline('exports.main = async () => 1;') }))).toEqual([
      'handler (Handler) is "index.handler" but index.js exports only main, allowed is a function index.js exports (index.<export>), because the runtime calls the named export of the handler file (Runtime.HandlerNotFound): the function fails on every invocation.',
    ]);
    expect(msg(withFunction({ code: lambda.Code.fromAsset(packageDir({ 'main.mjs': 'export const handler = 1;' })) }))).toEqual([
      'handler (Handler) is "index.handler" but the code holds no index.js, index.mjs, index.cjs, allowed is a handler whose file is in the package (<file without extension>.<export>), because the runtime loads the handler file from the package root (Runtime.ImportModuleError): the function fails on every invocation.',
    ]);
    // module.exports = someFunction: the names are unknown, nothing is reported.
    expect(msg(withFunction({ code: lambda.Code.fromInline('module.exports = require("../x");') }))).toEqual([]);
  });
  test('Python: a module without the function, a missing module; a function imported from elsewhere passes', () => {
    const py = { runtime: lambda.Runtime.PYTHON_3_13, handler: 'app.handler' };
    expect(msg(withFunction({ ...py, code: lambda.Code.fromAsset(packageDir({ 'app.py': 'def main(event, context):\n    return 1\n' })) }))).toEqual([
      'handler (Handler) is "app.handler" but app.py defines no handler, allowed is a function app.py defines (app.<function>), because the runtime calls that function of the handler module (Runtime.HandlerNotFound): the function fails on every invocation.',
    ]);
    expect(msg(withFunction({ ...py, handler: 'pkg.app.handler', code: lambda.Code.fromAsset(packageDir({ 'app.py': 'def handler(e, c):\n    return 1\n' })) }))).toEqual([
      'handler (Handler) is "pkg.app.handler" but the code holds no pkg/app.py, allowed is a handler whose module is in the package (<module>.<function>), because the runtime imports the handler module from the package or /opt/python (Runtime.ImportModuleError): the function fails on every invocation.',
    ]);
    expect(msg(withFunction({ ...py, handler: 'pkg.app.handler', code: lambda.Code.fromAsset(packageDir({ 'pkg/app.py': 'from .impl import handler\n', 'pkg/__init__.py': '' })) }))).toEqual([]);
  });
  test('a zip package: the handler file is read from the archive (Node.js and Python, stored or deflated)', () => {
    const node = (content: string) => lambda.Code.fromAsset(writeZip([{ name: 'index.js', content, deflate: true }, { name: 'lib/x.js', content: 'x' }]));
    expect(msg(withFunction({ code: node('exports.main = async () => 1;') }))).toEqual([
      'handler (Handler) is "index.handler" but index.js exports only main, allowed is a function index.js exports (index.<export>), because the runtime calls the named export of the handler file (Runtime.HandlerNotFound): the function fails on every invocation.',
    ]);
    expect(msg(withFunction({ code: node(JS) }))).toEqual([]);
    expect(msg(withFunction({ code: lambda.Code.fromAsset(writeZip([{ name: 'main.js', content: JS }])) }))).toEqual([
      'handler (Handler) is "index.handler" but the code holds no index.js, index.mjs, index.cjs, allowed is a handler whose file is in the package (<file without extension>.<export>), because the runtime loads the handler file from the package root (Runtime.ImportModuleError): the function fails on every invocation.',
    ]);
    const py = { runtime: lambda.Runtime.PYTHON_3_13, handler: 'app.handler' };
    expect(msg(withFunction({ ...py, code: lambda.Code.fromAsset(writeZip([{ name: 'app.py', content: 'def main(event, context):\n    return 1\n' }])) }))).toEqual([
      'handler (Handler) is "app.handler" but app.py defines no handler, allowed is a function app.py defines (app.<function>), because the runtime calls that function of the handler module (Runtime.HandlerNotFound): the function fails on every invocation.',
    ]);
    // The module in a layer zip under python/.
    const stack = withFunction({ ...py, code: lambda.Code.fromAsset(writeZip([{ name: 'README', content: 'x' }])) }, s => ({
      layers: [new lambda.LayerVersion(s, 'Shared', { code: lambda.Code.fromAsset(writeZip([{ name: 'python/app.py', content: 'def other(e, c):\n    return 1\n', deflate: true }])) })],
    }));
    expect(msg(stack)).toEqual([
      'handler (Handler) is "app.handler" but app.py defines no handler, allowed is a function app.py defines (app.<function>), because the runtime calls that function of the handler module (Runtime.HandlerNotFound): the function fails on every invocation.',
    ]);
  });
  test('Java: a jar inside a zip package is inflated and its classes listed', () => {
    const java = { runtime: lambda.Runtime.JAVA_21, handler: 'com.example.Handler::handleRequest' };
    const jar = (cls: string) => fs.readFileSync(writeZip([{ name: cls, content: 'x', deflate: true }]));
    expect(msg(withFunction({ ...java, code: lambda.Code.fromAsset(writeZip([{ name: 'lib/app.jar', content: jar('com/example/Handler.class'), deflate: true }])) }))).toEqual([]);
    expect(msg(withFunction({ ...java, code: lambda.Code.fromAsset(writeZip([{ name: 'lib/app.jar', content: jar('com/example/Other.class') }])) }))).toEqual([
      'handler (Handler) is "com.example.Handler::handleRequest" but the code holds no com/example/Handler.class (nor do lib/app.jar), allowed is a handler class in the package (its classes at the root, or jars at the root or in lib/), because the runtime loads the handler class from the package (ClassNotFoundException): the function fails on every invocation.',
    ]);
  });
  test('Java: the handler class in the package, in a jar under lib/, or missing', () => {
    const java = { runtime: lambda.Runtime.JAVA_21, handler: 'com.example.Handler::handleRequest' };
    expect(msg(withFunction({ ...java, code: lambda.Code.fromAsset(packageDir({ 'com/example/Handler.class': 'x' })) }))).toEqual([]);
    const jar = writeZip([{ name: 'com/example/Handler.class', content: 'x' }]);
    expect(msg(withFunction({ ...java, code: lambda.Code.fromAsset(packageDir({ 'lib/app.jar': fs.readFileSync(jar) })) }))).toEqual([]);
    expect(msg(withFunction({ ...java, code: lambda.Code.fromAsset(jar) }))).toEqual([]);
    const other = writeZip([{ name: 'com/example/Other.class', content: 'x' }]);
    expect(msg(withFunction({ ...java, code: lambda.Code.fromAsset(packageDir({ 'lib/app.jar': fs.readFileSync(other) })) }))).toEqual([
      'handler (Handler) is "com.example.Handler::handleRequest" but the code holds no com/example/Handler.class (nor do lib/app.jar), allowed is a handler class in the package (its classes at the root, or jars at the root or in lib/), because the runtime loads the handler class from the package (ClassNotFoundException): the function fails on every invocation.',
    ]);
  });
});

test('the package of a plain lambda.Function is found through its asset in pack mode', () => {
  const stack = new Stack(new App(), 'Plain');
  new lambda.Function(stack, 'Fn', { ...NODE, architecture: lambda.Architecture.ARM_64, code: lambda.Code.fromAsset(packageDir({ 'index.js': JS, 'x.node': elfHeader(X86_64) })) });
  const found = packMode(stack).filter(r => r.id === 'LambdaBlueprints-LambdaNativeArchitecture');
  expect(found.map(r => r.path)).toEqual(['Plain/Fn/Resource']);
  expect(path.basename(found[0].message)).toContain('x.node (x86_64)');
});
