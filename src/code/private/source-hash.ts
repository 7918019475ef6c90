import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** The SHA-256 of `data`, in hex. */
export function sha256(data: string | Buffer): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/**
 * The files of a project tree, each as `relative/path\0<sha256>`, sorted: what a build's cache key is made
 * of. Directories and files named in `skipped`, and the path `skip` (a cache inside the tree), are left out.
 */
export function sourceInputs(dir: string, skipped: ReadonlySet<string>, skip: string): string[] {
  const out: string[] = [];
  const walk = (abs: string, rel: string): void => {
    for (const e of fs.readdirSync(abs, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(abs, e.name);
      if (skipped.has(e.name) || file === skip) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(file, r);
      else if (e.isFile()) out.push(`${r}\0${sha256(fs.readFileSync(file))}`);
    }
  };
  walk(dir, '');
  return out;
}
