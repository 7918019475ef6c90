import * as fs from 'fs';
import * as path from 'path';
import { readZipEntries } from '../../core/private/zip-reader';

/** Folders deeper than this are not recorded (layouts are decided by the first three levels). */
const RECORDED_DEPTH = 3;

/**
 * What a local code or layer package holds once extracted, measured without reading file contents.
 */
export interface PackageContents {
  /** The measured directory or zip archive. */
  readonly source: string;
  /** Whether the source is a zip archive (else a directory). */
  readonly isZip: boolean;
  /** Total size once extracted: the sum of file sizes (`stat.size`, so sparse files count in full). */
  readonly unzippedBytes: number;
  /** Number of files. */
  readonly fileCount: number;
  /** Relative `/`-separated paths of files and folders down to three levels (e.g. `nodejs/node_modules`). */
  readonly paths: ReadonlySet<string>;
  /** Unix mode of the root `bootstrap` file, or undefined when there is none. */
  readonly bootstrapMode?: number;
}

function recordPath(paths: Set<string>, relative: string): void {
  const parts = relative.split('/').filter(Boolean);
  for (let depth = 1; depth <= Math.min(parts.length, RECORDED_DEPTH); depth++) {
    paths.add(parts.slice(0, depth).join('/'));
  }
}

function inspectDirectory(dir: string): PackageContents {
  const paths = new Set<string>();
  let unzippedBytes = 0;
  let fileCount = 0;
  let bootstrapMode: number | undefined;
  const walk = (absolute: string, relative: string): void => {
    for (const entry of fs.readdirSync(absolute, { withFileTypes: true })) {
      const abs = path.join(absolute, entry.name);
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      // lstat: a symbolic link is packaged as what it points to only when bundling follows links.
      const stat = fs.lstatSync(abs);
      if (stat.isDirectory()) {
        recordPath(paths, rel);
        walk(abs, rel);
        continue;
      }
      recordPath(paths, rel);
      fileCount++;
      unzippedBytes += stat.size;
      if (rel === 'bootstrap') bootstrapMode = fs.statSync(abs).mode;
    }
  };
  walk(dir, '');
  return { source: dir, isZip: false, unzippedBytes, fileCount, paths, bootstrapMode };
}

function inspectZip(file: string): PackageContents {
  const paths = new Set<string>();
  let unzippedBytes = 0;
  let fileCount = 0;
  let bootstrapMode: number | undefined;
  for (const entry of readZipEntries(file)) {
    recordPath(paths, entry.name);
    if (entry.name.endsWith('/')) continue;
    fileCount++;
    unzippedBytes += entry.uncompressedSize;
    // A zip made on a non-Unix host carries no mode: Lambda extracts such a bootstrap without the execute bit.
    if (entry.name === 'bootstrap') bootstrapMode = entry.unixMode ?? 0o644;
  }
  return { source: file, isZip: true, unzippedBytes, fileCount, paths, bootstrapMode };
}

/**
 * Measures a local directory or zip archive.
 *
 * @param source a directory, or a `.zip`/`.jar` file
 * @throws when the path does not exist or is a file that is not a zip archive
 */
export function inspectPackage(source: string): PackageContents {
  const stat = fs.statSync(source);
  return stat.isDirectory() ? inspectDirectory(source) : inspectZip(source);
}

/** Whether a Unix mode has any execute bit. */
export function isExecutable(mode: number | undefined): boolean {
  // eslint-disable-next-line no-bitwise
  return mode !== undefined && (mode & 0o111) !== 0;
}

/** The permission bits of a Unix mode in octal, as `chmod` prints them: `644`. */
export function permissions(mode: number): string {
  // eslint-disable-next-line no-bitwise
  return (mode & 0o777).toString(8);
}
