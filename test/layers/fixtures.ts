import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { App, Stack } from 'aws-cdk-lib';

/** One file of a fixture tree: text content, or a sparse file of `size` bytes; `mode` for chmod. */
export interface FixtureFile {
  readonly content?: string;
  readonly size?: number;
  readonly mode?: number;
}

/**
 * Builds a directory tree in os.tmpdir(): keys are `/`-separated paths (a key ending in `/` is an empty
 * folder). Large files are sparse (`ftruncate`), so they take no disk space and no write time.
 */
export function tree(files: Record<string, string | FixtureFile>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'layers-test-'));
  for (const [rel, spec] of Object.entries(files)) {
    const abs = path.join(root, rel);
    if (rel.endsWith('/')) {
      fs.mkdirSync(abs, { recursive: true });
      continue;
    }
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    const file: FixtureFile = typeof spec === 'string' ? { content: spec } : spec;
    if (file.size !== undefined) {
      const fd = fs.openSync(abs, 'w');
      fs.ftruncateSync(fd, file.size);
      fs.closeSync(fd);
    } else {
      fs.writeFileSync(abs, file.content ?? '');
    }
    if (file.mode !== undefined) fs.chmodSync(abs, file.mode);
  }
  return root;
}

/** One entry of a fixture zip: its content and, optionally, a declared (never materialized) size. */
export interface ZipFixtureEntry {
  readonly name: string;
  readonly content?: string | Buffer;
  /** Store the content deflated (method 8) rather than stored. */
  readonly deflate?: boolean;
  /** Uncompressed size written in the central directory instead of the content's length. */
  readonly declaredSize?: number;
  readonly mode?: number;
  /** Host that made the entry: 3 = Unix (default), 0 = MS-DOS (no Unix mode). */
  readonly host?: number;
}

const U32_MAX = 0xffffffff;

/**
 * Writes a zip archive (entries stored, or deflated when asked). Sizes can be declared larger than the data so that a
 * 200 MB package is simulated by a few bytes; `zip64` writes ZIP64 size fields and end records.
 */
export function writeZip(entries: ZipFixtureEntry[], options: { zip64?: boolean; file?: string } = {}): string {
  const file = options.file ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'layers-zip-')), 'layer.zip');
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf-8');
    const raw = Buffer.isBuffer(e.content) ? e.content : Buffer.from(e.content ?? '', 'utf-8');
    const data = e.deflate ? zlib.deflateRawSync(raw) : raw;
    const declared = e.declaredSize ?? raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.deflate ? 8 : 0, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);

    const extra = options.zip64 ? Buffer.alloc(12) : Buffer.alloc(0);
    if (options.zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8, 2);
      extra.writeBigUInt64LE(BigInt(declared), 4);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt8(20, 4);
    central.writeUInt8(e.host ?? 3, 5);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.deflate ? 8 : 0, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(options.zip64 ? U32_MAX : declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    const mode = e.mode ?? (e.name.endsWith('/') ? 0o40755 : 0o100644);
    central.writeUInt32LE(((e.host ?? 3) === 3 ? mode : 0) * 0x10000, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, extra);
    offset += local.length + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  if (options.zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeBigUInt64LE(BigInt(entries.length), 24);
    record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(cd.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + cd.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(options.zip64 ? 0xffff : entries.length, 8);
  eocd.writeUInt16LE(options.zip64 ? 0xffff : entries.length, 10);
  eocd.writeUInt32LE(options.zip64 ? U32_MAX : cd.length, 12);
  eocd.writeUInt32LE(options.zip64 ? U32_MAX : offset, 16);
  fs.writeFileSync(file, Buffer.concat([...locals, cd, ...tail, eocd]));
  return file;
}

/** A stack whose app does not copy assets into the cloud assembly (large sparse fixtures stay sparse). */
export function unstagedStack(id = 'Test'): Stack {
  const app = new App({ context: { 'aws:cdk:disable-asset-staging': true } });
  return new Stack(app, id, { env: { account: '123456789012', region: 'us-east-1' } });
}

/** 1 MB as Lambda counts it. */
export const MB = 1024 * 1024;
