import * as fs from 'fs';
import * as path from 'path';
import { AssetStaging, Stack } from 'aws-cdk-lib';
import * as s3_assets from 'aws-cdk-lib/aws-s3-assets';
import { CfnEntry, isObject, TemplateIndex, indexKey } from './template-index';
import { ELF_HEADER_BYTES, elfHeaderArchitecture, isNativeCandidate } from '../../core/private/elf';
import { readZipEntries, readZipFiles } from '../../core/private/zip-reader';

/** At most this many files of one package are listed (a package this large is judged on those). */
const MAX_FILES = 50_000;

/** A function's code or layer package found on this machine through its asset. */
export interface LocatedPackage {
  /** How messages name it: `code` or `layer <construct path>`. */
  readonly label: string;
  /** The staged directory or zip archive. */
  readonly source: string;
  readonly isZip: boolean;
  /** Relative `/`-separated paths of the files it holds (the first 50,000). */
  readonly files: readonly string[];
  /** Size once extracted, in bytes: file sizes of a directory (`lstat`), declared sizes of a zip's entries. */
  readonly unzippedBytes: number;
  /** Number of files (all of them, not only those listed). */
  readonly fileCount: number;
  /** Size of the zip archive, or undefined for a directory (zipped at deployment). */
  readonly zipBytes?: number;
}

const ASSETS = indexKey<Map<string, string>>('staged assets by S3 key');
type Listing = { isZip: boolean; files: string[]; unzippedBytes: number; fileCount: number; zipBytes?: number } | null;
/** Listings per rule run (a package may be rewritten between two synths of one process). */
const LISTED = indexKey<Map<string, Listing>>('package listings');

/** Staged asset paths of the stack by their rendered S3 key (what `Code.S3Key`/`Content.S3Key` hold). */
function assetPaths(index: TemplateIndex): Map<string, string> {
  return index.memo(ASSETS, () => {
    const map = new Map<string, string>();
    for (const c of index.stack.node.findAll()) {
      if (!(c instanceof s3_assets.Asset) || Stack.of(c) !== index.stack) continue;
      const staging = c.node.tryFindChild('Stage');
      if (!(staging instanceof AssetStaging)) continue;
      map.set(JSON.stringify(index.stack.resolve(c.s3ObjectKey)), staging.absoluteStagedPath);
    }
    return map;
  });
}

function list(index: TemplateIndex, source: string): Listing {
  const run = index.memo(LISTED, () => new Map<string, Listing>());
  const known = run.get(source);
  if (known !== undefined) return known;
  let listed: Listing = null;
  try {
    const stat = fs.statSync(source);
    if (stat.isDirectory()) {
      const files: string[] = [];
      let unzippedBytes = 0;
      let fileCount = 0;
      const walk = (dir: string, rel: string): void => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
          const r = rel ? `${rel}/${e.name}` : e.name;
          const abs = path.join(dir, e.name);
          if (e.isDirectory()) { walk(abs, r); continue; }
          fileCount++;
          // lstat, as the layer measure does: sparse files count in full, links as themselves.
          unzippedBytes += fs.lstatSync(abs).size;
          if (files.length < MAX_FILES) files.push(r);
        }
      };
      walk(source, '');
      listed = { isZip: false, files, unzippedBytes, fileCount };
    } else {
      const entries = readZipEntries(source).filter(e => !e.name.endsWith('/'));
      listed = {
        isZip: true,
        files: entries.slice(0, MAX_FILES).map(e => e.name),
        unzippedBytes: entries.reduce((sum, e) => sum + e.uncompressedSize, 0),
        fileCount: entries.length,
        zipBytes: stat.size,
      };
    }
  } catch {
    listed = null;
  }
  run.set(source, listed);
  return listed;
}

/** The package a `Code`/`Content` property points to, when it is an asset staged on this machine. */
function locate(index: TemplateIndex, label: string, code: unknown): LocatedPackage | undefined {
  if (!isObject(code) || code.S3Key === undefined) return undefined;
  const source = assetPaths(index).get(JSON.stringify(code.S3Key));
  if (!source) return undefined;
  const listed = list(index, source);
  return listed ? { label, source, ...listed } : undefined;
}

/** The function's own package, when it can be located (never guessed). */
export function codePackageOf(e: CfnEntry, index: TemplateIndex): LocatedPackage | undefined {
  return locate(index, 'code', e.properties.Code);
}

/** The package of a layer reference when it is a layer version of this stack built from a local asset. */
export function layerPackageOf(index: TemplateIndex, layer: unknown): LocatedPackage | undefined {
  const target = index.target(layer);
  if (target?.type !== 'AWS::Lambda::LayerVersion') return undefined;
  return locate(index, `layer ${target.path.replace(/\/Resource$/, '')}`, target.properties.Content);
}

/** The packages of the function's layers that are layer versions of this stack built from local assets. */
export function layerPackagesOf(e: CfnEntry, index: TemplateIndex): LocatedPackage[] {
  const layers = e.properties.Layers;
  if (!Array.isArray(layers)) return [];
  return layers.map(l => layerPackageOf(index, l)).filter((p): p is LocatedPackage => p !== undefined);
}

/** The function's architecture as the template says (CloudFormation's default is x86_64); undefined when a token. */
export function architectureOf(e: CfnEntry): 'x86_64' | 'arm64' | undefined {
  const archs = e.properties.Architectures;
  if (archs === undefined) return 'x86_64';
  if (!Array.isArray(archs) || archs.length !== 1) return undefined;
  return archs[0] === 'arm64' || archs[0] === 'x86_64' ? archs[0] : undefined;
}

/** The absolute path of a file of a directory package (undefined for zip archives). */
export function fileOf(pkg: LocatedPackage, rel: string): string | undefined {
  return pkg.isZip ? undefined : path.join(pkg.source, ...rel.split('/'));
}

/** Files larger than this are not read whole (a handler file or a jar of that size is not judged). */
const MAX_READ_BYTES = 64 * 1024 * 1024;

/**
 * The contents of files of a package, a directory or a zip archive alike — whole, or only their first
 * `head` bytes. Files that cannot be read (or are too large to read whole) are left out, so a caller never
 * judges what it could not see.
 */
export function readPackageFiles(pkg: LocatedPackage, rels: readonly string[], head?: number): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  if (rels.length === 0) return out;
  const limit = head ?? MAX_READ_BYTES;
  if (pkg.isZip) {
    try {
      return readZipFiles(pkg.source, rels, limit, head === undefined);
    } catch {
      return out;
    }
  }
  for (const rel of rels) {
    let fd: number | undefined;
    try {
      fd = fs.openSync(fileOf(pkg, rel)!, 'r');
      const size = fs.fstatSync(fd).size;
      if (head === undefined && size > limit) continue;
      const buf = Buffer.alloc(Math.min(size, limit));
      out.set(rel, buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, 0)));
    } catch {
      // unreadable: not judged
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }
  return out;
}

/** The text of one file of a package (directory or zip), undefined when it cannot be read. */
export function readPackageText(pkg: LocatedPackage, rel: string): string | undefined {
  return readPackageFiles(pkg, [rel]).get(rel)?.toString('utf-8');
}

/** Native binaries of a package (ELF `bootstrap`, `*.node`, `*.so*`, `bin/*`), sorted by path, with their architecture. */
export function nativeBinariesOf(pkg: LocatedPackage): Array<{ file: string; arch: string }> {
  const heads = readPackageFiles(pkg, pkg.files.filter(isNativeCandidate), ELF_HEADER_BYTES);
  const out: Array<{ file: string; arch: string }> = [];
  for (const [file, head] of heads) {
    const arch = elfHeaderArchitecture(head);
    if (arch) out.push({ file, arch });
  }
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

/**
 * The Unix mode bits (permissions) of files of a package: `lstat` in a directory, the entry's mode in a zip
 * made on a Unix host. Files whose mode is not known (a zip made on Windows) are left out.
 */
export function fileModesOf(pkg: LocatedPackage, rels: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  try {
    if (pkg.isZip) {
      for (const e of readZipEntries(pkg.source)) {
        if (rels.includes(e.name) && e.unixMode !== undefined) out.set(e.name, e.unixMode % 0o1000);
      }
      return out;
    }
    for (const rel of rels) out.set(rel, fs.lstatSync(fileOf(pkg, rel)!).mode % 0o1000);
  } catch {
    // unreadable: not judged
  }
  return out;
}
