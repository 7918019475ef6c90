import * as lambda from 'aws-cdk-lib/aws-lambda';

/** Folders every runtime reads from /opt: binaries on PATH, libraries on LD_LIBRARY_PATH, extensions. */
export const GENERIC_LAYER_FOLDERS: readonly string[] = ['bin', 'lib', 'extensions'];

/** Where one runtime family looks for its own packages inside /opt. */
interface RuntimeLayout {
  /** Paths (relative to the layer root) that put content on the runtime's path. */
  readonly matches: (paths: ReadonlySet<string>) => boolean;
  /** How the folders are described in messages. */
  readonly described: string;
}

const NODE_VERSIONED = /^nodejs\/node\d+\/node_modules$/;

const LAYOUTS: Partial<Record<string, RuntimeLayout>> = {
  [lambda.RuntimeFamily.PYTHON]: { matches: p => p.has('python'), described: 'python/' },
  [lambda.RuntimeFamily.NODEJS]: {
    matches: p => p.has('nodejs/node_modules') || [...p].some(x => NODE_VERSIONED.test(x)),
    described: 'nodejs/node_modules/ (or nodejs/nodeNN/node_modules/)',
  },
  [lambda.RuntimeFamily.JAVA]: { matches: p => p.has('java/lib'), described: 'java/lib/' },
  [lambda.RuntimeFamily.RUBY]: { matches: p => p.has('ruby/gems') || p.has('ruby/lib'), described: 'ruby/gems/ or ruby/lib/' },
  [lambda.RuntimeFamily.OTHER]: { matches: p => p.has('bootstrap'), described: 'a bootstrap file' },
};

/** Whether a runtime is a custom runtime (`provided.*`) that starts a `bootstrap` executable. */
export function isCustomRuntime(runtime: lambda.Runtime): boolean {
  return runtime.family === lambda.RuntimeFamily.OTHER && runtime.name.startsWith('provided');
}

/** The folders a layer may use to reach a runtime, as printed in messages. */
export function allowedLayout(runtime: lambda.Runtime): string {
  const own = runtime.family === undefined ? undefined : LAYOUTS[runtime.family];
  const generic = GENERIC_LAYER_FOLDERS.map(f => `${f}/`).join(', ');
  return own ? `${own.described}, ${generic}` : generic;
}

/** Whether a layer holding `paths` puts anything where `runtime` reads it. */
export function layoutServes(runtime: lambda.Runtime, paths: ReadonlySet<string>): boolean {
  if (GENERIC_LAYER_FOLDERS.some(f => paths.has(f))) return true;
  const own = runtime.family === undefined ? undefined : LAYOUTS[runtime.family];
  return own?.matches(paths) ?? false;
}

/** The top-level entries of a package, for messages: `node_modules/, index.js`. */
export function topLevel(paths: ReadonlySet<string>): string {
  const roots = [...paths].filter(p => !p.includes('/')).sort();
  const shown = roots.slice(0, 6).map(r => ([...paths].some(p => p.startsWith(`${r}/`)) ? `${r}/` : r));
  return shown.join(', ') + (roots.length > shown.length ? `, … (${roots.length} entries)` : '');
}
