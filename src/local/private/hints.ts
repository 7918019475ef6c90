/**
 * How a message tells the user what to do: through the CLI's flags, or through the API's options (named in
 * the spelling of TypeScript/Java and of Python), so that a `LocalLambda` user in any language is not told
 * about a flag they cannot pass.
 */
export type Surface = 'cli' | 'api';

/** The things a refusal may point at, in each surface's words. */
const HINTS = {
  overrides: { cli: '--overrides', api: 'the overridesFile option (overrides_file in Python)' },
  env: { cli: (name: string) => `--env ${name}=...`, api: (name: string) => `environment: { ${name}: '...' } (environment={"${name}": "..."} in Python)` },
  source: { cli: 'name one with --source', api: 'name one with the source option' },
  sample: { cli: (kind: string) => `--event ${kind}`, api: (kind: string) => `sampleEvent('${kind}') (sample_event in Python)` },
  noShapeCheck: { cli: '--no-shape-check', api: 'the skipShapeCheck option (skip_shape_check in Python)' },
  tenantId: { cli: '--tenant-id', api: 'the tenantId option (tenant_id in Python)' },
} as const;

type HintKey = keyof typeof HINTS;

/** The hint `key` in the words of `surface` (with `arg` for the hints that take one). */
export function hint(surface: Surface, key: HintKey, arg = ''): string {
  const h = HINTS[key][surface];
  return typeof h === 'function' ? h(arg) : h;
}
