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
