import * as child_process from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { AssetHashType } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { defaultCacheDir } from './bundle';
import { displayPath } from './entry-code';
import { refuseCode } from './refuse';
import { CodeTarget, ResolvedCode, TargetedCode } from './targeted-code';
import { Finding } from '../../rules/private/rule';
import { BlueprintPythonProjectOptions } from '../options';

/** Bumped when the installation layout changes: older cache entries are then ignored. */
const CACHE_VERSION = 1;
/** Folders of a project that never belong in a package. */
const SKIPPED = new Set(['__pycache__', '.venv', 'venv', '.git', '.mypy_cache', '.pytest_cache', 'cdk.out']);

/** The manylinux platforms whose wheels run on the runtime's Amazon Linux (glibc 2.26 on AL2, 2.34 on AL2023). */
export function pipPlatforms(pythonMinor: number, arch: 'x86_64' | 'aarch64'): string[] {
  const glibc = pythonMinor >= 12 ? ['2_17', '2_28', '2_34'] : ['2_17'];
  return glibc.map(v => (v === '2_17' ? `manylinux2014_${arch}` : `manylinux_${v}_${arch}`));
}

function sha256(data: string | Buffer): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** The project's files, relative; `skip` (the cache, when it lies inside the project) is left out. */
function projectFiles(dir: string, skip: string): string[] {
  const out: string[] = [];
  const walk = (abs: string, rel: string): void => {
    for (const e of fs.readdirSync(abs, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (SKIPPED.has(e.name) || path.join(abs, e.name) === skip) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(abs, e.name), r);
      else if (e.isFile()) out.push(r);
    }
  };
  walk(dir, '');
  return out;
}

/** The last meaningful lines pip printed (its ERROR lines when there are any). */
function pipError(stderr: string): string {
  const lines = stderr.split('\n').map(l => l.trim()).filter(Boolean);
  const errors = lines.filter(l => l.startsWith('ERROR'));
  return (errors.length ? errors : lines.slice(-2)).join(' ').slice(0, 600) || 'no output';
}

/** Installs requirements into `target` with pip for a platform; throws with pip's error. */
function pipInstall(requirements: string, target: string, pythonVersion: string, platforms: string[]): void {
  const python = process.env.CDK_LAMBDA_BLUEPRINTS_PYTHON ?? 'python3';
  const args = ['-m', 'pip', 'install', '--requirement', requirements, '--target', target,
    ...platforms.flatMap(p => ['--platform', p]), '--only-binary=:all:', '--python-version', pythonVersion, '--implementation', 'cp',
    '--no-compile', '--disable-pip-version-check', '--no-input', '--quiet', '--retries', '2', '--timeout', '20'];
  const run = child_process.spawnSync(python, args, { encoding: 'utf-8', timeout: 600_000, maxBuffer: 16 * 1024 * 1024 });
  if (run.error) throw new Error(`${python} -m pip could not run (${(run.error as NodeJS.ErrnoException).code ?? run.error.message}): install Python 3 with pip, or point CDK_LAMBDA_BLUEPRINTS_PYTHON at it`);
  if (run.status !== 0) throw new Error(`pip could not install them: ${pipError(run.stderr)}`);
}

/**
 * `BlueprintCode.fromPythonProject`: the project's files plus its requirements.txt installed with pip for
 * the function's Python version and architecture (manylinux wheels only, no Docker), cached by the hash
 * of the requirements and the platform.
 */
export class PythonProjectCode extends TargetedCode {
  constructor(private readonly dir: string, private readonly options: BlueprintPythonProjectOptions) {
    super();
  }

  public resolveFor(scope: Construct, target: CodeTarget): ResolvedCode {
    const shown = `BlueprintCode.fromPythonProject(${JSON.stringify(displayPath(this.dir))})`;
    const refuse = (finding: Finding): ResolvedCode => ({ code: refuseCode(scope, finding), sourceMapped: false });
    const runtime = target.runtime ?? this.options.runtime ?? lambda.Runtime.PYTHON_3_13;
    const version = /^python3\.(\d+)$/.exec(runtime.name);
    if (!version) return refuse({ property: 'Runtime', value: `${JSON.stringify(runtime.name)} for ${shown}`, allowed: 'a Python 3 runtime (python3.<minor>)', reason: 'the project\'s requirements are installed for CPython' });
    if (!fs.existsSync(this.dir) || !fs.statSync(this.dir).isDirectory()) {
      return refuse({ property: 'Code', value: `${shown}`, allowed: 'an existing directory', reason: `${this.dir} does not exist or is not a directory` });
    }
    const archName = (target.architecture ?? this.options.architecture ?? lambda.Architecture.X86_64).name;
    const arch = archName === 'arm64' ? 'aarch64' : 'x86_64';
    const platforms = pipPlatforms(Number(version[1]), arch);
    const cacheDir = path.resolve(this.options.cacheDir ?? defaultCacheDir());
    const files = projectFiles(path.resolve(this.dir), cacheDir);
    if (files.length === 0) return refuse({ property: 'Code', value: `${shown} (an empty directory)`, allowed: 'a directory holding the handler module', reason: 'Lambda refuses an empty deployment package' });
    let depsDir: string | undefined;
    if (files.includes('requirements.txt')) {
      const requirements = fs.readFileSync(path.join(this.dir, 'requirements.txt'));
      const key = sha256(JSON.stringify({ v: CACHE_VERSION, r: sha256(requirements), py: `3.${version[1]}`, platforms }));
      depsDir = path.join(cacheDir, 'pip', key);
      if (!fs.existsSync(path.join(depsDir, '.complete'))) {
        const staging = `${depsDir}.tmp-${process.pid}`;
        fs.rmSync(staging, { recursive: true, force: true });
        try {
          pipInstall(path.join(this.dir, 'requirements.txt'), staging, `3.${version[1]}`, platforms);
        } catch (e) {
          fs.rmSync(staging, { recursive: true, force: true });
          return refuse({ property: 'Code', value: `${shown}`, allowed: `requirements pip can install as ${platforms[0]} wheels for CPython 3.${version[1]} (${archName})`, reason: `${(e as Error).message}` });
        }
        fs.writeFileSync(path.join(staging, '.complete'), '');
        fs.rmSync(depsDir, { recursive: true, force: true });
        fs.renameSync(staging, depsDir);
      }
    }
    return { code: this.assemble(cacheDir, files, depsDir), sourceMapped: false };
  }

  /** The package: installed requirements overlaid with the project's files, in a content-addressed folder. */
  private assemble(cacheDir: string, files: string[], depsDir?: string): lambda.Code {
    const hash = sha256([depsDir ? path.basename(depsDir) : '', ...files.map(f => `${f}\0${sha256(fs.readFileSync(path.join(this.dir, f)))}`)].join('\n'));
    const out = path.join(cacheDir, 'python', hash);
    if (!fs.existsSync(out)) {
      const staging = `${out}.tmp-${process.pid}`;
      fs.rmSync(staging, { recursive: true, force: true });
      if (depsDir) fs.cpSync(depsDir, staging, { recursive: true, filter: src => path.basename(src) !== '.complete' });
      for (const f of files) {
        fs.mkdirSync(path.dirname(path.join(staging, f)), { recursive: true });
        fs.copyFileSync(path.join(this.dir, f), path.join(staging, f));
      }
      fs.renameSync(staging, out);
    }
    return lambda.Code.fromAsset(out, { assetHash: hash, assetHashType: AssetHashType.CUSTOM });
  }
}
