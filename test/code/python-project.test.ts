import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { synthFunctionCode, TempProject } from './project';
import { BlueprintCode, BlueprintFunction } from '../../src';
import { elfArchitecture } from '../../src/core/private/elf';
import { both, constructMode, newStack, ofRule } from '../rules/modes';

// These tests install a small wheel with a C extension (markupsafe) from PyPI with the machine's pip.
const APP = { 'app.py': 'from markupsafe import escape\n\ndef handler(event, context):\n    return str(escape(event["name"]))\n', 'requirements.txt': 'markupsafe==3.0.2\n' };

function synth(p: TempProject, architecture = lambda.Architecture.ARM_64, runtime = lambda.Runtime.PYTHON_3_13) {
  const { stack, key, asset, error } = synthFunctionCode({ runtime, architecture, handler: 'app.handler', code: BlueprintCode.fromPythonProject(p.root, { cacheDir: p.cacheDir }) });
  return { stack, key, dir: asset, error };
}

describe('BlueprintCode.fromPythonProject', () => {
  test('installs the requirements as manylinux wheels for the function\'s Python version and architecture', () => {
    const p = new TempProject(APP);
    const arm = synth(p);
    expect(arm.error).toBe('');
    const so = path.join(arm.dir, 'markupsafe', '_speedups.cpython-313-aarch64-linux-gnu.so');
    expect(elfArchitecture(so)).toBe('arm64');
    expect(fs.existsSync(path.join(arm.dir, 'app.py'))).toBe(true);
    expect(ofRule(constructMode(arm.stack), 'LambdaNativeArchitecture')).toEqual([]);
    const x86 = synth(p, lambda.Architecture.X86_64, lambda.Runtime.PYTHON_3_12);
    expect(elfArchitecture(path.join(x86.dir, 'markupsafe', '_speedups.cpython-312-x86_64-linux-gnu.so'))).toBe('x86_64');
    expect(x86.key).not.toBe(arm.key);
  });

  test('an unchanged project reuses the installed requirements (pip does not run); the key follows the files', () => {
    const p = new TempProject(APP);
    const first = synth(p).key;
    process.env.CDK_LAMBDA_BLUEPRINTS_PYTHON = '/nonexistent/python3';
    try {
      expect(synth(p).key).toBe(first); // pip would fail: the cache was used
      p.write({ 'app.py': `${APP['app.py']}# changed\n` });
      const second = synth(p).key;
      expect(second).not.toBe(first);
      p.write({ 'requirements.txt': 'markupsafe==3.0.1\n' });
      expect(synth(p).error).toMatch(/could not run \(ENOENT\)/); // a new requirement needs pip
    } finally {
      delete process.env.CDK_LAMBDA_BLUEPRINTS_PYTHON;
    }
  });

  test('a requirement pip cannot resolve for the platform, pip missing, and a non-Python runtime fail the synth', () => {
    const p = new TempProject({ 'app.py': 'def handler(e, c):\n    return 1\n', 'requirements.txt': 'no-such-package-cdk-lambda-blueprints==9.9.9\n' });
    expect(synth(p).error).toMatch(/\[S\/Fn\] LambdaBlueprints-LambdaCodePackage: Code is BlueprintCode\.fromPythonProject\(".*"\), allowed is requirements pip can install as manylinux2014_aarch64 wheels for CPython 3\.13 \(arm64\), because pip could not install them: ERROR: Could not find a version that satisfies the requirement no-such-package-cdk-lambda-blueprints==9\.9\.9.*\./);
    process.env.CDK_LAMBDA_BLUEPRINTS_PYTHON = '/nonexistent/python3';
    try {
      expect(synth(p).error).toMatch(/because \/nonexistent\/python3 -m pip could not run \(ENOENT\): install Python 3 with pip, or point CDK_LAMBDA_BLUEPRINTS_PYTHON at it\./);
    } finally {
      delete process.env.CDK_LAMBDA_BLUEPRINTS_PYTHON;
    }
    expect(synth(p, lambda.Architecture.ARM_64, lambda.Runtime.NODEJS_22_X).error).toMatch(/Runtime is "nodejs22\.x" for BlueprintCode\.fromPythonProject\(".*"\), allowed is a Python 3 runtime \(python3\.<minor>\), because the project's requirements are installed for CPython\./);
  });
});

test('a wheel pip installed for x86_64, vendored into an arm64 function\'s directory, is refused naming the file and both architectures', () => {
  const p = new TempProject({ 'app.py': APP['app.py'] });
  const run = spawnSync('python3', ['-m', 'pip', 'install', 'markupsafe==3.0.2', '--target', p.root, '--platform', 'manylinux2014_x86_64', '--only-binary=:all:',
    '--python-version', '3.13', '--implementation', 'cp', '--no-compile', '--disable-pip-version-check', '--quiet'], { encoding: 'utf-8' });
  expect(run.status).toBe(0);
  const stack = newStack();
  new BlueprintFunction(stack, 'Fn', { runtime: lambda.Runtime.PYTHON_3_13, handler: 'app.handler', code: BlueprintCode.fromDirectory(p.root) });
  expect(both(stack, 'LambdaNativeArchitecture').map(r => r.message)).toEqual([
    expect.stringMatching(/^architecture \(Architectures\) is "arm64" but the code holds markupsafe\/_speedups\.cpython-313-x86_64-linux-gnu\.so \(x86_64\), allowed is native binaries built for arm64/),
  ]);
});
