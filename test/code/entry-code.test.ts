import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { APP_FILES, TempProject, TINY_FILES } from './project';
import { BlueprintCode, BlueprintFunction, BundleFormat } from '../../src';
import * as esbuild from '../../src/code/private/esbuild';

function synthFunction(code: lambda.Code, handler = 'index.handler', runtime = lambda.Runtime.NODEJS_22_X) {
  const app = new App();
  const stack = new Stack(app, 'S');
  new BlueprintFunction(stack, 'Fn', { runtime, handler, code });
  const assembly = app.synth();
  const template = Template.fromStack(stack);
  const fn = Object.values(template.findResources('AWS::Lambda::Function'))[0];
  return { app, stack, template, fn, assembly };
}

function assetDir(assembly: ReturnType<App['synth']>, fn: any): string {
  const key: string = fn.Properties.Code.S3Key;
  return path.join(assembly.directory, `asset.${key.replace(/\.zip$/, '')}`);
}

describe('BlueprintCode.fromEntry', () => {
  test('bundles a TypeScript entry with its dependency into a content-hashed asset, AWS SDK external, source mapped', () => {
    const p = new TempProject(APP_FILES);
    const { fn, assembly } = synthFunction(BlueprintCode.fromEntry(p.path('src/handler.ts'), { cacheDir: p.cacheDir }), 'app.handler');
    expect(fn.Properties.Code.S3Key).toMatch(/^[0-9a-f]{64}\.zip$/);
    expect(fn.Properties.Handler).toBe('app.handler');
    expect(fn.Properties.Environment.Variables.NODE_OPTIONS).toBe('--enable-source-maps');
    const dir = assetDir(assembly, fn);
    expect(fs.readdirSync(dir).sort()).toEqual(['app.js', 'app.js.map']);
    const text = fs.readFileSync(path.join(dir, 'app.js'), 'utf-8');
    expect(text).toContain('toUpperCase()'); // the dependency is bundled
    expect(text).toContain('require("@aws-sdk/client-s3")'); // the SDK is left to the runtime
    expect(text).toContain('//# sourceMappingURL=app.js.map');
    expect(text).not.toContain(': string'); // TypeScript types stripped
    const map = JSON.parse(fs.readFileSync(path.join(dir, 'app.js.map'), 'utf-8'));
    expect(map.sources).toEqual(expect.arrayContaining(['src/handler.ts', 'src/greet.ts', 'node_modules/shouty/index.js']));
    expect(map.sourcesContent).toBeUndefined();
  });

  test('the bundle targets the function\'s Node.js version', () => {
    const p = new TempProject({ 'src/h.ts': 'export const handler = async (e?: { a?: { b: number } }) => e?.a?.b ?? 0;\n' });
    const at = (runtime: lambda.Runtime) => {
      const { fn, assembly } = synthFunction(BlueprintCode.fromEntry(p.path('src/h.ts'), { cacheDir: p.cacheDir, inlineThresholdBytes: 0 }), 'index.handler', runtime);
      return fs.readFileSync(path.join(assetDir(assembly, fn), 'index.js'), 'utf-8');
    };
    // Node.js 22 keeps optional chaining; the same entry for nodejs10.x (allowed with the opt-out) is lowered.
    expect(at(lambda.Runtime.NODEJS_22_X)).toContain('?.');
    expect(() => at(lambda.Runtime.NODEJS_10_X)).toThrow(); // deprecated runtime refused, but the bundle was lowered:
    const cache = fs.readdirSync(path.join(p.cacheDir, 'out')).map(d => fs.readFileSync(path.join(p.cacheDir, 'out', d, 'index.js'), 'utf-8'));
    expect(cache.some(t => !t.includes('?.'))).toBe(true);
  });

  test('ESM for .mts entries or format ESM: a .mjs bundle with a require shim', () => {
    const p = new TempProject({ ...APP_FILES, 'src/esm.mts': 'export const handler = async () => 1;\n' });
    const a = synthFunction(BlueprintCode.fromEntry(p.path('src/esm.mts'), { cacheDir: p.cacheDir }));
    expect(fs.readdirSync(assetDir(a.assembly, a.fn)).sort()).toEqual(['index.mjs', 'index.mjs.map']);
    const b = synthFunction(BlueprintCode.fromEntry(p.path('src/handler.ts'), { cacheDir: p.cacheDir, format: BundleFormat.ESM, sourceMap: false, minify: true }));
    const dir = assetDir(b.assembly, b.fn);
    expect(fs.readdirSync(dir)).toEqual(['index.mjs']);
    const text = fs.readFileSync(path.join(dir, 'index.mjs'), 'utf-8');
    expect(text).toMatch(/^import \{ createRequire as __blueprintRequire \} from 'module'; const require = __blueprintRequire\(import\.meta\.url\);\n/);
    expect(text).toMatch(/export\{\S+ as client,\S+ as handler\}/);
    expect(b.fn.Properties.Environment?.Variables?.NODE_OPTIONS).toBeUndefined();
  });

  test('a small dependency-free CommonJS index bundle is inlined (Code.ZipFile); otherwise an asset', () => {
    const p = new TempProject(TINY_FILES);
    const inline = synthFunction(BlueprintCode.fromEntry(p.path('tiny.ts'), { cacheDir: p.cacheDir }));
    expect(inline.fn.Properties.Code.ZipFile).toContain('e.n * 2');
    expect(inline.fn.Properties.Code.ZipFile).not.toContain('sourceMappingURL');
    expect(inline.fn.Properties.Environment?.Variables?.NODE_OPTIONS).toBeUndefined();
    const other = synthFunction(BlueprintCode.fromEntry(p.path('tiny.ts'), { cacheDir: p.cacheDir }), 'app.handler');
    expect(other.fn.Properties.Code.S3Key).toBeDefined();
    const noInline = synthFunction(BlueprintCode.fromEntry(p.path('tiny.ts'), { cacheDir: p.cacheDir, inlineThresholdBytes: 0 }));
    expect(noInline.fn.Properties.Code.S3Key).toBeDefined();
  });

  test('the user\'s NODE_OPTIONS are kept, --enable-source-maps added', () => {
    const p = new TempProject(APP_FILES);
    const stack = new Stack(new App(), 'S');
    new BlueprintFunction(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: BlueprintCode.fromEntry(p.path('src/handler.ts'), { cacheDir: p.cacheDir }), environment: { NODE_OPTIONS: '--max-old-space-size=512' } });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', { Environment: { Variables: { NODE_OPTIONS: '--max-old-space-size=512 --enable-source-maps' } } });
  });

  test('works with a plain lambda.Function (index.handler, Node.js 20 unless runtime given)', () => {
    const p = new TempProject(APP_FILES);
    const app = new App();
    const stack = new Stack(app, 'S');
    new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: BlueprintCode.fromEntry(p.path('src/handler.ts'), { cacheDir: p.cacheDir }) });
    const assembly = app.synth();
    const fn = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function'))[0];
    expect(fs.readdirSync(assetDir(assembly, fn)).sort()).toEqual(['index.js', 'index.js.map']);
  });

  test('a missing entry, an entry that does not compile and a non-Node.js runtime fail the synth, naming the construct path', () => {
    const p = new TempProject({ 'bad.ts': 'export const handler = async () => {\n  return 1 +;\n};\n' });
    const app = new App();
    const stack = new Stack(app, 'S');
    const code = (file: string) => BlueprintCode.fromEntry(p.path(file), { cacheDir: p.cacheDir });
    new BlueprintFunction(stack, 'Missing', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: code('nope.ts') });
    new BlueprintFunction(stack, 'Broken', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: code('bad.ts') });
    new BlueprintFunction(stack, 'Python', { runtime: lambda.Runtime.PYTHON_3_13, handler: 'index.handler', code: code('bad.ts') });
    let message = '';
    try { app.synth(); } catch (e) { message = (e as Error).message; }
    expect(message).toMatch(/\[S\/Missing\] LambdaBlueprints-LambdaCodePackage: Code is BlueprintCode\.fromEntry\(".*nope\.ts"\), allowed is a TypeScript or JavaScript entry that exists and compiles, because .*nope\.ts does not exist or is not a file\./);
    expect(message).toMatch(/\[S\/Broken\] LambdaBlueprints-LambdaCodePackage: Code is BlueprintCode\.fromEntry\(".*bad\.ts"\), allowed is a TypeScript or JavaScript entry that exists and compiles, because esbuild could not bundle it: bad\.ts:2:12: Unexpected ";"\./);
    expect(message).toMatch(/\[S\/Python\] LambdaBlueprints-LambdaCodePackage: Runtime is "python3\.13" for BlueprintCode\.fromEntry\(".*bad\.ts"\), allowed is a Node\.js runtime \(nodejs<version>\.x\), because the entry is bundled into JavaScript\./);
  });
});

describe('fromEntry asset keys and cache', () => {
  const keyOf = (p: TempProject, handler = 'app.handler') => synthFunction(BlueprintCode.fromEntry(p.path('src/handler.ts'), { cacheDir: p.cacheDir }), handler).fn.Properties.Code.S3Key as string;

  test('the key changes when (and only when) the handler or a bundled dependency changes', () => {
    const p = new TempProject(APP_FILES);
    const first = keyOf(p);
    expect(keyOf(p)).toBe(first); // nothing changed
    p.write({ 'src/unrelated.ts': 'export const x = 1;\n', 'README.md': 'notes' });
    expect(keyOf(p)).toBe(first); // files the bundle does not read
    p.write({ 'src/greet.ts': 'export const greet = (name: string): string => `hi ${name}`;\n' });
    const second = keyOf(p);
    expect(second).not.toBe(first); // a local module
    p.write({ 'node_modules/shouty/index.js': 'exports.shout = (s) => s.toUpperCase() + "!!";\n' });
    const third = keyOf(p);
    expect(third).not.toBe(second); // a dependency in node_modules
    p.write({ 'src/greet.ts': 'export const greet = (name: string): string => `hi ${name}`;  // same code, new comment\n' });
    expect(keyOf(p)).toBe(third); // the bundle's bytes are the same: same key
    // The same project in another folder bundles to the same key (source map paths are relative).
    const q = new TempProject(APP_FILES);
    q.write({ 'src/greet.ts': 'export const greet = (name: string): string => `hi ${name}`;\n', 'node_modules/shouty/index.js': 'exports.shout = (s) => s.toUpperCase() + "!!";\n' });
    expect(keyOf(q)).toBe(third);
  });

  test('the bundled esbuild-wasm writes the same bundle (same key) as the native esbuild', () => {
    const native = new TempProject(APP_FILES);
    const wasm = new TempProject(APP_FILES);
    process.env.CDK_LAMBDA_BLUEPRINTS_ESBUILD = 'wasm';
    try {
      expect(keyOf(wasm)).toBe(keyOf(native));
    } finally {
      delete process.env.CDK_LAMBDA_BLUEPRINTS_ESBUILD;
    }
  });

  test('an unchanged tree reuses the cached bundle without running esbuild', () => {
    const p = new TempProject(APP_FILES);
    keyOf(p);
    const out = path.join(p.cacheDir, 'out');
    const [dir] = fs.readdirSync(out);
    const mtime = fs.statSync(path.join(out, dir, 'app.js')).mtimeMs;
    const spy = jest.spyOn(esbuild, 'esbuildFor');
    try {
      keyOf(p);
      expect(spy).not.toHaveBeenCalled();
      expect(fs.readdirSync(out)).toEqual([dir]);
      expect(fs.statSync(path.join(out, dir, 'app.js')).mtimeMs).toBe(mtime);
      p.write({ 'src/greet.ts': 'export const greet = (n: string): string => n;\n' });
      keyOf(p);
      expect(spy).toHaveBeenCalledTimes(1); // an input changed: esbuild runs again
    } finally {
      spy.mockRestore();
    }
  });
});
