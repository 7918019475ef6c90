import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The first 20 bytes of a 64-bit little-endian ELF file for a machine (0x3e x86_64, 0xb7 arm64). */
export function elfHeader(machine: number): Buffer {
  const b = Buffer.alloc(64);
  b.writeUInt32BE(0x7f454c46, 0);
  b[4] = 2; // 64-bit
  b[5] = 1; // little endian
  b.writeUInt16LE(3, 16); // shared object
  b.writeUInt16LE(machine, 18);
  return b;
}
export const X86_64 = 0x3e;
export const ARM64 = 0xb7;

/** A package folder written by the test in a fresh temporary directory. */
export function packageDir(files: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'blueprint-package-'));
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return root;
}
