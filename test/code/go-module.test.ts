import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { synthFunctionCode } from './project';
import { BlueprintCode, BlueprintGoModuleOptions } from '../../src';
import { elfArchitecture } from '../../src/core/private/elf';
import { withEnv } from '../helpers';
import { constructMode, ofRule, packMode } from '../rules/modes';

// These tests build test/code/go-hello (aws-lambda-go v1.55.1) with the machine's Go toolchain; modules come
// through the Go module proxy into .cache/go-mod (test/setup/unit-tests.ts points GOMODCACHE there).
const FIXTURE = path.join(__dirname, 'go-hello');

/** A copy of the fixture module in a fresh folder (so that a test can change it) with its own cache. */
function tempModule(): { root: string; cacheDir: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'blueprint-go-'));
  fs.cpSync(FIXTURE, root, { recursive: true });
  return { root, cacheDir: path.join(root, '.bundle-cache') };
}

function synth(dir: string, options: BlueprintGoModuleOptions, architecture = lambda.Architecture.ARM_64, runtime = lambda.Runtime.PROVIDED_AL2023) {
  const { stack, key, asset, error } = synthFunctionCode({ runtime, architecture, handler: 'bootstrap', code: BlueprintCode.fromGoModule(dir, options) });
  return { stack, key, dir: asset, error };
}

describe('BlueprintCode.fromGoModule', () => {
  const m = tempModule();

  test('builds bootstrap for the function\'s architecture: linux, static, lambda.norpc, trimmed paths, executable, alone in the package', () => {
    const arm = synth(m.root, { cacheDir: m.cacheDir });
    expect(arm.error).toBe('');
    expect(fs.readdirSync(arm.dir)).toEqual(['bootstrap']);
    const bootstrap = path.join(arm.dir, 'bootstrap');
    expect(elfArchitecture(bootstrap)).toBe('arm64');
    expect((fs.statSync(bootstrap).mode % 0o1000).toString(8)).toBe('755');
    const bytes = fs.readFileSync(bootstrap);
    expect(bytes.includes('aws-lambda-go/lambda')).toBe(true);
    expect(bytes.includes('net/rpc')).toBe(false); // lambda.norpc leaves the go1.x RPC mode out
    expect(bytes.includes(m.root)).toBe(false); // -trimpath
    expect(ofRule(constructMode(arm.stack), 'LambdaNativeArchitecture')).toEqual([]);
    const x86 = synth(m.root, { cacheDir: m.cacheDir }, lambda.Architecture.X86_64);
    expect(elfArchitecture(path.join(x86.dir, 'bootstrap'))).toBe('x86_64');
    expect(x86.key).not.toBe(arm.key);
  });

  test('an unchanged module reuses the built binary (go does not run); the key follows the sources', () => {
    const first = synth(m.root, { cacheDir: m.cacheDir }).key;
    withEnv({ CDK_LAMBDA_BLUEPRINTS_GO: '/nonexistent/go' }, () => {
      expect(synth(m.root, { cacheDir: m.cacheDir }).key).toBe(first); // go would fail: the cache was used
      fs.appendFileSync(path.join(m.root, 'main.go'), '\nfunc unused() string { return "changed" }\n');
      expect(synth(m.root, { cacheDir: m.cacheDir }).error).toMatch(/because \/nonexistent\/go could not run \(ENOENT\)/); // a change needs go
    });
    const changed = synth(m.root, { cacheDir: m.cacheDir });
    expect(changed.error).toBe('');
    expect(changed.key).not.toBe(first);
  });

  test('without the Go toolchain on PATH the synth fails naming what to install', () => {
    const fresh = tempModule();
    const error = withEnv({ PATH: '/nonexistent' }, () => synth(fresh.root, { cacheDir: fresh.cacheDir }).error);
    expect(error).toContain(`[S/Fn] LambdaBlueprints-LambdaCodePackage: Code is BlueprintCode.fromGoModule(${JSON.stringify(fresh.root)}) (package "."), allowed is a main package that go build compiles for linux/arm64, because go could not run (ENOENT): install the Go toolchain (https://go.dev/doc/install, or the golang package of your system) and put go on PATH, or point CDK_LAMBDA_BLUEPRINTS_GO at the go binary.`);
  });

  test('a package that does not compile fails the synth with go\'s file:line message', () => {
    const broken = tempModule();
    fs.writeFileSync(path.join(broken.root, 'broken.go'), 'package main\n\nfunc broken() int { return "text" }\n');
    expect(synth(broken.root, { cacheDir: broken.cacheDir }).error).toContain(
      `[S/Fn] LambdaBlueprints-LambdaCodePackage: Code is BlueprintCode.fromGoModule(${JSON.stringify(broken.root)}) (package "."), allowed is a main package that go build compiles for linux/arm64, because go build failed: # example.com/hello; ./broken.go:3:28: cannot use "text" (untyped string constant) as int value in return statement.`);
  });

  test('a runtime other than provided.*, and a directory without go.mod, fail the synth', () => {
    expect(synth(m.root, { cacheDir: m.cacheDir }, lambda.Architecture.ARM_64, lambda.Runtime.NODEJS_22_X).error).toContain(
      `[S/Fn] LambdaBlueprints-LambdaCodePackage: Runtime is "nodejs22.x" for BlueprintCode.fromGoModule(${JSON.stringify(m.root)}), allowed is an OS-only runtime (provided.al2023 or provided.al2), because the Go binary is its own runtime: Lambda runs the package's bootstrap.`);
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'blueprint-go-empty-'));
    expect(synth(empty, {}).error).toContain(
      `[S/Fn] LambdaBlueprints-LambdaCodePackage: Code is BlueprintCode.fromGoModule(${JSON.stringify(empty)}), allowed is a Go module directory (holding go.mod), because go build compiles the module's main package.`);
  });

  test('with cgo the binary links the build host\'s glibc: a symbol newer than the runtime\'s glibc fails the synth, naming it', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'blueprint-go-cgo-'));
    fs.writeFileSync(path.join(root, 'go.mod'), 'module example.com/cgo\n\ngo 1.21\n');
    fs.writeFileSync(path.join(root, 'main.go'), 'package main\n\n// #include <stdlib.h>\nimport "C"\n\nimport "fmt"\n\nfunc main() { fmt.Println(uint32(C.arc4random())) }\n');
    // The build host's glibc (2.36 on Debian 12) has arc4random; Amazon Linux 2023's (2.34) does not.
    const built = synth(root, { cacheDir: path.join(root, '.bundle-cache'), cgoEnabled: true }, lambda.Architecture.X86_64);
    expect(built.error).toBe([
      'Validation failed with the following errors:',
      '  [S/Fn/Function/Resource] LambdaBlueprints-LambdaNativeGlibc: runtime (Runtime) is "provided.al2023" (Amazon Linux 2023, glibc 2.34) but the code holds bootstrap (imports arc4random@GLIBC_2.36), allowed is binaries that need glibc 2.34 or older (link them against an older glibc, e.g. build on Amazon Linux 2023 or with manylinux wheels for it, or statically: CGO_ENABLED=0 for Go), because the dynamic loader refuses a binary that needs a newer glibc than the runtime\'s OS has ("version GLIBC_x.y not found"): the function fails only when it is invoked.',
    ].join('\n'));
    // Without cgo the same call does not compile, and the default build is static (nothing to judge).
    expect(ofRule(constructMode(synth(m.root, { cacheDir: m.cacheDir }, lambda.Architecture.X86_64).stack), 'LambdaNativeGlibc')).toEqual([]);
  });

  test('a plain lambda.Function gets an x86_64 binary (options.architecture otherwise): on arm64 the pack reports the wrong architecture', () => {
    const stack = new Stack(new App(), 'Plain');
    new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.PROVIDED_AL2023, architecture: lambda.Architecture.ARM_64, handler: 'bootstrap', code: BlueprintCode.fromGoModule(m.root, { cacheDir: m.cacheDir }) });
    expect(ofRule(packMode(stack), 'LambdaNativeArchitecture').map(r => r.message)).toEqual([
      'architecture (Architectures) is "arm64" but the code holds bootstrap (x86_64), allowed is native binaries built for arm64 (rebuild them for arm64, e.g. GOOS=linux GOARCH=arm64 go build for a Go bootstrap, or set the function\'s architecture to match), because Lambda cannot load a binary built for another instruction set: the function fails only when it is invoked.',
    ]);
    const fixed = new Stack(new App(), 'Plain');
    new lambda.Function(fixed, 'Fn', { runtime: lambda.Runtime.PROVIDED_AL2023, architecture: lambda.Architecture.ARM_64, handler: 'bootstrap', code: BlueprintCode.fromGoModule(m.root, { cacheDir: m.cacheDir, architecture: lambda.Architecture.ARM_64 }) });
    expect(ofRule(packMode(fixed), 'LambdaNativeArchitecture')).toEqual([]);
  });
});
