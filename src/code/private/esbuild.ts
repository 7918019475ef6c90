import * as path from 'path';

/** The part of esbuild's API the bundler uses (both `esbuild` and `esbuild-wasm` have it). */
export interface Esbuild {
  readonly version: string;
  buildSync(options: Record<string, unknown>): EsbuildResult;
}

/** What a synchronous esbuild build returns with `write: false` and `metafile: true`. */
export interface EsbuildResult {
  readonly outputFiles: Array<{ readonly path: string; readonly contents: Uint8Array }>;
  readonly metafile: { readonly inputs: Record<string, unknown>; readonly outputs: Record<string, { readonly exports?: string[] }> };
  readonly warnings: EsbuildMessage[];
}

/** An esbuild error or warning. */
export interface EsbuildMessage {
  readonly text: string;
  readonly location?: { readonly file: string; readonly line: number; readonly column: number; readonly lineText?: string } | null;
}

/** Which esbuild: the native one the app (or this library in development) resolves, or the bundled WebAssembly one. */
export type EsbuildKind = 'native' | 'wasm';

const loaded = new Map<EsbuildKind, Esbuild | Error>();

function load(kind: EsbuildKind, from: string[]): Esbuild {
  const known = loaded.get(kind);
  if (known instanceof Error) throw known;
  if (known) return known;
  try {
    const name = kind === 'native' ? 'esbuild' : 'esbuild-wasm';
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const api = require(require.resolve(name, { paths: [...from, __dirname] })) as Esbuild;
    // A native package installed for another platform throws on first use: find out now.
    if (kind === 'native') api.buildSync({ stdin: { contents: '' }, write: false, logLevel: 'silent' });
    loaded.set(kind, api);
    return api;
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    loaded.set(kind, error);
    throw error;
  }
}

/**
 * The esbuild to bundle with: `CDK_LAMBDA_BLUEPRINTS_ESBUILD=native|wasm` forces one; otherwise a native
 * `esbuild` resolvable from the entry's directory or the working directory (fast), else the
 * `esbuild-wasm` bundled with this library (portable, same output, slower to start).
 *
 * @param entryDir the directory of the entry file
 */
export function esbuildFor(entryDir: string): { api: Esbuild; kind: EsbuildKind } {
  const forced = process.env.CDK_LAMBDA_BLUEPRINTS_ESBUILD;
  const from = [entryDir, process.cwd()];
  if (forced === 'wasm') return { api: load('wasm', from), kind: 'wasm' };
  try {
    return { api: load('native', from), kind: 'native' };
  } catch (e) {
    if (forced === 'native') throw e;
    return { api: load('wasm', from), kind: 'wasm' };
  }
}

/** `file:line:column: text` for an esbuild message, the file relative to `base`. */
export function formatMessage(m: EsbuildMessage, base: string): string {
  if (!m.location) return m.text;
  const file = path.isAbsolute(m.location.file) ? path.relative(base, m.location.file) : m.location.file;
  return `${file}:${m.location.line}:${m.location.column}: ${m.text}`;
}
