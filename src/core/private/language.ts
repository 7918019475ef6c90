/**
 * The language the app that uses the library is written in, and a prop's name as that language spells it
 * (issue 27: a Python user reads `memory_size`, not `memorySize`).
 *
 * jsii's runtime for each language starts the Node.js process that runs the library and names itself in
 * `JSII_AGENT`: `Python/3.11.4`, `Java/17.0.9`, `DotNet/8.0.1`, and Go's `go1.26.0/linux/amd64`. Without it
 * the app is JavaScript or TypeScript.
 */

/** A language of jsii's. */
export type HostLanguage = 'typescript' | 'python' | 'java' | 'dotnet' | 'go';

/** The host language named by a `JSII_AGENT` value (the process's by default). */
export function hostLanguage(agent: string | undefined = process.env.JSII_AGENT): HostLanguage {
  const a = (agent ?? '').toLowerCase();
  if (a.startsWith('python/')) return 'python';
  if (a.startsWith('java/')) return 'java';
  if (a.startsWith('dotnet/')) return 'dotnet';
  if (/^go(\d|lang\/)/.test(a)) return 'go';
  return 'typescript';
}

/** `memorySize` in snake_case, as jsii's Python bindings name it: `memory_size`, `ipv6_allowed_for_dual_stack`. */
function snake(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/**
 * A prop path written in TypeScript spelling (`memorySize`, `deployment.provisionedConcurrency`) as the host
 * language spells it: Python snake_case, Go and .NET PascalCase (struct fields, properties), Java and
 * TypeScript camelCase (builder methods, props). Segments are spelled one by one.
 */
export function spellProp(path: string, language: HostLanguage = hostLanguage()): string {
  if (language === 'typescript' || language === 'java') return path;
  return path.split('.').map(segment => {
    if (!/^[a-z][A-Za-z0-9]*$/.test(segment)) return segment;
    return language === 'python' ? snake(segment) : segment[0].toUpperCase() + segment.slice(1);
  }).join('.');
}
