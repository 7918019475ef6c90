import * as lambda from 'aws-cdk-lib/aws-lambda';

/**
 * The module format of a bundle.
 */
export enum BundleFormat {
  /** CommonJS: the bundle is `<handler file>.js` (`require`, `module.exports`). */
  COMMONJS = 'COMMONJS',
  /** ECMAScript modules: the bundle is `<handler file>.mjs` (top-level await, `import`). */
  ESM = 'ESM',
}

/**
 * Options of `BlueprintCode.fromEntry`.
 */
export interface BlueprintEntryCodeOptions {
  /**
   * The module format of the bundle.
   * @default - ESM for `.mjs`/`.mts` entries, CommonJS otherwise
   */
  readonly format?: BundleFormat;

  /**
   * Minify the bundle (identifiers, white space, syntax). Smaller packages start a little faster; stack
   * traces stay readable through the source map.
   * @default false
   */
  readonly minify?: boolean;

  /**
   * Write a source map next to the bundle (`<file>.js.map`, sources not embedded) and set
   * `NODE_OPTIONS=--enable-source-maps` on a `BlueprintFunction`, so that stack traces name the
   * TypeScript file and line. With a plain `lambda.Function`, set that variable yourself.
   * @default true
   */
  readonly sourceMap?: boolean;

  /**
   * Modules left out of the bundle, provided by the runtime or a layer: exact names or `prefix/*`.
   * The AWS SDK v3 (`@aws-sdk/*`), which every Node.js runtime provides, is always external.
   * @default - only the AWS SDK v3
   */
  readonly externalModules?: string[];

  /**
   * The Node.js version the bundle targets (syntax lowering). A `BlueprintFunction` always targets its
   * own runtime; this option serves plain `lambda.Function`s.
   * @default - the BlueprintFunction's runtime; Node.js 20 with a plain lambda.Function
   */
  readonly runtime?: lambda.Runtime;

  /**
   * Largest bundle, in bytes, that is inlined into the template as `Code.ZipFile` when it bundles no
   * package from node_modules, is CommonJS and the handler is `index.<export>`. Between 0 and 4 MB; 0
   * disables inlining.
   * @default 4096
   */
  readonly inlineThresholdBytes?: number;

  /**
   * Where bundles are cached between synths: the same entry, inputs and options reuse the bundle
   * without running esbuild.
   * @default - `cdk-lambda-blueprints/bundles` under the OS temporary directory, or the directory in the
   * `CDK_LAMBDA_BLUEPRINTS_CACHE` environment variable
   */
  readonly cacheDir?: string;
}

/**
 * Options of `BlueprintCode.fromDirectory`.
 */
export interface BlueprintDirectoryCodeOptions {
  /**
   * Glob patterns of files left out of the package (`.gitignore` syntax, relative to the directory).
   * @default - every file is packaged
   */
  readonly exclude?: string[];
}

/**
 * Options of `BlueprintCode.fromPythonProject`.
 */
export interface BlueprintPythonProjectOptions {
  /**
   * The Python version the requirements are installed for. A `BlueprintFunction` always uses its own
   * runtime; this option serves plain `lambda.Function`s.
   * @default - the BlueprintFunction's runtime; Python 3.13 with a plain lambda.Function
   */
  readonly runtime?: lambda.Runtime;

  /**
   * The architecture whose wheels are installed. A `BlueprintFunction` always uses its own; this option
   * serves plain `lambda.Function`s (whose default is x86_64).
   * @default - the BlueprintFunction's architecture; x86_64 with a plain lambda.Function
   */
  readonly architecture?: lambda.Architecture;

  /**
   * Where installed requirements and assembled packages are cached between synths (keyed by the hash of
   * requirements.txt, the Python version and the platform).
   * @default - `cdk-lambda-blueprints/bundles` under the OS temporary directory, or the directory in the
   * `CDK_LAMBDA_BLUEPRINTS_CACHE` environment variable
   */
  readonly cacheDir?: string;
}

/**
 * Options of `BlueprintCode.fromImageAsset`.
 */
export interface BlueprintImageAssetOptions {
  /**
   * The Dockerfile, relative to the directory.
   * @default 'Dockerfile'
   */
  readonly file?: string;

  /**
   * Build arguments (`--build-arg`) passed when the image is built at deploy time.
   * @default - none
   */
  readonly buildArgs?: { [key: string]: string };
}

/**
 * Options of `BlueprintCode.fromGoModule`.
 */
export interface BlueprintGoModuleOptions {
  /**
   * The main package to build, as `go build` takes it: a path relative to the module directory
   * (`./cmd/api`) or an import path of the module.
   * @default '.'
   */
  readonly package?: string;

  /**
   * The architecture the binary is built for (`GOARCH`). A `BlueprintFunction` always uses its own; this
   * option serves plain `lambda.Function`s (whose default is x86_64).
   * @default - the BlueprintFunction's architecture; x86_64 with a plain lambda.Function
   */
  readonly architecture?: lambda.Architecture;

  /**
   * Build with cgo (`CGO_ENABLED=1`): the binary then links the build host's C library dynamically, so a
   * C compiler for the target architecture must be installed and its glibc must be no newer than the
   * runtime's (checked at synth by `LambdaNativeGlibc`).
   * @default false
   */
  readonly cgoEnabled?: boolean;

  /**
   * Build tags added to `lambda.norpc` (which leaves out the RPC mode that OS-only runtimes never use).
   * @default - only lambda.norpc
   */
  readonly buildTags?: string[];

  /**
   * Where built binaries are cached between synths: the same module files and build options reuse the
   * binary without running `go build`.
   * @default - `cdk-lambda-blueprints/bundles` under the OS temporary directory, or the directory in the
   * `CDK_LAMBDA_BLUEPRINTS_CACHE` environment variable
   */
  readonly cacheDir?: string;
}

/**
 * Options of `BlueprintCode.fromMavenProject`.
 */
export interface BlueprintMavenProjectOptions {
  /**
   * Arguments added to `mvn -B -q package` (e.g. `['-DskipTests']`, a profile `-Plambda`).
   * @default - none
   */
  readonly mavenArguments?: string[];

  /**
   * Where built jars are cached between synths: the same project files and arguments reuse the jar
   * without running Maven.
   * @default - `cdk-lambda-blueprints/bundles` under the OS temporary directory, or the directory in the
   * `CDK_LAMBDA_BLUEPRINTS_CACHE` environment variable
   */
  readonly cacheDir?: string;
}
