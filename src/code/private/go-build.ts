import * as child_process from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { sha256, sourceInputs } from './source-hash';

/** Bumped when the build changes what it writes: older cache entries are then ignored. */
const CACHE_VERSION = 1;
/** Folders of a module that never hold its sources. */
const SKIPPED = new Set(['.git', 'cdk.out', 'node_modules', '.idea', '.vscode']);
/** The tag that leaves aws-lambda-go's RPC mode (go1.x only) out of a binary for an OS-only runtime. */
export const NORPC_TAG = 'lambda.norpc';

/**
 * The construct metadata type under which `BlueprintCode.fromGoModule` records where a function's binary
 * was built from (a `GoBuildRequest`), so that the local emulator can build a host-architecture twin.
 */
export const GO_MODULE_METADATA = 'cdk-lambda-blueprints:go-module';

/** What to build and how. */
export interface GoBuildRequest {
  /** Absolute path of the module directory (holding go.mod). */
  readonly dir: string;
  /** The main package, as `go build` takes it. */
  readonly pkg: string;
  /** `GOARCH`: amd64 or arm64. */
  readonly goarch: 'amd64' | 'arm64';
  readonly cgo: boolean;
  /** Build tags besides lambda.norpc. */
  readonly tags: readonly string[];
  readonly cacheDir: string;
}

/** A built binary on disk, ready to be an asset. */
export interface GoBuild {
  /** Directory holding `bootstrap` only. */
  readonly dir: string;
  /** SHA-256 of the binary: the asset hash. */
  readonly hash: string;
  /** Whether the binary came from the cache (`go build` did not run). */
  readonly cached: boolean;
}

/** Why a module could not be built (the toolchain missing, or go build's errors). */
export class GoBuildError extends Error {}

/** The go binary: `CDK_LAMBDA_BLUEPRINTS_GO`, else `go` from PATH. */
export function goBinary(): string {
  return process.env.CDK_LAMBDA_BLUEPRINTS_GO ?? 'go';
}

/** What go printed that tells the problem: its error lines, at most 600 characters. */
function goError(stderr: string): string {
  const lines = stderr.split('\n').map(l => l.trim()).filter(l => l && !l.startsWith('go: downloading'));
  return lines.join('; ').slice(0, 600) || 'no output';
}

/** The `go build` arguments of a request, writing the binary to `out`. */
export function goBuildArgs(r: GoBuildRequest, out: string): string[] {
  return ['build', '-tags', [NORPC_TAG, ...r.tags].join(','), '-trimpath', '-buildvcs=false', '-ldflags=-s -w', '-o', out, r.pkg];
}

function runGoBuild(r: GoBuildRequest, out: string): void {
  const go = goBinary();
  const env = { ...process.env, GOOS: 'linux', GOARCH: r.goarch, CGO_ENABLED: r.cgo ? '1' : '0' };
  const run = child_process.spawnSync(go, goBuildArgs(r, out), { cwd: r.dir, env, encoding: 'utf-8', timeout: 900_000, maxBuffer: 16 * 1024 * 1024 });
  if (run.error) {
    const code = (run.error as NodeJS.ErrnoException).code ?? run.error.message;
    throw new GoBuildError(`${go} could not run (${code}): install the Go toolchain (https://go.dev/doc/install, or the golang package of your system) and put go on PATH, or point CDK_LAMBDA_BLUEPRINTS_GO at the go binary`);
  }
  if (run.status !== 0) throw new GoBuildError(`go build failed: ${goError(run.stderr)}`);
}

/**
 * Builds a Go module's main package into `bootstrap` in the cache (or takes it from there when the module's
 * files and the options are unchanged), synchronously: `GOOS=linux`, the request's `GOARCH` and cgo
 * setting, `-tags lambda.norpc -trimpath`, stripped. The binary's directory is named after its hash.
 *
 * @throws GoBuildError when go cannot run or the build fails
 */
export function buildGoModule(r: GoBuildRequest): GoBuild {
  const inputs = sourceInputs(r.dir, SKIPPED, r.cacheDir);
  const key = sha256(JSON.stringify({ v: CACHE_VERSION, pkg: r.pkg, goarch: r.goarch, cgo: r.cgo, tags: r.tags, inputs }));
  const manifest = path.join(r.cacheDir, 'go-manifests', `${key}.json`);
  try {
    const known = JSON.parse(fs.readFileSync(manifest, 'utf-8')) as { hash: string };
    const dir = path.join(r.cacheDir, 'go', known.hash);
    if (fs.existsSync(path.join(dir, 'bootstrap'))) return { dir, hash: known.hash, cached: true };
  } catch {
    // not built yet
  }
  const staging = path.join(r.cacheDir, 'go', `build-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  fs.mkdirSync(staging, { recursive: true });
  try {
    runGoBuild(r, path.join(staging, 'bootstrap'));
    fs.chmodSync(path.join(staging, 'bootstrap'), 0o755);
    const hash = sha256(fs.readFileSync(path.join(staging, 'bootstrap')));
    const dir = path.join(r.cacheDir, 'go', hash);
    if (fs.existsSync(path.join(dir, 'bootstrap'))) {
      fs.rmSync(staging, { recursive: true, force: true });
    } else {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.renameSync(staging, dir);
    }
    fs.mkdirSync(path.dirname(manifest), { recursive: true });
    const tmp = `${manifest}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, JSON.stringify({ hash }));
    fs.renameSync(tmp, manifest);
    return { dir, hash, cached: false };
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw e;
  }
}
