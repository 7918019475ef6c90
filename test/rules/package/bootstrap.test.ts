import * as fs from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { BlueprintFunction, BlueprintFunctionProps } from '../../../src';
import { elfVersionedImports } from '../../../src/core/private/elf';
import { writeZip } from '../../layers/fixtures';
import { both, newStack } from '../modes';
import { ARM64, elfHeader, elfImporting, packageDir, X86_64 } from '../packages';

const FN = 'Test/Fn/Function/Resource';
const AL2023 = { runtime: lambda.Runtime.PROVIDED_AL2023, handler: 'bootstrap' };

type Props = Partial<BlueprintFunctionProps> & { code: lambda.Code };
function withFunction(props: Props, extra?: (stack: Stack) => Partial<BlueprintFunctionProps>): Stack {
  const stack = newStack();
  new BlueprintFunction(stack, 'Fn', { ...AL2023, ...props, ...extra?.(stack) });
  return stack;
}

/** A package directory whose bootstrap has the given mode. */
function bootstrapDir(content: string | Buffer, mode: number, extra: Record<string, string | Buffer> = {}): string {
  const dir = packageDir({ bootstrap: content, ...extra });
  fs.chmodSync(path.join(dir, 'bootstrap'), mode);
  return dir;
}

describe('the ELF reader: versioned imports', () => {
  test('reads each imported symbol with its version and library; a file without sections or not ELF gives none', () => {
    const elf = elfImporting(ARM64, [{ symbol: 'memcpy', version: 'GLIBC_2.17' }, { symbol: 'arc4random', version: 'GLIBC_2.36' }]);
    expect(elfVersionedImports(elf)).toEqual([
      { symbol: 'memcpy', version: 'GLIBC_2.17', library: 'libc.so.6' },
      { symbol: 'arc4random', version: 'GLIBC_2.36', library: 'libc.so.6' },
    ]);
    expect(elfVersionedImports(elfHeader(X86_64))).toEqual([]);
    expect(elfVersionedImports(Buffer.from('#!/bin/sh\necho hi\n'))).toEqual([]);
    expect(elfVersionedImports(elf.subarray(0, 200))).toEqual([]); // cut short: the section table is gone
  });
});

describe('LambdaNativeGlibc', () => {
  const REASON = 'the dynamic loader refuses a binary that needs a newer glibc than the runtime\'s OS has ("version GLIBC_x.y not found"): the function fails only when it is invoked';
  const NEW = elfImporting(ARM64, [{ symbol: 'printf', version: 'GLIBC_2.17' }, { symbol: '__libc_start_main', version: 'GLIBC_2.34' }, { symbol: 'arc4random', version: 'GLIBC_2.36' }]);
  test('a bootstrap importing arc4random@GLIBC_2.36 on provided.al2023 (glibc 2.34): the symbol is named', () => {
    expect(both(withFunction({ code: lambda.Code.fromAsset(bootstrapDir(NEW, 0o755)) }), 'LambdaNativeGlibc')).toEqual([{
      id: 'LambdaBlueprints-LambdaNativeGlibc',
      severity: 'error',
      path: FN,
      message: `runtime (Runtime) is "provided.al2023" (Amazon Linux 2023, glibc 2.34) but the code holds bootstrap (imports arc4random@GLIBC_2.36), allowed is binaries that need glibc 2.34 or older (link them against an older glibc, e.g. build on Amazon Linux 2023 or with manylinux wheels for it, or statically: CGO_ENABLED=0 for Go), because ${REASON}.`,
    }]);
  });
  test('the same bootstrap on provided.al2 (glibc 2.26) also fails on __libc_start_main@GLIBC_2.34; a layer\'s library is judged too', () => {
    const stack = withFunction({ runtime: lambda.Runtime.PROVIDED_AL2, code: lambda.Code.fromAsset(bootstrapDir(NEW, 0o755)) }, s => ({
      layers: [new lambda.LayerVersion(s, 'Native', { code: lambda.Code.fromAsset(writeZip([{ name: 'lib/libx.so.1', content: elfImporting(ARM64, [{ symbol: 'getrandom', version: 'GLIBC_2.25' }, { symbol: 'reallocarray', version: 'GLIBC_2.26' }, { symbol: 'memfd_create', version: 'GLIBC_2.27' }]), deflate: true }])) })],
    }));
    expect(both(stack, 'LambdaNativeGlibc').map(r => r.message)).toEqual([
      `runtime (Runtime) is "provided.al2" (Amazon Linux 2, glibc 2.26) but the code holds bootstrap (imports arc4random@GLIBC_2.36 and 1 more symbol above 2.26), allowed is binaries that need glibc 2.26 or older (link them against an older glibc, e.g. build on Amazon Linux 2 or with manylinux wheels for it, or statically: CGO_ENABLED=0 for Go), because ${REASON}.`,
      `runtime (Runtime) is "provided.al2" (Amazon Linux 2, glibc 2.26) but the layer Test/Native holds lib/libx.so.1 (imports memfd_create@GLIBC_2.27), allowed is binaries that need glibc 2.26 or older (link them against an older glibc, e.g. build on Amazon Linux 2 or with manylinux wheels for it, or statically: CGO_ENABLED=0 for Go), because ${REASON}.`,
    ]);
  });
  test('binaries within the runtime\'s glibc and static binaries pass; a Node.js addon on nodejs24.x is judged too', () => {
    const ok = elfImporting(ARM64, [{ symbol: '__libc_start_main', version: 'GLIBC_2.34' }, { symbol: 'memcpy', version: 'GLIBC_2.17' }]);
    expect(both(withFunction({ code: lambda.Code.fromAsset(bootstrapDir(ok, 0o755)) }), 'LambdaNativeGlibc')).toEqual([]);
    expect(both(withFunction({ code: lambda.Code.fromAsset(bootstrapDir(elfHeader(ARM64), 0o755)) }), 'LambdaNativeGlibc')).toEqual([]);
    const node = { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler' };
    expect(both(withFunction({ ...node, code: lambda.Code.fromAsset(packageDir({ 'index.js': 'exports.handler = async () => 1;', 'node_modules/x/x.node': ok })) }), 'LambdaNativeGlibc')).toEqual([]);
    expect(both(withFunction({ ...node, code: lambda.Code.fromAsset(packageDir({ 'index.js': 'exports.handler = async () => 1;', 'node_modules/x/x.node': NEW })) }), 'LambdaNativeGlibc').map(r => r.message)).toEqual([
      `runtime (Runtime) is "nodejs24.x" (Amazon Linux 2023, glibc 2.34) but the code holds node_modules/x/x.node (imports arc4random@GLIBC_2.36), allowed is binaries that need glibc 2.34 or older (link them against an older glibc, e.g. build on Amazon Linux 2023 or with manylinux wheels for it, or statically: CGO_ENABLED=0 for Go), because ${REASON}.`,
    ]);
  });
});

describe('LambdaNativeGlibc counts', () => {
  test('more symbols and more binaries are counted; a runtime whose OS is not known is not judged', () => {
    const many = elfImporting(ARM64, [{ symbol: 'a', version: 'GLIBC_2.35' }, { symbol: 'b', version: 'GLIBC_2.36' }, { symbol: 'c', version: 'GLIBC_2.38' }]);
    const files = Object.fromEntries(['lib/a.so', 'lib/b.so', 'lib/c.so', 'lib/d.so'].map(f => [f, many]));
    expect(both(withFunction({ code: lambda.Code.fromAsset(bootstrapDir(many, 0o755, files)) }), 'LambdaNativeGlibc').map(r => r.message)).toEqual([
      'runtime (Runtime) is "provided.al2023" (Amazon Linux 2023, glibc 2.34) but the code holds bootstrap (imports c@GLIBC_2.38 and 2 more symbols above 2.34), lib/a.so (imports c@GLIBC_2.38 and 2 more symbols above 2.34), lib/b.so (imports c@GLIBC_2.38 and 2 more symbols above 2.34) and 2 more binaries, allowed is binaries that need glibc 2.34 or older (link them against an older glibc, e.g. build on Amazon Linux 2023 or with manylinux wheels for it, or statically: CGO_ENABLED=0 for Go), because the dynamic loader refuses a binary that needs a newer glibc than the runtime\'s OS has ("version GLIBC_x.y not found"): the function fails only when it is invoked.',
    ]);
    const stack = newStack();
    new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.PROVIDED, handler: 'bootstrap', code: lambda.Code.fromAsset(bootstrapDir(many, 0o755)) });
    expect(both(stack, 'LambdaNativeGlibc')).toEqual([]);
  });
});

describe('LambdaBootstrap', () => {
  const FAILS = 'the function fails on every invocation (Runtime.InvalidEntrypoint)';
  test('a bootstrap that is not executable by everyone (644, 744), in a directory and in a zip', () => {
    for (const mode of [0o644, 0o744]) {
      expect(both(withFunction({ code: lambda.Code.fromAsset(bootstrapDir(elfHeader(ARM64), mode)) }), 'LambdaBootstrap')).toEqual([{
        id: 'LambdaBlueprints-LambdaBootstrap',
        severity: 'error',
        path: FN,
        message: `Code is the package of a "provided.al2023" function, whose bootstrap has mode ${mode.toString(8)}, allowed is a bootstrap readable and executable by everyone (mode 755: chmod 755 bootstrap before synth; the asset keeps the mode), because Lambda runs bootstrap as a user that does not own the file: ${FAILS}.`,
      }]);
    }
    const zip = writeZip([{ name: 'bootstrap', content: elfHeader(ARM64), mode: 0o100600 }]);
    expect(both(withFunction({ code: lambda.Code.fromAsset(zip) }), 'LambdaBootstrap').map(r => r.message)).toEqual([
      `Code is the package of a "provided.al2023" function, whose bootstrap has mode 600, allowed is a bootstrap readable and executable by everyone (mode 755: chmod 755 bootstrap before synth; the asset keeps the mode), because Lambda runs bootstrap as a user that does not own the file: ${FAILS}.`,
    ]);
  });
  test('a bootstrap that is not at the root, and none at all', () => {
    expect(both(withFunction({ code: lambda.Code.fromAsset(packageDir({ 'build/bootstrap': elfHeader(ARM64), 'README.md': 'x' })) }), 'LambdaBootstrap').map(r => r.message)).toEqual([
      `Code is the package of a "provided.al2023" function, holding build/bootstrap but no bootstrap at its root, allowed is an executable file named bootstrap at the root of the package (or of a layer: /opt/bootstrap), because an OS-only runtime starts /var/task/bootstrap, else /opt/bootstrap, and nothing else: ${FAILS}.`,
    ]);
    const stack = withFunction({ runtime: lambda.Runtime.PROVIDED_AL2, code: lambda.Code.fromAsset(packageDir({ 'main.go': 'package main\n' })) }, s => ({
      layers: [new lambda.LayerVersion(s, 'Tools', { code: lambda.Code.fromAsset(packageDir({ 'bin/tool': elfHeader(ARM64) })) })],
    }));
    expect(both(stack, 'LambdaBootstrap').map(r => r.message)).toEqual([
      `Code is the package of a "provided.al2" function, holding no bootstrap (nor do its layers), allowed is an executable file named bootstrap at the root of the package (or of a layer: /opt/bootstrap), because an OS-only runtime starts /var/task/bootstrap, else /opt/bootstrap, and nothing else: ${FAILS}.`,
    ]);
  });
  test('an executable bootstrap at the root, one in a layer built in the stack, a layer not on this machine, and other runtimes pass', () => {
    expect(both(withFunction({ code: lambda.Code.fromAsset(bootstrapDir(elfHeader(ARM64), 0o755)) }), 'LambdaBootstrap')).toEqual([]);
    expect(both(withFunction({ code: lambda.Code.fromAsset(writeZip([{ name: 'bootstrap', content: '#!/bin/sh\n', mode: 0o100755 }])) }), 'LambdaBootstrap')).toEqual([]);
    const inLayer = withFunction({ code: lambda.Code.fromAsset(packageDir({ 'handler.sh': 'echo\n' })) }, s => ({
      layers: [new lambda.LayerVersion(s, 'Runtime', { code: lambda.Code.fromAsset(bootstrapDir('#!/bin/sh\n', 0o755)) })],
    }));
    expect(both(inLayer, 'LambdaBootstrap')).toEqual([]);
    const imported = withFunction({ code: lambda.Code.fromAsset(packageDir({ 'handler.sh': 'echo\n' })) }, s => ({
      layers: [lambda.LayerVersion.fromLayerVersionArn(s, 'Imported', 'arn:aws:lambda:us-east-1:123456789012:layer:runtime:1')],
    }));
    expect(both(imported, 'LambdaBootstrap')).toEqual([]);
    expect(both(withFunction({ runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromAsset(packageDir({ 'index.js': 'exports.handler = async () => 1;', 'bin/bootstrap': 'x' })) }), 'LambdaBootstrap')).toEqual([]);
  });
});

describe('LambdaNativeArchitecture on a Go bootstrap', () => {
  test('an x86_64 bootstrap in an arm64 function names GOARCH; an arm64 one passes', () => {
    expect(both(withFunction({ code: lambda.Code.fromAsset(bootstrapDir(elfHeader(X86_64), 0o755)) }), 'LambdaNativeArchitecture').map(r => r.message)).toEqual([
      'architecture (Architectures) is "arm64" but the code holds bootstrap (x86_64), allowed is native binaries built for arm64 (rebuild them for arm64, e.g. GOOS=linux GOARCH=arm64 go build for a Go bootstrap, or set the function\'s architecture to match), because Lambda cannot load a binary built for another instruction set: the function fails only when it is invoked.',
    ]);
    expect(both(withFunction({ code: lambda.Code.fromAsset(bootstrapDir(elfHeader(ARM64), 0o755)) }), 'LambdaNativeArchitecture')).toEqual([]);
  });
});
