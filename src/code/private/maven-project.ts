import * as child_process from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { AssetHashType } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { defaultCacheDir } from './bundle';
import { displayPath } from './entry-code';
import { refuseCode } from './refuse';
import { sha256, sourceInputs } from './source-hash';
import { CodeTarget, ResolvedCode, TargetedCode } from './targeted-code';
import { Finding } from '../../rules/private/rule';
import { BlueprintMavenProjectOptions } from '../options';

/** Bumped when the build changes what it writes: older cache entries are then ignored. */
const CACHE_VERSION = 1;
/** Folders of a project that never hold its sources. */
const SKIPPED = new Set(['target', '.git', 'cdk.out', 'node_modules', '.idea', '.vscode', '.mvn-cache']);
/** Jars Maven writes besides the one to deploy. */
const NOT_DEPLOYED = /^original-|-(sources|javadoc|tests)\.jar$/;

/** Why a project could not be built. */
class MavenError extends Error {}

/** Maven's [ERROR] lines (else its last lines), at most 600 characters. */
function mavenError(output: string): string {
  const lines = output.split('\n').map(l => l.replace(/\x1b\[[0-9;]*m/g, '').trim()).filter(Boolean);
  const noise = /^\[ERROR\] (-> \[Help|To see the full|Re-run Maven|For more information|\[Help|COMPILATION ERROR|Failed to execute goal)/;
  const errors = [...new Set(lines.filter(l => l.startsWith('[ERROR]') && l !== '[ERROR]' && !noise.test(l)))];
  return (errors.length ? errors : lines.slice(-3)).join(' ').slice(0, 600) || 'no output';
}

/** Runs `mvn -B -q package` in the project; returns the jar to deploy (the largest in target/, the fat one). */
function runMaven(dir: string, args: readonly string[]): string {
  const mvn = process.env.CDK_LAMBDA_BLUEPRINTS_MVN ?? 'mvn';
  const run = child_process.spawnSync(mvn, ['-B', '-q', ...args, 'package'], { cwd: dir, env: { ...process.env }, encoding: 'utf-8', timeout: 1_800_000, maxBuffer: 64 * 1024 * 1024 });
  if (run.error) {
    const code = (run.error as NodeJS.ErrnoException).code ?? run.error.message;
    throw new MavenError(`${mvn} could not run (${code}): install Apache Maven and a JDK (https://maven.apache.org/install.html, or the maven package of your system) and put mvn on PATH, or point CDK_LAMBDA_BLUEPRINTS_MVN at it`);
  }
  if (run.status !== 0) throw new MavenError(`mvn package failed: ${mavenError(`${run.stdout}\n${run.stderr}`)}`);
  const target = path.join(dir, 'target');
  const jars = (fs.existsSync(target) ? fs.readdirSync(target) : []).filter(f => f.endsWith('.jar') && !NOT_DEPLOYED.test(f))
    .map(f => ({ file: path.join(target, f), bytes: fs.statSync(path.join(target, f)).size }))
    .sort((a, b) => b.bytes - a.bytes);
  if (jars.length === 0) throw new MavenError('mvn package wrote no jar into target/ (a jar packaging with the maven-shade-plugin gives the fat jar Lambda runs)');
  return jars[0].file;
}

/** Builds (or takes from the cache) the project's jar; returns its path and hash. */
function buildProject(dir: string, args: readonly string[], cacheDir: string): { jar: string; hash: string } {
  const key = sha256(JSON.stringify({ v: CACHE_VERSION, args, inputs: sourceInputs(dir, SKIPPED, cacheDir) }));
  const manifest = path.join(cacheDir, 'maven-manifests', `${key}.json`);
  try {
    const known = JSON.parse(fs.readFileSync(manifest, 'utf-8')) as { hash: string; name: string };
    const jar = path.join(cacheDir, 'maven', known.hash, known.name);
    if (fs.existsSync(jar)) return { jar, hash: known.hash };
  } catch {
    // not built yet
  }
  const built = runMaven(dir, args);
  const hash = sha256(fs.readFileSync(built));
  const name = path.basename(built);
  const out = path.join(cacheDir, 'maven', hash);
  if (!fs.existsSync(path.join(out, name))) {
    const staging = `${out}.tmp-${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { recursive: true });
    fs.copyFileSync(built, path.join(staging, name));
    fs.rmSync(out, { recursive: true, force: true });
    fs.renameSync(staging, out);
  }
  fs.mkdirSync(path.dirname(manifest), { recursive: true });
  fs.writeFileSync(`${manifest}.tmp-${process.pid}`, JSON.stringify({ hash, name }));
  fs.renameSync(`${manifest}.tmp-${process.pid}`, manifest);
  return { jar: path.join(out, name), hash };
}

/**
 * `BlueprintCode.fromMavenProject`: a Maven project built with its own build (`mvn -B -q package`), the
 * fat jar in target/ deployed as it is, cached by the hash of the project's files.
 */
export class MavenProjectCode extends TargetedCode {
  constructor(private readonly dir: string, private readonly options: BlueprintMavenProjectOptions) {
    super();
  }

  public resolveFor(scope: Construct, target: CodeTarget): ResolvedCode {
    const shown = `BlueprintCode.fromMavenProject(${JSON.stringify(displayPath(this.dir))})`;
    const refuse = (finding: Finding): ResolvedCode => ({ code: refuseCode(scope, finding), sourceMapped: false });
    const runtime = target.runtime ?? lambda.Runtime.JAVA_21;
    if (!runtime.name.startsWith('java')) {
      return refuse({ property: 'Runtime', value: `${JSON.stringify(runtime.name)} for ${shown}`, allowed: 'a Java runtime (java<version>)', reason: 'the project builds a jar of Java classes' });
    }
    if (!fs.existsSync(path.join(this.dir, 'pom.xml'))) {
      return refuse({ property: 'Code', value: `${shown}`, allowed: 'a Maven project directory (holding pom.xml)', reason: 'the jar is built with mvn package' });
    }
    try {
      const cacheDir = path.resolve(this.options.cacheDir ?? defaultCacheDir());
      const built = buildProject(path.resolve(this.dir), this.options.mavenArguments ?? [], cacheDir);
      return { code: lambda.Code.fromAsset(built.jar, { assetHash: built.hash, assetHashType: AssetHashType.CUSTOM }), sourceMapped: false };
    } catch (e) {
      if (!(e instanceof MavenError)) throw e;
      return refuse({ property: 'Code', value: `${shown}`, allowed: 'a Maven project that mvn package builds into a jar', reason: `${e.message}` });
    }
  }
}
