import * as fs from 'fs';
import * as path from 'path';
import { LocalLambdaError } from './types';
import { GO_MODULE_METADATA, GoBuildRequest } from '../../code/private/go-build';

/** A CloudFormation resource as synthesized. */
export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, any>;
  readonly Metadata?: Record<string, any>;
}

/** An asset of the assembly (`<stack>.assets.json` files entry). */
export interface AssetSource {
  /** Absolute path of the asset directory or file. */
  readonly path: string;
  /** `zip` (a directory the CLI zips) or `file` (a file uploaded as is). */
  readonly packaging: string;
}

/** One stack of the assembly: its template, construct paths and assets. */
export class StackArtifact {
  constructor(
    public readonly name: string,
    public readonly template: { Resources?: Record<string, CfnResource> },
    /** Logical id -> construct path (`/Stack/Fn/Resource`). */
    public readonly paths: ReadonlyMap<string, string>,
    /** S3 object key -> asset source. */
    private readonly assets: ReadonlyMap<string, AssetSource>,
    public readonly account: string,
    public readonly region: string,
    /** Construct path -> the Go module its code was built from (BlueprintCode.fromGoModule). */
    private readonly goModules: ReadonlyMap<string, GoBuildRequest> = new Map(),
  ) {}

  /** The Go module the code of a resource was built from: metadata of the nearest construct above it. */
  public goModuleOf(resourcePath: string): GoBuildRequest | undefined {
    for (let p = resourcePath; p.includes('/'); p = p.slice(0, p.lastIndexOf('/'))) {
      const found = this.goModules.get(p);
      if (found) return found;
    }
    return undefined;
  }

  public get resources(): Record<string, CfnResource> {
    return this.template.Resources ?? {};
  }

  /** The asset behind an S3 key of the template, when the assembly holds it. */
  public asset(s3Key: unknown): AssetSource | undefined {
    return typeof s3Key === 'string' ? this.assets.get(s3Key) : undefined;
  }

  public pathOf(logicalId: string): string {
    return this.paths.get(logicalId) ?? `/${this.name}/${logicalId}`;
  }
}

/** A function of the assembly. */
export interface FunctionRef {
  readonly stack: StackArtifact;
  readonly logicalId: string;
  readonly path: string;
}

function readJson(file: string): any {
  return JSON.parse(fs.readFileSync(file, 'utf-8'));
}

type Metadata = Record<string, Array<{ type: string; data: unknown }>> | undefined;

function collectPaths(into: Map<string, string>, goModules: Map<string, GoBuildRequest>, metadata: Metadata): void {
  for (const [p, entries] of Object.entries(metadata ?? {})) {
    for (const e of entries) {
      if (e.type === 'aws:cdk:logicalId' && typeof e.data === 'string') into.set(e.data, p);
      if (e.type === GO_MODULE_METADATA && typeof e.data === 'object' && e.data !== null) goModules.set(p, e.data as GoBuildRequest);
    }
  }
}

function readStack(dir: string, name: string, artifact: any): StackArtifact {
  const props = artifact.properties ?? {};
  const template = readJson(path.join(dir, props.templateFile));
  const paths = new Map<string, string>();
  const goModules = new Map<string, GoBuildRequest>();
  collectPaths(paths, goModules, artifact.metadata);
  if (artifact.additionalMetadataFile) collectPaths(paths, goModules, readJson(path.join(dir, artifact.additionalMetadataFile)));
  for (const [id, r] of Object.entries<CfnResource>(template.Resources ?? {})) {
    const p = r.Metadata?.['aws:cdk:path'];
    if (typeof p === 'string' && !paths.has(id)) paths.set(id, `/${p}`);
  }
  const assets = new Map<string, AssetSource>();
  const assetFile = path.join(dir, `${name}.assets.json`);
  if (fs.existsSync(assetFile)) {
    for (const a of Object.values<any>(readJson(assetFile).files ?? {})) {
      for (const d of Object.values<any>(a.destinations ?? {})) {
        assets.set(d.objectKey, { path: path.resolve(dir, a.source.path), packaging: a.source.packaging ?? 'file' });
      }
    }
  }
  const env = /^aws:\/\/([^/]+)\/(.+)$/.exec(artifact.environment ?? '');
  const account = env && !env[1].startsWith('unknown') ? env[1] : '123456789012';
  const region = env && !env[2].startsWith('unknown') ? env[2] : 'us-east-1';
  return new StackArtifact(name, template, paths, assets, account, region, goModules);
}

/** Reads the stacks of a cloud assembly directory (`cdk.out`), nested assemblies (stages) included. */
export function readAssembly(dir: string): StackArtifact[] {
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) {
    throw new LocalLambdaError('NotACloudAssembly', `${dir} is not a cloud assembly (no manifest.json): run \`cdk synth\` (or \`npx projen synth:examples\`) first, or pass the cdk.out directory`);
  }
  const stacks: StackArtifact[] = [];
  for (const [name, artifact] of Object.entries<any>(readJson(manifestFile).artifacts ?? {})) {
    if (artifact.type === 'aws:cloudformation:stack') stacks.push(readStack(dir, name, artifact));
    if (artifact.type === 'cdk:cloud-assembly') stacks.push(...readAssembly(path.join(dir, artifact.properties.directoryName)));
  }
  return stacks;
}

/** Every Lambda function of the stacks. */
export function listFunctions(stacks: StackArtifact[]): FunctionRef[] {
  const out: FunctionRef[] = [];
  for (const stack of stacks) {
    for (const [logicalId, r] of Object.entries(stack.resources)) {
      if (r.Type === 'AWS::Lambda::Function') out.push({ stack, logicalId, path: stack.pathOf(logicalId) });
    }
  }
  return out;
}

function trimPath(p: string): string {
  return p.replace(/^\/+/, '').replace(/\/+$/, '').replace(/\/Resource$/, '');
}

/**
 * Finds one function by construct path (`Stack/Construct/...`, with or without the stack, a leading
 * slash or the trailing `/Resource`; a unique prefix of the path works too) or by logical id.
 */
export function findFunction(stacks: StackArtifact[], id: string): FunctionRef {
  const all = listFunctions(stacks);
  const wanted = trimPath(id);
  const tiers: Array<(f: FunctionRef) => boolean> = [
    f => f.logicalId === id || trimPath(f.path) === wanted,
    f => trimPath(f.path).split('/').slice(1).join('/') === wanted,
    f => `${trimPath(f.path)}/`.startsWith(`${wanted}/`) || `${trimPath(f.path).split('/').slice(1).join('/')}/`.startsWith(`${wanted}/`),
  ];
  for (const tier of tiers) {
    const matches = all.filter(tier);
    if (matches.length === 1) return matches[0];
    // `Api` matching `Api/Function` and `Api/Release/.../Hook/Function`: the shallowest one is the construct's own.
    const depth = (f: FunctionRef): number => f.path.split('/').length;
    const shallowest = matches.filter(f => depth(f) === Math.min(...matches.map(depth)));
    if (shallowest.length === 1) return shallowest[0];
    if (matches.length > 1) {
      throw new LocalLambdaError('AmbiguousFunction', `"${id}" matches ${matches.length} functions; name one of them:\n${describe(matches)}`);
    }
  }
  const list = all.length ? `the assembly has these functions:\n${describe(all)}` : 'the assembly has no Lambda functions';
  throw new LocalLambdaError('FunctionNotFound', `No function "${id}" in the cloud assembly: ${list}`);
}

function describe(fns: FunctionRef[]): string {
  return fns.map(f => `  ${trimPath(f.path)} (logical id ${f.logicalId}, runtime ${f.stack.resources[f.logicalId].Properties?.Runtime ?? 'container image'})`).join('\n');
}
