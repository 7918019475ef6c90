/**
 * The baseline the build's API check compares against: `npx projen release` (publish:git) stores the API it
 * just built in api-baseline/ with build-tools/release/save-api-baseline.sh. Here the script runs in a scratch
 * git repository on this build's assembly (.jsii, compiled before the tests) as release 1.2.3, and
 * api-compat.sh then loads that baseline with its jsii dependencies and finds no breaking change.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.join(__dirname, '..', '..');
const env = {
  ...process.env,
  PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`,
  JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20',
  JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1',
};

function run(cwd: string, command: string, ...args: string[]) {
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf-8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A scratch repository holding what the release has when publish:git starts: .jsii and dist/version.txt. */
function scratchRelease(jsiiVersion: string, releaseVersion: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-baseline-'));
  expect(run(dir, 'git', 'init', '-q').status).toBe(0);
  // The baseline's jsii dependencies (aws-cdk-lib, constructs, cdk-nag) resolve from node_modules, as in the repository.
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  fs.copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  const assembly = JSON.parse(fs.readFileSync(path.join(root, '.jsii'), 'utf-8'));
  fs.writeFileSync(path.join(dir, '.jsii'), JSON.stringify({ ...assembly, version: jsiiVersion }));
  fs.mkdirSync(path.join(dir, 'dist'));
  fs.writeFileSync(path.join(dir, 'dist', 'version.txt'), releaseVersion);
  fs.mkdirSync(path.join(dir, 'build-tools', 'release'), { recursive: true });
  for (const f of ['save-api-baseline.sh', 'compatignore.header']) {
    fs.copyFileSync(path.join(root, 'build-tools', 'release', f), path.join(dir, 'build-tools', 'release', f));
  }
  fs.writeFileSync(path.join(dir, '.compatignore'), 'removed:cdk-lambda-blueprints.BlueprintVpcProps.maxAzs\n');
  return dir;
}

describe('save-api-baseline.sh (the first step of publish:git)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(d => fs.rmSync(d, { recursive: true, force: true })));

  test('stores the release\'s API in api-baseline/, clears .compatignore and stages both; the build\'s check loads it', () => {
    const dir = scratchRelease('1.2.3', '1.2.3');
    dirs.push(dir);
    const saved = run(dir, 'bash', 'build-tools/release/save-api-baseline.sh');
    expect(saved).toEqual({ status: 0, stdout: 'save-api-baseline: api-baseline/ is the API of 1.2.3; .compatignore cleared\n', stderr: '' });
    expect(run(dir, 'git', 'diff', '--cached', '--name-only').stdout.split('\n').filter(l => l)).toEqual(
      ['.compatignore', 'api-baseline/.jsii', 'api-baseline/package.json']);
    expect(fs.readFileSync(path.join(dir, '.compatignore'), 'utf-8')).toBe(
      fs.readFileSync(path.join(root, 'build-tools', 'release', 'compatignore.header'), 'utf-8'));
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'api-baseline', 'package.json'), 'utf-8'));
    expect({ name: pkg.name, version: pkg.version, bundled: pkg.bundledDependencies }).toEqual(
      { name: 'cdk-lambda-blueprints', version: '1.2.3', bundled: ['commander', 'esbuild-wasm'] });

    const check = run(root, 'bash', 'build-tools/release/api-compat.sh', path.join(dir, 'api-baseline'), '.', path.join(dir, 'none'));
    expect(check.stderr).toBe('');
    expect(check.stdout).toBe(`compat: the API of this build against release 1.2.3 (${path.join(dir, 'api-baseline')}/)\n`
      + `compat: no breaking change to a stable API since 1.2.3 that ${path.join(dir, 'none')} does not mark\n`);
    expect(check.status).toBe(0);
  }, 60_000);

  test('refuses an assembly that was not built with the release\'s version', () => {
    const dir = scratchRelease('0.0.0', '1.2.3');
    dirs.push(dir);
    expect(run(dir, 'bash', 'build-tools/release/save-api-baseline.sh')).toEqual({
      status: 1,
      stdout: '',
      stderr: 'save-api-baseline: .jsii is version 0.0.0, the release is 1.2.3: run npx projen release\n',
    });
    expect(fs.existsSync(path.join(dir, 'api-baseline'))).toBe(false);
  });

  test('the repository keeps api-baseline/.jsii (every other .jsii is ignored)', () => {
    expect(run(root, 'git', 'check-ignore', '-q', 'api-baseline/.jsii').status).toBe(1);
    expect(run(root, 'git', 'check-ignore', '-q', '.jsii').status).toBe(0);
  });
});
