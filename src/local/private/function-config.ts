import * as fs from 'fs';
import * as path from 'path';
import { FunctionRef, StackArtifact } from './assembly';
import { LaunchCommand } from './environment';
import { goTwin } from './go-twin';
import { hint, Surface } from './hints';
import { javaLaunch } from './java-launch';
import { notEmulated } from './not-emulated';
import { pythonInterpreter } from './python-interpreter';
import { FunctionSpec, LocalErrorCode, LocalLambdaError } from './types';
import { extractZip } from './unzip';
import { hostArchitecture, nativeBinaries } from '../../core/private/elf';
import { RUNTIME_API_FACTS, SERVICE_DEFAULTS } from '../../limits';

/** Where the project's runtime clients live (`runtimes/` at the package root, next to `lib/` and `src/`). */
export const RUNTIMES_DIR = path.resolve(__dirname, '..', '..', '..', 'runtimes');

/** Values for environment variables the template fills with tokens. */
export interface EnvironmentOverrides {
  /** `{ "Parameters": { NAME: value }, "<logical id or construct path>": { NAME: value } }` (SAM's env-vars file form). */
  readonly file?: Record<string, Record<string, string>>;
  /** Values for this function, which win over the file (and may add variables). */
  readonly values?: Record<string, string>;
  /** Refuse a token without a value instead of using a placeholder. */
  readonly strict?: boolean;
  /** Whose words the hints use (default: the API's). */
  readonly surface?: Surface;
}

/** A function ready to launch: its spec and the command of its runtime process. */
export interface PreparedFunction {
  readonly spec: FunctionSpec;
  readonly launch: LaunchCommand;
}

function fail(ref: FunctionRef, code: LocalErrorCode, message: string): never {
  throw new LocalLambdaError(code, `${ref.path}: ${message}`);
}

/** Copies or extracts an asset into `dest` (directory assets are used in place when `dest` is undefined). */
function materialize(ref: FunctionRef, stack: StackArtifact, s3Key: unknown, what: string, dest: string, inPlace: boolean): string {
  const asset = stack.asset(s3Key);
  if (!asset) {
    fail(ref, 'CodeNotLocal', `the ${what} is at S3 key ${JSON.stringify(s3Key)}, which is not an asset of this cloud assembly; only code the app builds itself can run locally`);
  }
  if (fs.statSync(asset.path).isDirectory()) {
    if (inPlace) return asset.path;
    fs.cpSync(asset.path, dest, { recursive: true, force: true });
  } else if (/\.(zip|jar)$/.test(asset.path)) {
    extractZip(asset.path, dest); // a jar is a zip: Lambda extracts a Java function's jar package too
  } else {
    fail(ref, 'CodeNotLocal', `the ${what} asset ${asset.path} is neither a directory nor a .zip file`);
  }
  return dest;
}

function resolveEnvironment(ref: FunctionRef, vars: Record<string, unknown>, o: EnvironmentOverrides, warnings: string[]): Record<string, string> {
  const file = o.file ?? {};
  const fnValues = { ...(file[ref.path] ?? {}), ...(file[ref.path.replace(/^\//, '')] ?? {}), ...(file[ref.logicalId] ?? {}), ...(o.values ?? {}) };
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(vars)) {
    const given = fnValues[name] ?? file.Parameters?.[name];
    if (given !== undefined) { out[name] = String(given); continue; }
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') { out[name] = String(value); continue; }
    const surface = o.surface ?? 'api';
    const how = `set it in an overrides file as {"${ref.logicalId}": {"${name}": "..."}} with ${hint(surface, 'overrides')}, or pass ${hint(surface, 'env', name)}`;
    if (o.strict) fail(ref, 'TokenEnvironment', `environment variable ${name} holds a token (${JSON.stringify(value)}) that only CloudFormation can resolve: ${how}`);
    out[name] = `local-placeholder-${name}`;
    warnings.push(`environment variable ${name} of ${ref.path} holds a token (${JSON.stringify(value)}); using "${out[name]}": ${how}`);
  }
  for (const [name, value] of Object.entries(fnValues)) if (!(name in out)) out[name] = String(value);
  return out;
}

function checkArchitecture(ref: FunctionRef, arch: string, dirs: string[]): void {
  const host = hostArchitecture();
  for (const b of nativeBinaries(dirs)) {
    if (b.arch !== arch) fail(ref, 'WrongArchitecture', `${b.file} is native code for ${b.arch}, but the function runs on ${arch}: it would fail on Lambda too (rebuild it for ${arch})`);
    if (arch !== host) fail(ref, 'WrongArchitecture', `${b.file} is native code for ${arch}, which this ${host} host cannot run: run it on a ${arch} machine`);
  }
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

type RuntimeLaunch = Omit<LaunchCommand, 'tmpRoot'>;

function launchFor(ref: FunctionRef, runtime: string, handler: string, taskRoot: string, optDir: string, warnings: string[]): RuntimeLaunch {
  if (runtime.startsWith('nodejs')) {
    const wanted = /^nodejs(\d+)/.exec(runtime)?.[1];
    const host = process.versions.node.split('.')[0];
    if (wanted && wanted !== host) warnings.push(`${ref.path} is ${runtime}; it runs on this host's Node.js ${process.versions.node}`);
    return {
      command: process.execPath,
      args: [path.join(RUNTIMES_DIR, 'node', 'bootstrap.js')],
      env: { NODE_PATH: [`${optDir}/nodejs/node${wanted ?? host}/node_modules`, `${optDir}/nodejs/node_modules`, taskRoot].join(':') },
    };
  }
  if (runtime.startsWith('python')) {
    return {
      command: pythonInterpreter(runtime, ref.path, warnings).command,
      args: ['-u', path.join(RUNTIMES_DIR, 'python', 'bootstrap.py')],
      env: { PYTHONPATH: [`${optDir}/python/lib/${runtime}/site-packages`, `${optDir}/python`].join(':'), PYTHONUNBUFFERED: '1' },
    };
  }
  if (runtime.startsWith('java')) return javaLaunch(ref, runtime, handler, taskRoot, optDir, warnings);
  if (runtime.startsWith('provided')) {
    const candidates = [path.join(taskRoot, 'bootstrap'), path.join(optDir, 'bootstrap')];
    const found = candidates.find(f => fs.existsSync(f));
    if (!found) fail(ref, 'InvalidEntrypoint', `Runtime.InvalidEntrypoint: a ${runtime} function needs an executable file named bootstrap in its code or a layer; found none (looked for ${candidates.join(', ')})`);
    if (!isExecutable(found)) fail(ref, 'InvalidEntrypoint', `Runtime.InvalidEntrypoint: ${found} is not executable (chmod +x bootstrap before synth)`);
    return { command: found, args: [], env: {} };
  }
  return fail(ref, 'UnsupportedRuntime', `runtime ${runtime} cannot run locally: the emulator runs nodejs*, python*, java* and provided.al2/al2023 functions`);
}

/** Resolves a function of the assembly into directories, environment and the command of its runtime. */
export function prepareFunction(ref: FunctionRef, workDir: string, overrides: EnvironmentOverrides = {}): PreparedFunction {
  const props = ref.stack.resources[ref.logicalId].Properties ?? {};
  const code = props.Code ?? {};
  if (props.PackageType === 'Image' || code.ImageUri) fail(ref, 'ContainerImage', 'container image functions cannot run here: use the AWS Lambda Runtime Interface Emulator in Docker');
  const runtime: string = props.Runtime;
  const root = fs.mkdtempSync(path.join(workDir, `${ref.logicalId}-`));
  const warnings: string[] = notEmulated(ref.path, props);

  let taskRoot: string;
  if (code.ZipFile !== undefined) {
    if (typeof code.ZipFile !== 'string') fail(ref, 'CodeNotLocal', `its inline code (Code.ZipFile) is a token (${JSON.stringify(code.ZipFile)}) and cannot be read locally`);
    taskRoot = path.join(root, 'task');
    fs.mkdirSync(taskRoot);
    fs.writeFileSync(path.join(taskRoot, runtime.startsWith('python') ? 'index.py' : 'index.js'), code.ZipFile);
  } else {
    taskRoot = materialize(ref, ref.stack, code.S3Key, 'function code', path.join(root, 'task'), true);
  }

  const optDir = path.join(root, 'opt');
  fs.mkdirSync(optDir);
  for (const layer of props.Layers ?? []) {
    const layerId = layer?.Ref;
    const res = typeof layerId === 'string' ? ref.stack.resources[layerId] : undefined;
    if (!res || res.Type !== 'AWS::Lambda::LayerVersion') {
      // A published layer (AWS's Powertools, an extension, another account's): the emulator has no AWS access.
      warnings.push(`${ref.path} uses layer ${typeof layer === 'string' ? layer : JSON.stringify(layer)}, which this app does not build: it is not `
        + 'downloaded, so what it puts in /opt (modules, extensions, a bootstrap) is missing locally');
      continue;
    }
    materialize(ref, ref.stack, res.Properties?.Content?.S3Key, `layer ${layerId}`, optDir, false);
  }

  const architecture = (props.Architectures?.[0] ?? 'x86_64') as 'x86_64' | 'arm64';
  const host = hostArchitecture();
  const twin = runtime.startsWith('provided') && architecture !== host ? goTwin(ref, architecture, host, warnings) : undefined;
  if (twin) taskRoot = twin;
  checkArchitecture(ref, twin ? host : architecture, [taskRoot, optDir]);
  const runtimeLaunch = launchFor(ref, runtime, props.Handler ?? '', taskRoot, optDir, warnings);
  const environment = resolveEnvironment(ref, props.Environment?.Variables ?? {}, overrides, warnings);

  const functionName = typeof props.FunctionName === 'string' ? props.FunctionName : `${ref.stack.name}-${ref.logicalId}`.slice(0, 64);
  const logging = props.LoggingConfig ?? {};
  const logGroupName = typeof logging.LogGroup === 'string' ? logging.LogGroup : `/aws/lambda/${functionName}`;
  const spec: FunctionSpec = {
    path: ref.path,
    stackName: ref.stack.name,
    logicalId: ref.logicalId,
    functionName,
    arn: `arn:aws:lambda:${ref.stack.region}:${ref.stack.account}:function:${functionName}`,
    region: ref.stack.region,
    account: ref.stack.account,
    runtime,
    handler: props.Handler ?? '',
    memoryMb: typeof props.MemorySize === 'number' ? props.MemorySize : RUNTIME_API_FACTS.defaultMemoryMb,
    timeoutSeconds: typeof props.Timeout === 'number' ? props.Timeout : SERVICE_DEFAULTS.functionTimeoutSeconds,
    ephemeralStorageMb: props.EphemeralStorage?.Size ?? RUNTIME_API_FACTS.defaultEphemeralStorageMb,
    architecture,
    environment,
    logFormat: logging.LogFormat === 'JSON' ? 'JSON' : 'Text',
    applicationLogLevel: logging.ApplicationLogLevel,
    logGroupName,
    tenantIsolation: props.TenancyConfig?.TenantIsolationMode === 'PER_TENANT',
    taskRoot,
    optDir,
    warnings,
  };
  const hostPath = process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin';
  const env: Record<string, string> = {
    PATH: `${path.dirname(process.execPath)}:${hostPath}:${optDir}/bin`,
    LD_LIBRARY_PATH: [taskRoot, `${taskRoot}/lib`, `${optDir}/lib`, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    ...runtimeLaunch.env,
    ...environment,
    _HANDLER: spec.handler,
    AWS_REGION: spec.region,
    AWS_DEFAULT_REGION: spec.region,
    AWS_EXECUTION_ENV: `AWS_Lambda_${runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memoryMb),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: logGroupName,
    AWS_LAMBDA_LOG_STREAM_NAME: `${new Date().toISOString().slice(0, 10).replace(/-/g, '/')}/[$LATEST]local`,
    LAMBDA_TASK_ROOT: taskRoot,
    LAMBDA_RUNTIME_DIR: RUNTIMES_DIR,
  };
  if (spec.logFormat === 'JSON') env.AWS_LAMBDA_LOG_FORMAT = 'JSON';
  if (spec.applicationLogLevel) env.AWS_LAMBDA_LOG_LEVEL = spec.applicationLogLevel;
  return { spec, launch: { command: runtimeLaunch.command, args: runtimeLaunch.args, env, tmpRoot: root } };
}
