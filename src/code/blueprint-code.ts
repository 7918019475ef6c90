import * as crypto from 'crypto';
import * as fs from 'fs';
import { builtinModules } from 'module';
import * as os from 'os';
import * as path from 'path';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { BlueprintDirectoryCodeOptions, BlueprintEntryCodeOptions, BlueprintGoModuleOptions, BlueprintImageAssetOptions, BlueprintMavenProjectOptions, BlueprintPythonProjectOptions } from './options';
import { DirectoryCode } from './private/directory-code';
import { EntryCode } from './private/entry-code';
import { GoModuleCode } from './private/go-module';
import { ImageAssetCode } from './private/image-code';
import { MavenProjectCode } from './private/maven-project';
import { PythonProjectCode } from './private/python-project';
import { spellProp } from '../core/private/language';
import { DEFAULTS } from '../limits';

/**
 * Options of `BlueprintCode.fromFile`.
 */
export interface BlueprintFileCodeOptions {
  /**
   * Largest handler, in bytes, that is inlined into the template as `Code.ZipFile`.
   * Between 1 byte and 4 MB (inline code's limit). 0 disables inlining.
   * @default 4096
   */
  readonly inlineThresholdBytes?: number;
}

/** Modules every Node.js runtime provides (the AWS SDK v3 is in the managed runtimes). */
function isProvidedNodeModule(name: string): boolean {
  const bare = name.replace(/^node:/, '');
  return builtinModules.includes(bare) || builtinModules.includes(bare.split('/')[0]) || bare.startsWith('@aws-sdk/');
}

/**
 * The modules a JavaScript file imports that the runtime does not provide (relative imports count: a
 * single file that imports a sibling is not self-contained).
 */
export function nonRuntimeImports(source: string): string[] {
  const found = new Set<string>();
  const patterns = [/require\(\s*['"]([^'"]+)['"]\s*\)/g, /\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s+['"]([^'"]+)['"]/g, /import\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const p of patterns) {
    for (const m of source.matchAll(p)) {
      if (!isProvidedNodeModule(m[1])) found.add(m[1]);
    }
  }
  return [...found].sort();
}

/**
 * Function code helpers that pick the right packaging for a handler.
 */
export class BlueprintCode {
  /**
   * Code from a single handler file (`.js`, `.mjs`, `.cjs` or `.py`).
   *
   * A small, dependency-free file (≤ `inlineThresholdBytes`, importing only Node.js built-ins or the AWS
   * SDK v3) is inlined into the template as `Code.ZipFile`; its handler must then be `index.<export>`.
   * Anything else becomes a content-hashed S3 asset holding the file as `index.<ext>`, so a change of
   * content always changes the S3 key and updates the function.
   *
   * @param file path of the handler file
   */
  public static fromFile(file: string, options: BlueprintFileCodeOptions = {}): lambda.Code {
    const ext = path.extname(file);
    if (!['.js', '.mjs', '.cjs', '.py'].includes(ext)) {
      throw new Error(`${spellProp('BlueprintCode.fromFile')}: ${file} must be a .js, .mjs, .cjs or .py handler file, because only Node.js and Python read single-file handlers.`);
    }
    const source = fs.readFileSync(file, 'utf-8');
    const threshold = options.inlineThresholdBytes ?? DEFAULTS.inlineThresholdBytes;
    const bytes = Buffer.byteLength(source, 'utf-8');
    const selfContained = ext === '.py' || nonRuntimeImports(source).length === 0;
    // Inline code is always named index.js (CommonJS) or index.py by CloudFormation.
    if (bytes <= threshold && selfContained && ext !== '.mjs') {
      return lambda.Code.fromInline(source);
    }
    const hash = crypto.createHash('sha256').update(source).digest('hex').slice(0, 16);
    const dir = path.join(os.tmpdir(), 'cdk-lambda-blueprints-code', hash);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `index${ext}`), source);
    return lambda.Code.fromAsset(dir);
  }

  /**
   * Code bundled from a TypeScript or JavaScript entry with esbuild (no Docker): every import is bundled
   * except the AWS SDK v3, which the runtime provides; the bundle targets the function's Node.js version,
   * is CommonJS (ES module for `.mjs`/`.mts` entries or `format: BundleFormat.ESM`) and named after the
   * handler's file (`index.handler` → `index.js`), with a source map and `NODE_OPTIONS=--enable-source-maps`.
   *
   * The package is a content-hashed asset (its S3 key is the hash of the bundle's bytes, so it changes when
   * and only when the handler or a bundled dependency changes), or inline `Code.ZipFile` when the bundle is
   * small, CommonJS, named `index` and uses no package from node_modules. Bundles are cached: an unchanged
   * entry, inputs and options skip esbuild on the next synth. A missing entry or one that does not compile
   * fails the synth with esbuild's messages (file:line:column).
   *
   * esbuild runs in-process: a native `esbuild` resolvable from the entry's folder or the working
   * directory when there is one, else the `esbuild-wasm` bundled with this library.
   *
   * With a plain `lambda.Function` (which does not tell its code the runtime or handler), the bundle is
   * `index.js` (handler `index.<export>`) for `options.runtime` (default Node.js 20), and
   * `NODE_OPTIONS=--enable-source-maps` is yours to set.
   *
   * @param entry path of the entry file (`.ts`, `.mts`, `.cts`, `.js`, `.mjs`, `.cjs`)
   * @param options bundling options
   * @see https://docs.aws.amazon.com/lambda/latest/dg/typescript-package.html
   */
  public static fromEntry(entry: string, options: BlueprintEntryCodeOptions = {}): lambda.Code {
    return new EntryCode(entry, options);
  }

  /**
   * A package directory deployed as it is (a content-hashed asset), its layout checked at synth for the
   * function's runtime: Node.js with the production dependencies of its package.json in node_modules,
   * Python with the packages of its requirements.txt vendored (`<name>-<version>.dist-info` at the root),
   * Java with classes at the root or jars in lib/. A missing or empty directory fails the synth.
   *
   * @param dir path of the directory
   * @param options packaging options
   * @see https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-package.html
   */
  public static fromDirectory(dir: string, options: BlueprintDirectoryCodeOptions = {}): lambda.Code {
    return new DirectoryCode(dir, options);
  }

  /**
   * A Python project (handler modules and a `requirements.txt`) whose requirements are installed with pip
   * for the function's runtime and architecture, without Docker: `pip install --platform
   * manylinux2014_{x86_64|aarch64} --only-binary=:all: --python-version 3.X --implementation cp --target …`
   * (plus manylinux_2_28/2_34 on Amazon Linux 2023 runtimes), so native wheels match Lambda. Installed
   * requirements are cached by the hash of requirements.txt and the platform; the package is a
   * content-hashed asset. pip not installed, the index unreachable or a requirement without a wheel for
   * that platform fail the synth with pip's error. pip runs as `python3 -m pip` (or the interpreter in
   * `CDK_LAMBDA_BLUEPRINTS_PYTHON`).
   *
   * @param dir path of the project directory
   * @param options packaging options
   * @see https://docs.aws.amazon.com/lambda/latest/dg/python-package.html
   */
  public static fromPythonProject(dir: string, options: BlueprintPythonProjectOptions = {}): lambda.Code {
    return new PythonProjectCode(dir, options);
  }

  /**
   * A Go module's main package built with the machine's Go toolchain, without Docker, into the single
   * `bootstrap` binary an OS-only runtime (`provided.al2023`, or `provided.al2`) runs: `go build` with
   * `GOOS=linux`, `GOARCH` from the function's architecture (arm64 or amd64), `CGO_ENABLED=0` (unless
   * `cgoEnabled`), `-tags lambda.norpc -trimpath -ldflags="-s -w"`. Use it with
   * `runtime: Runtime.PROVIDED_AL2023` and `handler: 'bootstrap'` (OS-only runtimes ignore the handler).
   *
   * Builds are cached like esbuild bundles: the same module files (every file under `dir`) and build
   * options reuse the binary without running go. The package is a content-hashed asset (its S3 key is the
   * hash of the binary). The Go toolchain missing (`go` on PATH, or the binary in
   * `CDK_LAMBDA_BLUEPRINTS_GO`) or a package that does not compile fails the synth with go's errors.
   * Modules are downloaded as go does it (`GOPROXY`, `GOMODCACHE`, `GOFLAGS` from the environment).
   *
   * @param dir path of the module directory (holding go.mod)
   * @param options build options
   * @see https://docs.aws.amazon.com/lambda/latest/dg/golang-package.html
   */
  public static fromGoModule(dir: string, options: BlueprintGoModuleOptions = {}): lambda.Code {
    return new GoModuleCode(dir, options);
  }

  /**
   * A Java project built with its own Maven build (`mvn -B -q package`, plus `mavenArguments`), without
   * Docker: the jar it writes into target/ (the largest, i.e. the fat jar of the maven-shade-plugin;
   * `original-*`, sources and javadoc jars left out) is the deployment package, deployed as it is. Use it with
   * a Java runtime and a handler `package.Class::method`: the class is checked to be in the jar at synth
   * (`LambdaHandlerPresent`), and its class files to be no newer than the runtime's Java
   * (`LambdaJavaClassVersion`).
   *
   * Builds are cached: the hash of every file of the project (target/ left out) and the arguments name a
   * cache entry, so an unchanged project reuses the jar without running Maven. Maven missing (`mvn` on
   * PATH, or `CDK_LAMBDA_BLUEPRINTS_MVN`) or a build that fails fails the synth with Maven's errors.
   * Dependencies come as Maven fetches them (its settings, `MAVEN_OPTS`, e.g.
   * `-Dmaven.repo.local=...`).
   *
   * @param dir path of the project directory (holding pom.xml)
   * @param options build options
   * @see https://docs.aws.amazon.com/lambda/latest/dg/java-package.html
   */
  public static fromMavenProject(dir: string, options: BlueprintMavenProjectOptions = {}): lambda.Code {
    return new MavenProjectCode(dir, options);
  }

  /**
   * A container image built from a directory with a Dockerfile, for the function's architecture
   * (linux/arm64 or linux/amd64). Synth needs no Docker engine: `cdk deploy` builds and publishes the
   * image to the bootstrap ECR repository, tagged with its content hash. Use it with
   * `runtime: Runtime.FROM_IMAGE` and `handler: Handler.FROM_IMAGE` and no layers (all checked at
   * synth); the base image must implement the Lambda Runtime API (AWS base images or a runtime interface
   * client); an image may be up to 10 GB uncompressed.
   *
   * @param dir path of the directory holding the Dockerfile
   * @param options build options
   * @see https://docs.aws.amazon.com/lambda/latest/dg/images-create.html
   */
  public static fromImageAsset(dir: string, options: BlueprintImageAssetOptions = {}): lambda.Code {
    return new ImageAssetCode(dir, options);
  }

  /**
   * A container image from an Amazon ECR repository of the function's account and region. Prefer a
   * digest (`sha256:…`): with a tag, CloudFormation does not update the function when the tag moves
   * to a new image (warned at synth, like an S3 key without object version). Use it with
   * `runtime: Runtime.FROM_IMAGE` and `handler: Handler.FROM_IMAGE` and no layers; up to 10 GB.
   *
   * @param repository the ECR repository
   * @param tagOrDigest an image digest (`sha256:<64 hex>`) or a tag
   * @see https://docs.aws.amazon.com/lambda/latest/dg/images-create.html
   */
  public static fromEcr(repository: ecr.IRepository, tagOrDigest: string): lambda.Code {
    return lambda.Code.fromEcrImage(repository, { tagOrDigest });
  }

  /**
   * Whether `fromFile` would inline this file with the given options.
   * @param file path of the handler file
   */
  public static wouldInline(file: string, options: BlueprintFileCodeOptions = {}): boolean {
    return BlueprintCode.fromFile(file, options) instanceof lambda.InlineCode;
  }

  private constructor() {}
}
