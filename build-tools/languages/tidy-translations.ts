/**
 * Tidies jsii-rosetta's Python and Java translations of the README's snippets (readme-languages.ts), where
 * the fix is mechanical; what is wrong in substance gets a hand-written form instead.
 *
 * - Python: the library imports rosetta adds for the structs it introduces merged into the snippet's own
 *   `from cdk_lambda_blueprints import …` line.
 * - Java: rosetta writes `import software.amazon.awscdk.services.lambda.*;` for `import * as lambda`, which
 *   does not compile wherever a name is in two such packages (`Runtime` is `java.lang.Runtime` too,
 *   `FileSystem` is in efs and lambda), and leaves out the imports of the structs it introduces and of
 *   `java.util.List`/`Map`. Every import becomes a single-type import of the types the code names, resolved
 *   from the types the snippet references (the tablet's `fqnsReferenced`) and the library's own types.
 *   Rosetta also repeats a comment that precedes a call (the repetition is dropped) and keeps a property's
 *   acronym in a builder method's name, where pacmak writes it in camel case (`enforceSSL` → `enforceSsl`).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { ROOT } from './readme-block';

/** Reads a jsii assembly (.jsii, or the .jsii.gz it redirects to). */
function readAssembly(dir: string): any {
  const file = path.join(dir, '.jsii');
  const json = JSON.parse(fs.readFileSync(file, 'utf-8'));
  if (json.schema !== 'jsii/file-redirect') return json;
  const target = fs.readFileSync(path.join(dir, json.filename));
  return JSON.parse((json.compression === 'gzip' ? zlib.gunzipSync(target) : target).toString('utf-8'));
}

/** Maps jsii type names (`aws-cdk-lib.aws_lambda.Runtime`) to Java class names. */
export class JavaNames {
  private readonly packages = new Map<string, string>();
  private readonly loaded = new Set<string>();

  constructor(private readonly resolveDir: (assembly: string) => string = a => (a === 'cdk-lambda-blueprints' ? ROOT : path.join(ROOT, 'node_modules', a))) {}

  /** `aws-cdk-lib.aws_lambda.Runtime#NODEJS_24_X` → `software.amazon.awscdk.services.lambda.Runtime`. */
  public javaName(fqn: string): string | undefined {
    const type = fqn.split('#')[0];
    const assembly = type.split('.')[0];
    this.load(assembly);
    let prefix = type;
    while (prefix.includes('.')) {
      prefix = prefix.slice(0, prefix.lastIndexOf('.'));
      const pkg = this.packages.get(prefix);
      if (pkg) return `${pkg}.${type.slice(prefix.length + 1).split('.')[0]}`;
    }
    return undefined;
  }

  private load(assembly: string): void {
    if (this.loaded.has(assembly)) return;
    this.loaded.add(assembly);
    const a = readAssembly(this.resolveDir(assembly));
    const root = a.targets?.java?.package;
    if (root) this.packages.set(a.name, root);
    for (const [name, sub] of Object.entries<any>(a.submodules ?? {})) {
      if (sub.targets?.java?.package) this.packages.set(name, sub.targets.java.package);
    }
  }
}

/** Java without imports, comments and string literals: what names the code uses. */
function javaCode(lines: string[]): string {
  return lines.filter(l => !l.startsWith('import ')).join('\n').replace(/"(?:\\.|[^"\\\n])*"|\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
}

/**
 * Rosetta's Java with single-type imports: of the types the code names among `candidates` (Java class
 * names: the snippet's referenced types and the library's), plus java.util.List and Map.
 */
export function tidyJava(code: string, candidates: Iterable<string>): string {
  const all = code.split('\n');
  const lines = all.filter((l, i) => !(i > 0 && /^\s*\/\//.test(l) && l === all[i - 1]));
  const explicit = lines.filter(l => /^import [\w.]+\.[A-Z]\w*;$/.test(l));
  const used = new Set(javaCode(lines).match(/\b[A-Z]\w*\b/g) ?? []);
  const bySimple = new Map<string, Set<string>>();
  for (const c of [...candidates, 'java.util.List', 'java.util.Map']) {
    const simple = c.slice(c.lastIndexOf('.') + 1);
    if (used.has(simple)) bySimple.set(simple, new Set([...bySimple.get(simple) ?? [], c]));
  }
  const imported = new Set(explicit.map(l => l.slice(l.lastIndexOf('.') + 1, -1)));
  const imports = new Set(explicit);
  for (const [simple, names] of bySimple) {
    if (imported.has(simple)) continue;
    if (names.size > 1) throw new Error(`Java translation: ${simple} could be any of ${[...names].join(', ')}: write a hand-written Java form`);
    imports.add(`import ${[...names][0]};`);
  }
  // pacmak names a builder method after the property in camel case (`enforceSSL` → `enforceSsl`).
  const rest = lines.filter(l => !l.startsWith('import ')).map(l => l.replace(/\.([a-z]\w*[A-Z]{2,}\w*)\(/g, (_, name: string) =>
    `.${name.replace(/([A-Z])([A-Z]+)(?=[A-Z][a-z]|\d|_|$)/g, (_m: string, a: string, b: string) => a + b.toLowerCase())}(`));
  while (rest.length > 0 && rest[0].trim() === '') rest.shift();
  return [...[...imports].sort(), '', ...rest].join('\n');
}

/** Rosetta's Python with the library imports it adds (structs) merged into the snippet's own import line. */
export function tidyPython(code: string): string {
  const lines = code.split('\n');
  const pattern = /^from cdk_lambda_blueprints import (.+)$/;
  const at = lines.map((l, i) => (pattern.test(l) ? i : -1)).filter(i => i >= 0);
  if (at.length < 2) return code;
  const names = [...new Set(at.flatMap(i => pattern.exec(lines[i])![1].split(',').map(n => n.trim())))].sort();
  const keep = at[at.length - 1];
  return lines.flatMap((l, i) => (i === keep ? [`from cdk_lambda_blueprints import ${names.join(', ')}`] : at.includes(i) ? [] : [l])).join('\n');
}
