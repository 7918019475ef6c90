import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { esbuildFor, formatMessage } from './esbuild';
import { BundleFormat } from '../options';

/** Bumped when the bundler changes what it writes: older cache entries are then ignored. */
const CACHE_VERSION = 1;
/** Files next to the entry's package root that change how esbuild resolves or compiles. */
const PROJECT_FILES = ['package.json', 'tsconfig.json'];

/** What to bundle and how. */
export interface BundleRequest {
  /** Absolute path of the entry file. */
  readonly entry: string;
  readonly format: BundleFormat;
  /** The handler's file without extension, relative to the package root (`index`, `src/app`). */
  readonly moduleName: string;
  /** Node.js major version targeted (`20`). */
  readonly nodeMajor: number;
  readonly minify: boolean;
  readonly sourceMap: boolean;
  /** Modules left out of the bundle (always with `@aws-sdk/*`). */
  readonly external: readonly string[];
  readonly cacheDir: string;
}

/** A bundle on disk, ready to be an asset. */
export interface Bundle {
  /** Directory holding the package (the handler file and its source map). */
  readonly dir: string;
  /** The handler file, relative to `dir` (`index.js`, `src/app.mjs`). */
  readonly file: string;
  /** SHA-256 of the package's bytes (file names included): the asset hash. */
  readonly hash: string;
  /** Size of the handler file in bytes. */
  readonly bytes: number;
  /** Whether any bundled input comes from node_modules (a dependency). */
  readonly usesNodeModules: boolean;
  /** Whether the bundle came from the cache (esbuild did not run). */
  readonly cached: boolean;
}

/** Why an entry could not be bundled (esbuild's messages with file:line:column, or a missing file). */
export class BundleError extends Error {}

interface Manifest {
  readonly version: number;
  readonly inputs: Record<string, string>;
  readonly hash: string;
  readonly file: string;
  readonly bytes: number;
  readonly usesNodeModules: boolean;
}

/** The default cache directory (see `BlueprintEntryCodeOptions.cacheDir`). */
export function defaultCacheDir(): string {
  return process.env.CDK_LAMBDA_BLUEPRINTS_CACHE ?? path.join(os.tmpdir(), 'cdk-lambda-blueprints', 'bundles');
}

function sha256(data: string | Uint8Array): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

function fileHash(file: string): string | undefined {
  try {
    return sha256(fs.readFileSync(file));
  } catch {
    return undefined;
  }
}

/** The package root of an entry: the nearest folder above it with a package.json, else the entry's folder. */
export function packageRoot(entry: string): string {
  for (let dir = path.dirname(entry); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.dirname(entry);
  }
}

function requestKey(r: BundleRequest): string {
  return sha256(JSON.stringify({
    v: CACHE_VERSION,
    entry: r.entry,
    format: r.format,
    module: r.moduleName,
    node: r.nodeMajor,
    minify: r.minify,
    map: r.sourceMap,
    external: [...r.external].sort(),
  }));
}

/** The cached bundle of a request, when every input it was built from is unchanged. */
function fromCache(r: BundleRequest, manifestFile: string): Bundle | undefined {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf-8'));
  } catch {
    return undefined;
  }
  if (manifest.version !== CACHE_VERSION) return undefined;
  for (const [file, hash] of Object.entries(manifest.inputs)) {
    if (fileHash(file) !== hash) return undefined;
  }
  const dir = path.join(r.cacheDir, 'out', manifest.hash);
  if (!fs.existsSync(path.join(dir, manifest.file))) return undefined;
  return { dir, file: manifest.file, hash: manifest.hash, bytes: manifest.bytes, usesNodeModules: manifest.usesNodeModules, cached: true };
}

function esbuildOptions(r: BundleRequest, root: string): Record<string, unknown> {
  const esm = r.format === BundleFormat.ESM;
  return {
    entryPoints: [r.entry],
    entryNames: r.moduleName,
    outExtension: { '.js': esm ? '.mjs' : '.js' },
    bundle: true,
    write: false,
    metafile: true,
    absWorkingDir: root,
    outdir: root,
    platform: 'node',
    target: `node${r.nodeMajor}`,
    format: esm ? 'esm' : 'cjs',
    // CommonJS dependencies inside an ES module still call require() for Node.js built-ins.
    banner: esm ? { js: 'import { createRequire as __blueprintRequire } from \'module\'; const require = __blueprintRequire(import.meta.url);' } : undefined,
    mainFields: esm ? ['module', 'main'] : ['main', 'module'],
    minify: r.minify,
    sourcemap: r.sourceMap ? 'linked' : false,
    sourcesContent: false,
    external: ['@aws-sdk/*', ...r.external],
    logLevel: 'silent',
    legalComments: 'none',
  };
}

function errorText(e: unknown, root: string): string {
  const errors = (e as { errors?: Parameters<typeof formatMessage>[0][] }).errors;
  if (Array.isArray(errors) && errors.length > 0) return errors.map(m => formatMessage(m, root)).join('; ');
  return e instanceof Error ? e.message : String(e);
}

/** A path next to `target`, unique to this process and call, to write into before renaming onto `target`. */
function aside(target: string): string {
  return `${target}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
}

/**
 * Moves a staged bundle to its place in the cache in one rename, so that synths running at the same time
 * (parallel tests, `cdk watch`) never see a half-written bundle nor remove one another's.
 */
function publish(staging: string, dir: string, main: string): void {
  for (let attempt = 0; ; attempt++) {
    try {
      fs.renameSync(staging, dir);
      return;
    } catch (e) {
      if (fs.existsSync(path.join(dir, main))) {
        // Another synth published the same bundle (same hash, same bytes) in the meantime.
        fs.rmSync(staging, { recursive: true, force: true });
        return;
      }
      if (attempt > 0) throw e;
      // A broken directory left by an interrupted synth (no main file): replace it once.
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

/**
 * Bundles an entry with esbuild into the cache (or takes it from there when the entry, every file esbuild
 * read and the options are unchanged), synchronously.
 *
 * @throws BundleError when the entry is missing or esbuild reports errors
 */
export function bundleEntry(r: BundleRequest): Bundle {
  if (!fs.existsSync(r.entry) || !fs.statSync(r.entry).isFile()) throw new BundleError(`${r.entry} does not exist or is not a file`);
  const manifestFile = path.join(r.cacheDir, 'manifests', `${requestKey(r)}.json`);
  const cached = fromCache(r, manifestFile);
  if (cached) return cached;

  const root = packageRoot(r.entry);
  const { api } = esbuildFor(path.dirname(r.entry));
  let result;
  try {
    result = api.buildSync(esbuildOptions(r, root));
  } catch (e) {
    throw new BundleError(`esbuild could not bundle it: ${errorText(e, root)}`);
  }

  const inputs: Record<string, string> = {};
  const files = [...Object.keys(result.metafile.inputs).map(i => path.resolve(root, i)), ...PROJECT_FILES.map(f => path.join(root, f))];
  for (const file of files) {
    const hash = fileHash(file);
    if (hash !== undefined) inputs[file] = hash;
  }
  const usesNodeModules = Object.keys(result.metafile.inputs).some(i => i.split(/[\\/]/).includes('node_modules'));
  const outputs = result.outputFiles.map(o => ({ rel: path.relative(root, o.path).split(path.sep).join('/'), contents: o.contents }))
    .sort((a, b) => a.rel.localeCompare(b.rel));
  const hash = sha256(outputs.map(o => `${o.rel}\0${sha256(o.contents)}`).join('\n'));
  const main = outputs.find(o => !o.rel.endsWith('.map'))!;

  const dir = path.join(r.cacheDir, 'out', hash);
  if (!fs.existsSync(path.join(dir, main.rel))) {
    const staging = aside(dir);
    for (const o of outputs) {
      fs.mkdirSync(path.dirname(path.join(staging, o.rel)), { recursive: true });
      fs.writeFileSync(path.join(staging, o.rel), o.contents);
    }
    publish(staging, dir, main.rel);
  }
  const manifest: Manifest = { version: CACHE_VERSION, inputs, hash, file: main.rel, bytes: main.contents.byteLength, usesNodeModules };
  fs.mkdirSync(path.dirname(manifestFile), { recursive: true });
  // Written aside and renamed: a synth running at the same time reads the old manifest or the new one.
  const tmpManifest = aside(manifestFile);
  fs.writeFileSync(tmpManifest, JSON.stringify(manifest));
  fs.renameSync(tmpManifest, manifestFile);
  return { dir, file: main.rel, hash, bytes: main.contents.byteLength, usesNodeModules, cached: false };
}
