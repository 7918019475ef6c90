import * as fs from 'fs';
import * as zlib from 'zlib';

/** One file or folder listed in a zip archive's central directory. */
export interface ZipEntry {
  /** Path inside the archive, `/`-separated (folders end with `/`). */
  readonly name: string;
  /** Size once extracted, in bytes, as the central directory declares it. */
  readonly uncompressedSize: number;
  /** Unix mode bits when the archive was made on a Unix host, else undefined. */
  readonly unixMode?: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const U32_MAX = 0xffffffff;
const U16_MAX = 0xffff;
const UNIX_HOST = 3;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/** An entry as the central directory describes it, with what is needed to read its content. */
interface CentralEntry extends ZipEntry {
  readonly method: number;
  readonly compressedSize: number;
  readonly localHeaderOffset: number;
}

/** Random access to the bytes of an archive: a file on disk or an archive held in memory (a jar in a zip). */
interface Bytes {
  readonly size: number;
  at(position: number, length: number): Buffer;
}

function fileBytes(fd: number): Bytes {
  return {
    size: fs.fstatSync(fd).size,
    at: (position, length) => {
      const buf = Buffer.alloc(Math.max(0, length));
      const read = fs.readSync(fd, buf, 0, buf.length, position);
      return buf.subarray(0, read);
    },
  };
}

function memoryBytes(buf: Buffer): Bytes {
  return { size: buf.length, at: (position, length) => buf.subarray(position, position + Math.max(0, length)) };
}

function notAZip(file: string, why: string): Error {
  return new Error(`${file} is not a readable zip archive: ${why}`);
}

/** Where the central directory sits and how many entries it holds. */
function locateCentralDirectory(src: Bytes, file: string): { offset: number; length: number; entries: number } {
  const size = src.size;
  const tailLength = Math.min(size, EOCD_SIZE + MAX_COMMENT);
  const tailStart = size - tailLength;
  const tail = src.at(tailStart, tailLength);
  let eocd = -1;
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) { eocd = i; break; }
  }
  if (eocd < 0) throw notAZip(file, 'no end-of-central-directory record');
  let entries = tail.readUInt16LE(eocd + 10);
  let length = tail.readUInt32LE(eocd + 12);
  let offset = tail.readUInt32LE(eocd + 16);
  if (entries === U16_MAX || length === U32_MAX || offset === U32_MAX) {
    // ZIP64: the locator sits just before the classic record and points at the ZIP64 record.
    const locatorAt = tailStart + eocd - 20;
    const locator = locatorAt >= 0 ? src.at(locatorAt, 20) : Buffer.alloc(0);
    if (locator.length < 20 || locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIGNATURE) throw notAZip(file, 'ZIP64 locator missing');
    const record = src.at(Number(locator.readBigUInt64LE(8)), 56);
    if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) throw notAZip(file, 'ZIP64 record missing');
    entries = Number(record.readBigUInt64LE(32));
    length = Number(record.readBigUInt64LE(40));
    offset = Number(record.readBigUInt64LE(48));
  }
  if (offset + length > size) throw notAZip(file, 'the central directory lies beyond the end of the file');
  return { offset, length, entries };
}

/** The ZIP64 extra field's values in their order (each present only when its classic field overflows). */
function zip64Values(extra: Buffer): number[] {
  let i = 0;
  while (i + 4 <= extra.length) {
    const id = extra.readUInt16LE(i);
    const len = extra.readUInt16LE(i + 2);
    if (id === 0x0001) {
      const values: number[] = [];
      for (let j = 0; j + 8 <= len && i + 4 + j + 8 <= extra.length; j += 8) values.push(Number(extra.readBigUInt64LE(i + 4 + j)));
      return values;
    }
    i += 4 + len;
  }
  return [];
}

function readCentralDirectory(src: Bytes, file: string): CentralEntry[] {
  if (src.size < EOCD_SIZE) throw notAZip(file, `only ${src.size} bytes long`);
  const cd = locateCentralDirectory(src, file);
  const buf = src.at(cd.offset, cd.length);
  const entries: CentralEntry[] = [];
  let i = 0;
  for (let n = 0; n < cd.entries; n++) {
    if (i + 46 > buf.length || buf.readUInt32LE(i) !== CENTRAL_ENTRY_SIGNATURE) throw notAZip(file, `central directory entry ${n} is damaged`);
    const host = buf.readUInt8(i + 5);
    const method = buf.readUInt16LE(i + 10);
    let compressedSize = buf.readUInt32LE(i + 20);
    let uncompressedSize = buf.readUInt32LE(i + 24);
    const nameLength = buf.readUInt16LE(i + 28);
    const extraLength = buf.readUInt16LE(i + 30);
    const commentLength = buf.readUInt16LE(i + 32);
    const external = buf.readUInt32LE(i + 38);
    let localHeaderOffset = buf.readUInt32LE(i + 42);
    const name = buf.toString('utf-8', i + 46, i + 46 + nameLength);
    // ZIP64: the values whose classic field overflowed follow in this order: uncompressed, compressed, offset.
    const wide = zip64Values(buf.subarray(i + 46 + nameLength, i + 46 + nameLength + extraLength));
    if (uncompressedSize === U32_MAX && wide.length) uncompressedSize = wide.shift()!;
    if (compressedSize === U32_MAX && wide.length) compressedSize = wide.shift()!;
    if (localHeaderOffset === U32_MAX && wide.length) localHeaderOffset = wide.shift()!;
    entries.push({
      name,
      uncompressedSize,
      unixMode: host === UNIX_HOST ? Math.floor(external / 0x10000) : undefined,
      method,
      compressedSize,
      localHeaderOffset,
    });
    i += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function publicEntry(e: CentralEntry): ZipEntry {
  return { name: e.name, uncompressedSize: e.uncompressedSize, unixMode: e.unixMode };
}

/**
 * The content of one entry, or its first `limit` bytes (only as much as needed is read and inflated).
 * Undefined when the entry is not there or uses a compression method other than stored or deflate.
 */
function readContent(src: Bytes, file: string, entry: CentralEntry, limit: number): Buffer | undefined {
  const header = src.at(entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_HEADER_SIGNATURE) throw notAZip(file, `the local header of ${entry.name} is damaged`);
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const wanted = Math.min(limit, entry.uncompressedSize);
  if (entry.method === STORED) return src.at(start, Math.min(wanted, entry.compressedSize));
  if (entry.method !== DEFLATED) return undefined;
  if (wanted >= entry.uncompressedSize) {
    return zlib.inflateRawSync(src.at(start, entry.compressedSize), { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  }
  // A prefix of a deflate stream inflates to a prefix of the content (Z_SYNC_FLUSH accepts the cut):
  // the window grows until it yields enough, so a 20-byte header costs about a kilobyte.
  let out = Buffer.alloc(0);
  for (let window = 1024; out.length < wanted; window *= 4) {
    out = zlib.inflateRawSync(src.at(start, Math.min(window, entry.compressedSize)), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    if (window >= entry.compressedSize) break;
  }
  return out.subarray(0, wanted);
}

/**
 * Lists a zip archive's entries from its central directory only: sizes are the declared uncompressed
 * sizes, nothing is decompressed, so reading a 200 MB archive costs a few kilobytes of I/O.
 *
 * @param file path of the zip archive
 * @throws when the file is not a zip archive
 */
export function readZipEntries(file: string): ZipEntry[] {
  const fd = fs.openSync(file, 'r');
  try {
    return readCentralDirectory(fileBytes(fd), file).map(publicEntry);
  } finally {
    fs.closeSync(fd);
  }
}

/** Lists the entries of a zip archive held in memory (a jar read out of a zip package). */
export function readZipBufferEntries(buf: Buffer, name: string): ZipEntry[] {
  return readCentralDirectory(memoryBytes(buf), name).map(publicEntry);
}

/**
 * Reads entries of a zip archive: for each name asked for that the archive holds, its content or its first
 * `limit` bytes (the ELF header of a binary needs 20). Entries are inflated one at a time.
 *
 * @param file path of the zip archive
 * @param names entry names (`/`-separated, as listed)
 * @param limit at most this many bytes of each entry
 * @param whole read only entries of at most `limit` bytes, whole (else the first `limit` bytes of each)
 * @throws when the file is not a zip archive
 */
export function readZipFiles(file: string, names: readonly string[], limit: number, whole = false): Map<string, Buffer> {
  const fd = fs.openSync(file, 'r');
  try {
    const src = fileBytes(fd);
    const wanted = new Set(names);
    const out = new Map<string, Buffer>();
    for (const entry of readCentralDirectory(src, file)) {
      if (!wanted.has(entry.name) || out.has(entry.name) || (whole && entry.uncompressedSize > limit)) continue;
      const content = readContent(src, file, entry, limit);
      if (content) out.set(entry.name, content);
    }
    return out;
  } finally {
    fs.closeSync(fd);
  }
}
