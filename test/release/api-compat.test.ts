/**
 * The build's API check (npx projen compat, after every compile): build-tools/release/api-compat.sh runs
 * jsii-diff between the last release's API (api-baseline/, stored by `npx projen release`) and this build's.
 * Here it runs on two tiny assemblies written by the test: a breaking change to a stable API fails, the same
 * change marked in the ignore file passes, an experimental API may change, and without a baseline there is
 * nothing to compare.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.join(__dirname, '..', '..');
const script = path.join(root, 'build-tools', 'release', 'api-compat.sh');

type Stability = 'stable' | 'experimental';
interface TinyApi {
  readonly version: string;
  /** Properties of the stable struct WidgetProps. */
  readonly widgetProps: string[];
  /** Methods of the experimental class Gadget. */
  readonly gadgetMethods: string[];
}

/** A jsii module directory (package.json with a jsii section, and .jsii) holding a tiny API. */
function writeModule(dir: string, api: TinyApi): string {
  fs.mkdirSync(dir, { recursive: true });
  const docs = (stability: Stability) => ({ stability, summary: 'A tiny type.' });
  const assembly = {
    schema: 'jsii/0.10.0',
    name: 'tiny-api',
    version: api.version,
    description: 'tiny',
    license: 'Apache-2.0',
    homepage: 'https://example.com',
    repository: { type: 'git', url: 'https://example.com/tiny.git' },
    author: { name: 'test', roles: ['author'] },
    fingerprint: `tiny-${api.version}`,
    jsiiVersion: '5.9.0',
    docs: { stability: 'stable' },
    targets: { js: { npm: 'tiny-api' } },
    types: {
      'tiny-api.WidgetProps': {
        assembly: 'tiny-api',
        datatype: true,
        docs: docs('stable'),
        fqn: 'tiny-api.WidgetProps',
        kind: 'interface',
        name: 'WidgetProps',
        properties: api.widgetProps.map(name => ({ abstract: true, immutable: true, name, optional: true, type: { primitive: 'string' }, docs: docs('stable') })),
      },
      'tiny-api.Widget': {
        assembly: 'tiny-api',
        docs: docs('stable'),
        fqn: 'tiny-api.Widget',
        kind: 'class',
        name: 'Widget',
        initializer: { docs: docs('stable'), parameters: [{ name: 'props', type: { fqn: 'tiny-api.WidgetProps' } }] },
      },
      'tiny-api.Gadget': {
        assembly: 'tiny-api',
        docs: docs('experimental'),
        fqn: 'tiny-api.Gadget',
        kind: 'class',
        name: 'Gadget',
        initializer: { docs: docs('experimental') },
        methods: api.gadgetMethods.map(name => ({ docs: docs('experimental'), name })),
      },
    },
  };
  fs.writeFileSync(path.join(dir, '.jsii'), JSON.stringify(assembly));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'tiny-api', version: api.version, jsii: { outdir: 'dist', targets: {} } }));
  return dir;
}

function compat(...args: string[]) {
  const result = spawnSync('bash', [script, ...args], {
    cwd: root,
    encoding: 'utf-8',
    env: {
      ...process.env,
      PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`,
      JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20',
      JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1',
    },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('api-compat.sh: jsii-diff against the last release', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'api-compat-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const released = writeModule(path.join(tmp, 'released'), { version: '0.1.0', widgetProps: ['color', 'size'], gadgetMethods: ['spin'] });
  const noIgnore = path.join(tmp, 'no-ignore-file');

  test('a stable struct property removed fails, naming the property and its suppression key', () => {
    const updated = writeModule(path.join(tmp, 'color-removed'), { version: '0.0.0', widgetProps: ['size'], gadgetMethods: ['spin'] });
    const r = compat(released, updated, noIgnore);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`compat: the API of this build against release 0.1.0 (${released}/)`);
    expect(r.stdout).not.toContain('compat: no breaking change');
    expect(r.stderr).toContain('err  - PROP tiny-api.WidgetProps.color: has been removed [removed:tiny-api.WidgetProps.color]');
  });

  test('the same removal marked by its key in the ignore file passes', () => {
    const updated = writeModule(path.join(tmp, 'color-removed-marked'), { version: '0.0.0', widgetProps: ['size'], gadgetMethods: ['spin'] });
    const ignore = path.join(tmp, 'compatignore');
    fs.writeFileSync(ignore, '# meant\nremoved:tiny-api.WidgetProps.color\n');
    const r = compat(released, updated, ignore);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`compat: no breaking change to a stable API since 0.1.0 that ${ignore} does not mark`);
  });

  test('a method of an experimental class removed is reported but passes', () => {
    const updated = writeModule(path.join(tmp, 'spin-removed'), { version: '0.0.0', widgetProps: ['color', 'size'], gadgetMethods: [] });
    const r = compat(released, updated, noIgnore);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('warn - METHOD tiny-api.Gadget.spin: has been removed [removed:tiny-api.Gadget.spin]');
  });

  test('an added optional property passes', () => {
    const updated = writeModule(path.join(tmp, 'name-added'), { version: '0.0.0', widgetProps: ['color', 'name', 'size'], gadgetMethods: ['spin'] });
    const r = compat(released, updated, noIgnore);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  test('before the first release there is no baseline: nothing to compare', () => {
    const r = compat(path.join(tmp, 'no-release-yet'), released, noIgnore);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`compat: no released API in ${path.join(tmp, 'no-release-yet')}/ yet (the first release stores it there): nothing to compare\n`);
  });
});

describe('the build runs the API check', () => {
  const tasks = JSON.parse(fs.readFileSync(path.join(root, '.projen', 'tasks.json'), 'utf-8')).tasks;

  test('post-compile spawns compat, which runs api-compat.sh on api-baseline/', () => {
    expect(tasks['post-compile'].steps).toContainEqual({ spawn: 'compat' });
    expect(tasks.compat.steps[0].exec).toBe('bash build-tools/release/api-compat.sh');
    expect(fs.readFileSync(script, 'utf-8')).toContain('baseline=${1:-api-baseline}');
  });

  test('the release stores the released API as the next baseline before its release commit', () => {
    expect(tasks.release.steps.map((s: any) => s.spawn ?? s.exec ?? s.execArgs?.join(' '))).toEqual(
      ['rm -fr dist', 'bump', 'bash build-tools/release/check-new-version.sh', 'build', 'unbump', 'git diff --ignore-space-at-eol --exit-code', 'publish:git']);
    // package-lock.json's copy of the version goes back to 0.0.0 with package.json's.
    expect(tasks.unbump.steps).toEqual([{ builtin: 'release/reset-version' }, { exec: 'bash build-tools/release/unbump-lock.sh' }]);
    expect(tasks['publish:git'].steps).toEqual([
      { exec: 'bash build-tools/release/save-api-baseline.sh' },
      { builtin: 'release/update-changelog' },
      { builtin: 'release/tag-version' },
    ]);
  });
});
