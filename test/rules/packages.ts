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

/**
 * A 64-bit little-endian ELF shared object for a machine that imports each symbol at a glibc version
 * (`{ symbol: 'arc4random', version: 'GLIBC_2.36' }`), through the sections a dynamic loader reads:
 * .dynstr, .dynsym, .gnu.version and .gnu.version_r (libc.so.6).
 */
export function elfImporting(machine: number, imports: Array<{ symbol: string; version: string }>): Buffer {
  const strings: string[] = [''];
  const offsetOf = (s: string): number => {
    let at = 0;
    for (const x of strings) {
      if (x === s) return at;
      at += Buffer.byteLength(x) + 1;
    }
    strings.push(s);
    return at;
  };
  const library = offsetOf('libc.so.6');
  const versions = [...new Set(imports.map(i => i.version))];
  const versionNames = versions.map(offsetOf);
  const symbolNames = imports.map(i => offsetOf(i.symbol));
  const dynstr = Buffer.from(strings.map(s => `${s}\0`).join(''), 'latin1');
  const dynsym = Buffer.alloc(24 * (imports.length + 1));
  symbolNames.forEach((name, i) => {
    dynsym.writeUInt32LE(name, 24 * (i + 1));
    dynsym[24 * (i + 1) + 4] = 0x12; // global function
  });
  const versym = Buffer.alloc(2 * (imports.length + 1));
  imports.forEach((imp, i) => versym.writeUInt16LE(2 + versions.indexOf(imp.version), 2 * (i + 1)));
  const verneed = Buffer.alloc(16 + 16 * versions.length);
  verneed.writeUInt16LE(1, 0);
  verneed.writeUInt16LE(versions.length, 2);
  verneed.writeUInt32LE(library, 4);
  verneed.writeUInt32LE(16, 8);
  versions.forEach((_, i) => {
    const at = 16 + 16 * i;
    verneed.writeUInt16LE(2 + i, at + 6);
    verneed.writeUInt32LE(versionNames[i], at + 8);
    verneed.writeUInt32LE(i + 1 < versions.length ? 16 : 0, at + 12);
  });
  const sections = [
    { type: 0, data: Buffer.alloc(0), link: 0, entsize: 0 },
    { type: 3, data: dynstr, link: 0, entsize: 0 },
    { type: 11, data: dynsym, link: 1, entsize: 24 },
    { type: 0x6fffffff, data: versym, link: 2, entsize: 2 },
    { type: 0x6ffffffe, data: verneed, link: 1, entsize: 0 },
  ];
  const header = elfHeader(machine);
  let offset = header.length;
  const placed = sections.map(s => {
    const at = offset;
    offset += s.data.length;
    return at;
  });
  const table = Buffer.alloc(64 * sections.length);
  sections.forEach((s, i) => {
    table.writeUInt32LE(s.type, 64 * i + 4);
    table.writeBigUInt64LE(BigInt(placed[i]), 64 * i + 24);
    table.writeBigUInt64LE(BigInt(s.data.length), 64 * i + 32);
    table.writeUInt32LE(s.link, 64 * i + 40);
    table.writeBigUInt64LE(BigInt(s.entsize), 64 * i + 56);
  });
  header.writeBigUInt64LE(BigInt(offset), 0x28);
  header.writeUInt16LE(64, 0x34);
  header.writeUInt16LE(64, 0x3a);
  header.writeUInt16LE(sections.length, 0x3c);
  return Buffer.concat([header, ...sections.map(s => s.data), table]);
}
