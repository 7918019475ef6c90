import * as fs from 'fs';
import * as path from 'path';

/** ELF e_machine values of the two Lambda architectures. */
const MACHINES: Record<number, 'x86_64' | 'arm64'> = { 0x3e: 'x86_64', 0xb7: 'arm64' };
const MAX_FILES = 5_000;

/** Bytes of an ELF header that name the machine. */
export const ELF_HEADER_BYTES = 20;

/** The architecture of an ELF header (its first 20 bytes), `other` for other machines, undefined when not ELF. */
export function elfHeaderArchitecture(head: Buffer): 'x86_64' | 'arm64' | 'other' | undefined {
  if (head.length < ELF_HEADER_BYTES || head.readUInt32BE(0) !== 0x7f454c46) return undefined;
  const machine = head[5] === 2 ? head.readUInt16BE(18) : head.readUInt16LE(18);
  return MACHINES[machine] ?? 'other';
}

/** Whether a file's path names a native binary candidate: `bootstrap`, `*.node`, `*.so*` or a file of a `bin` folder. */
export function isNativeCandidate(rel: string): boolean {
  const parts = rel.split(/[\\/]/);
  const name = parts[parts.length - 1];
  return name === 'bootstrap' || name.endsWith('.node') || /\.so(\.|$)/.test(name) || parts[parts.length - 2] === 'bin';
}

/** The architecture an ELF binary was built for, `other` for other machines, undefined when not ELF. */
export function elfArchitecture(file: string): 'x86_64' | 'arm64' | 'other' | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(ELF_HEADER_BYTES);
    if (fs.readSync(fd, head, 0, ELF_HEADER_BYTES, 0) < ELF_HEADER_BYTES) return undefined;
    return elfHeaderArchitecture(head);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** The host's architecture in Lambda's words. */
export function hostArchitecture(): string {
  return process.arch === 'x64' ? 'x86_64' : process.arch === 'arm64' ? 'arm64' : process.arch;
}

/** Native binaries under `dirs` (`bootstrap`, `*.node`, `*.so*`, `bin/*`) and the architecture each was built for. */
export function nativeBinaries(dirs: string[]): Array<{ file: string; arch: string }> {
  const out: Array<{ file: string; arch: string }> = [];
  let seen = 0;
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      if (++seen > MAX_FILES) return;
      const file = path.join(dir, e.name);
      if (e.isDirectory()) { walk(file); continue; }
      const candidate = isNativeCandidate(`${path.basename(dir)}/${e.name}`);
      if (!candidate || !e.isFile()) continue;
      const found = elfArchitecture(file);
      if (found) out.push({ file, arch: found });
    }
  };
  for (const d of dirs) walk(d);
  return out;
}

/** Section types of the dynamic symbol table and GNU symbol versioning. */
const SHT_DYNSYM = 11;
const SHT_GNU_VERNEED = 0x6ffffffe;
const SHT_GNU_VERSYM = 0x6fffffff;

/** A dynamic symbol a binary imports at a version of a shared library (`memcpy` at `GLIBC_2.14` of libc.so.6). */
export interface VersionedImport {
  readonly symbol: string;
  readonly version: string;
  readonly library: string;
}

interface Section { readonly type: number; readonly offset: number; readonly size: number; readonly link: number; readonly entsize: number }

function cString(buf: Buffer, at: number): string {
  const end = buf.indexOf(0, at);
  return buf.toString('latin1', at, end < 0 ? buf.length : end);
}

/**
 * The versioned symbols a 64-bit little-endian ELF binary imports (undefined dynamic symbols with a
 * `.gnu.version_r` requirement), read from its section headers. Statically linked binaries, other ELF
 * classes and files that are not ELF give none; a malformed file gives what could be read.
 */
export function elfVersionedImports(buf: Buffer): VersionedImport[] {
  if (elfHeaderArchitecture(buf) === undefined || buf[4] !== 2 || buf[5] !== 1 || buf.length < 64) return [];
  const shoff = Number(buf.readBigUInt64LE(0x28));
  const shentsize = buf.readUInt16LE(0x3a);
  const shnum = buf.readUInt16LE(0x3c);
  if (shoff === 0 || shentsize < 64 || shoff + shnum * shentsize > buf.length) return [];
  const sections: Section[] = [];
  for (let i = 0; i < shnum; i++) {
    const at = shoff + i * shentsize;
    sections.push({
      type: buf.readUInt32LE(at + 4),
      offset: Number(buf.readBigUInt64LE(at + 24)),
      size: Number(buf.readBigUInt64LE(at + 32)),
      link: buf.readUInt32LE(at + 40),
      entsize: Number(buf.readBigUInt64LE(at + 56)),
    });
  }
  const dynsym = sections.find(s => s.type === SHT_DYNSYM);
  const versym = sections.find(s => s.type === SHT_GNU_VERSYM);
  const verneed = sections.find(s => s.type === SHT_GNU_VERNEED);
  if (!dynsym || !versym || !verneed || !sections[dynsym.link] || !sections[verneed.link]) return [];
  const inside = (s: Section): boolean => s.offset + s.size <= buf.length;
  if (![dynsym, versym, verneed, sections[dynsym.link], sections[verneed.link]].every(inside)) return [];
  // Version index → (version name, library), from the verneed chain.
  const versions = new Map<number, { version: string; library: string }>();
  const needStrings = sections[verneed.link].offset;
  for (let at = verneed.offset, guard = 0; at + 16 <= verneed.offset + verneed.size && guard < 1_000; guard++) {
    const count = buf.readUInt16LE(at + 2);
    const library = cString(buf, needStrings + buf.readUInt32LE(at + 4));
    for (let aux = at + buf.readUInt32LE(at + 8), n = 0; n < count && aux + 16 <= buf.length; n++) {
      versions.set(buf.readUInt16LE(aux + 6), { version: cString(buf, needStrings + buf.readUInt32LE(aux + 8)), library });
      const next = buf.readUInt32LE(aux + 12);
      if (next === 0) break;
      aux += next;
    }
    const next = buf.readUInt32LE(at + 12);
    if (next === 0) break;
    at += next;
  }
  const out: VersionedImport[] = [];
  const symStrings = sections[dynsym.link].offset;
  const entsize = dynsym.entsize || 24;
  for (let i = 1; i < dynsym.size / entsize && versym.offset + 2 * i + 2 <= buf.length; i++) {
    const at = dynsym.offset + i * entsize;
    if (buf.readUInt16LE(at + 6) !== 0) continue; // defined here, not imported
    const found = versions.get(buf.readUInt16LE(versym.offset + 2 * i) % 0x8000);
    if (found) out.push({ symbol: cString(buf, symStrings + buf.readUInt32LE(at)), ...found });
  }
  return out;
}
