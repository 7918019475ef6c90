import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { LocalLambdaError } from './types';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const UNIX_HOST = 3;

/**
 * Extracts a zip archive (stored or deflated entries, no ZIP64) into `dest`, keeping Unix modes the way
 * Lambda does when it unpacks a deployment package or a layer. Entries escaping `dest` are refused.
 */
export function extractZip(file: string, dest: string): void {
  const buf = fs.readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) { eocd = i; break; }
  }
  if (eocd < 0) throw new LocalLambdaError('BadArchive', `${file} is not a zip archive`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const root = path.resolve(dest);
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== CENTRAL) throw new LocalLambdaError('BadArchive', `${file}: damaged central directory (ZIP64 archives are not supported)`);
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const madeOnUnix = Math.floor(buf.readUInt16LE(at + 4) / 256) === UNIX_HOST;
    const unixMode = madeOnUnix ? Math.floor(buf.readUInt32LE(at + 38) / 65_536) % 0o1000 : 0;
    const localAt = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf-8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    const target = path.resolve(root, name);
    if (target !== root && !target.startsWith(root + path.sep)) throw new LocalLambdaError('BadArchive', `${file}: entry ${name} points outside the archive`);
    if (name.endsWith('/')) { fs.mkdirSync(target, { recursive: true }); continue; }
    if (buf.readUInt32LE(localAt) !== LOCAL) throw new LocalLambdaError('BadArchive', `${file}: damaged entry ${name}`);
    const dataAt = localAt + 30 + buf.readUInt16LE(localAt + 26) + buf.readUInt16LE(localAt + 28);
    const raw = buf.subarray(dataAt, dataAt + compressedSize);
    const data = method === 0 ? raw : method === 8 ? zlib.inflateRawSync(raw) : undefined;
    if (!data) throw new LocalLambdaError('BadArchive', `${file}: entry ${name} uses compression method ${method} (only stored and deflate are supported)`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, data, { mode: unixMode || 0o644 });
  }
}
