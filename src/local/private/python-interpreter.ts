import { spawnSync } from 'child_process';

/** The Python interpreter a function runs on locally, and why. */
export interface PythonInterpreter {
  /** The command to start (`python3.13`, a configured path, or `python3`). */
  readonly command: string;
  /** Its `major.minor`, or undefined when it could not be started. */
  readonly version?: string;
}

const PROBE = 'import sys; print("%d.%d" % sys.version_info[:2])';

/** The version of each interpreter this process probed, per PATH. */
const VERSIONS = new Map<string, string | undefined>();

/** `major.minor` of an interpreter, or undefined when it does not start (a pyenv shim of an inactive version). */
function versionOf(command: string): string | undefined {
  const key = `${command}\0${process.env.PATH}`;
  if (!VERSIONS.has(key)) {
    const run = spawnSync(command, ['-c', PROBE], { encoding: 'utf-8', timeout: 10_000, env: process.env });
    VERSIONS.set(key, run.status === 0 ? run.stdout.trim() : undefined);
  }
  return VERSIONS.get(key);
}

/**
 * The interpreter for a `pythonX.Y` runtime: the first of `pythonX.Y` on the PATH, the configured
 * `CDK_LAMBDA_BLUEPRINTS_PYTHON` and `python3` whose version is X.Y; else the configured one or `python3`,
 * with a warning naming both versions (as for Node.js, whose host version is reported when it differs).
 */
export function pythonInterpreter(runtime: string, path: string, warnings: string[]): PythonInterpreter {
  const wanted = /^python(\d+\.\d+)/.exec(runtime)?.[1];
  const fallback = process.env.CDK_LAMBDA_BLUEPRINTS_PYTHON ?? 'python3';
  const candidates = [...(wanted ? [`python${wanted}`] : []), fallback, 'python3'];
  for (const command of candidates) {
    if (wanted && versionOf(command) === wanted) return { command, version: wanted };
  }
  const version = versionOf(fallback);
  warnings.push(`${path} is ${runtime}; no Python ${wanted ?? '(version unknown)'} on this host (looked for ${[...new Set(candidates)].join(', ')}), so it runs on ${fallback} `
    + `(${version ? `Python ${version}` : 'which did not start'}): install python${wanted ?? '3'} or point CDK_LAMBDA_BLUEPRINTS_PYTHON at it`);
  return { command: fallback, version };
}
