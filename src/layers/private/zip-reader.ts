import * as fs from 'fs';

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

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const read = fs.readSync(fd, buf, 0, length, position);
  return buf.subarray(0, read);
}

function notAZip(file: string, why: string): Error {
  return new Error(`${file} is not a readable zip archive: ${why}`);
}

/** Where the central directory sits and how many entries it holds. */
function locateCentralDirectory(fd: number, file: string, size: number): { offset: number; length: number; entries: number } {
  const tailLength = Math.min(size, EOCD_SIZE + MAX_COMMENT);
  const tailStart = size - tailLength;
  const tail = readAt(fd, tailStart, tailLength);
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
    const locator = locatorAt >= 0 ? readAt(fd, locatorAt, 20) : Buffer.alloc(0);
    if (locator.length < 20 || locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIGNATURE) throw notAZip(file, 'ZIP64 locator missing');
    const record = readAt(fd, Number(locator.readBigUInt64LE(8)), 56);
    if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) throw notAZip(file, 'ZIP64 record missing');
    entries = Number(record.readBigUInt64LE(32));
    length = Number(record.readBigUInt64LE(40));
    offset = Number(record.readBigUInt64LE(48));
  }
  if (offset + length > size) throw notAZip(file, 'the central directory lies beyond the end of the file');
  return { offset, length, entries };
}

/** The uncompressed size of an entry, from the ZIP64 extra field when the classic field overflows. */
function uncompressedSizeOf(classic: number, extra: Buffer): number {
  if (classic !== U32_MAX) return classic;
  let i = 0;
  while (i + 4 <= extra.length) {
    const id = extra.readUInt16LE(i);
    const len = extra.readUInt16LE(i + 2);
    // In the ZIP64 field the uncompressed size comes first (present because the classic one overflowed).
    if (id === 0x0001 && len >= 8) return Number(extra.readBigUInt64LE(i + 4));
    i += 4 + len;
  }
  return classic;
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
    const size = fs.fstatSync(fd).size;
    if (size < EOCD_SIZE) throw notAZip(file, `only ${size} bytes long`);
    const cd = locateCentralDirectory(fd, file, size);
    const buf = readAt(fd, cd.offset, cd.length);
    const entries: ZipEntry[] = [];
    let i = 0;
    for (let n = 0; n < cd.entries; n++) {
      if (i + 46 > buf.length || buf.readUInt32LE(i) !== CENTRAL_ENTRY_SIGNATURE) throw notAZip(file, `central directory entry ${n} is damaged`);
      const host = buf.readUInt8(i + 5);
      const uncompressed = buf.readUInt32LE(i + 24);
      const nameLength = buf.readUInt16LE(i + 28);
      const extraLength = buf.readUInt16LE(i + 30);
      const commentLength = buf.readUInt16LE(i + 32);
      const external = buf.readUInt32LE(i + 38);
      const name = buf.toString('utf-8', i + 46, i + 46 + nameLength);
      const extra = buf.subarray(i + 46 + nameLength, i + 46 + nameLength + extraLength);
      entries.push({
        name,
        uncompressedSize: uncompressedSizeOf(uncompressed, extra),
        unixMode: host === UNIX_HOST ? Math.floor(external / 0x10000) : undefined,
      });
      i += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    fs.closeSync(fd);
  }
}
