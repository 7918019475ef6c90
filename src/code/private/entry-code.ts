import * as fs from 'fs';
import * as path from 'path';
import { AssetHashType } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { Bundle, BundleError, bundleEntry, defaultCacheDir } from './bundle';
import { refuseCode } from './refuse';
import { CodeTarget, ResolvedCode, TargetedCode } from './targeted-code';
import { DEFAULTS } from '../../limits';
import { Finding } from '../../rules/private/rule';
import { BlueprintEntryCodeOptions, BundleFormat } from '../options';

/** The concrete code of an entry for one function. */
export interface ResolvedEntry extends ResolvedCode {
  /** The bundle, when bundling succeeded. */
  readonly bundle?: Bundle;
}

const NODE_RUNTIME = /^nodejs(\d+)\.x$/;
const ESM_EXTENSIONS = ['.mjs', '.mts'];

/** How a path is shown in messages: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/**
 * `BlueprintCode.fromEntry`: a TypeScript or JavaScript entry, bundled with esbuild when a function binds
 * it (then the runtime and handler are known). A `BlueprintFunction` resolves it itself (`resolveFor`),
 * a plain `lambda.Function` through `bind`.
 */
export class EntryCode extends TargetedCode {
  constructor(public readonly entry: string, private readonly options: BlueprintEntryCodeOptions) {
    super();
  }

  /**
   * The code for one function: a content-hashed asset of the bundle, inline code for a small
   * dependency-free CommonJS `index` bundle, or (when the entry cannot be bundled) a placeholder and a
   * synth error on `scope`.
   */
  public resolveFor(scope: Construct, target: CodeTarget): ResolvedEntry {
    const runtime = target.runtime ?? this.options.runtime ?? lambda.Runtime.NODEJS_20_X;
    const shown = `BlueprintCode.fromEntry(${JSON.stringify(displayPath(this.entry))})`;
    const node = NODE_RUNTIME.exec(runtime.name);
    if (!node) {
      return this.refused(scope, { property: 'Runtime', value: `${JSON.stringify(runtime.name)} for ${shown}`, allowed: 'a Node.js runtime (nodejs<version>.x)', reason: 'the entry is bundled into JavaScript' });
    }
    const handler = /^(.+)\.([^./]+)$/.exec(target.handler ?? 'index.handler');
    const format = this.options.format ?? (ESM_EXTENSIONS.includes(path.extname(this.entry)) ? BundleFormat.ESM : BundleFormat.COMMONJS);
    const sourceMap = this.options.sourceMap ?? true;
    let bundle: Bundle;
    try {
      bundle = bundleEntry({
        entry: path.resolve(this.entry),
        format,
        moduleName: handler ? handler[1] : 'index',
        nodeMajor: Number(node[1]),
        minify: this.options.minify ?? false,
        sourceMap,
        external: this.options.externalModules ?? [],
        cacheDir: path.resolve(this.options.cacheDir ?? defaultCacheDir()),
      });
    } catch (e) {
      if (!(e instanceof BundleError)) throw e;
      return this.refused(scope, { property: 'Code', value: `${shown}`, allowed: 'a TypeScript or JavaScript entry that exists and compiles', reason: `${e.message}` });
    }
    const inline = this.inlineSource(bundle, format, runtime);
    if (inline !== undefined) return { code: lambda.Code.fromInline(inline), sourceMapped: false, bundle };
    const code = lambda.Code.fromAsset(bundle.dir, { assetHash: bundle.hash, assetHashType: AssetHashType.CUSTOM });
    return { code, sourceMapped: sourceMap, bundle };
  }

  /** The bundle's text when it may go inline (`Code.ZipFile` is always `index.js`, CommonJS). */
  private inlineSource(bundle: Bundle, format: BundleFormat, runtime: lambda.Runtime): string | undefined {
    const threshold = this.options.inlineThresholdBytes ?? DEFAULTS.inlineThresholdBytes;
    if (format !== BundleFormat.COMMONJS || bundle.file !== 'index.js' || bundle.usesNodeModules || !runtime.supportsInlineCode) return undefined;
    if (bundle.bytes > threshold) return undefined;
    const text = fs.readFileSync(path.join(bundle.dir, bundle.file), 'utf-8');
    return text.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n');
  }

  private refused(scope: Construct, finding: Finding): ResolvedEntry {
    return { code: refuseCode(scope, finding), sourceMapped: false };
  }
}
