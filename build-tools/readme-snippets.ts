/**
 * Extracts every ```ts block of README.md into node_modules/.cache/readme-snippets/ (one module each),
 * with `cdk-lambda-blueprints` mapped to src/index.ts, so that `tsc -p <dir>` type-checks them.
 *
 * A block that declares a class or creates an App is a module as it stands; any other block is the body
 * of a stack's constructor (`this` is the stack): its imports (and `declare` lines) stay at the top and
 * the rest is wrapped into `class Snippet extends Stack { constructor(...) { ... } }`.
 *
 * Usage: ts-node build-tools/readme-snippets.ts [--check] — writes the files (and runs tsc with --check).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..');

/** One ```ts block of the README. */
export interface Snippet {
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The block's code. */
  readonly code: string;
}

/**
 * Whether a line opens a TypeScript block: ```ts, optionally with jsii-rosetta's metadata
 * (```ts nofixture: a whole program that compiles without the shared fixture).
 */
export function isTypeScriptFence(line: string): boolean {
  return /^```(ts|typescript)(\s+[\w=.-]+)*\s*$/.test(line.trim());
}

/** The ```ts blocks of a markdown text. */
export function extractSnippets(markdown: string): Snippet[] {
  const out: Snippet[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!isTypeScriptFence(lines[i])) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i].trim() !== '```'; i++) body.push(lines[i]);
    out.push({ line: start + 1, code: body.join('\n') });
  }
  return out;
}

/** The snippet as a compilable module. */
export function toModule(snippet: Snippet): string {
  const header = `// README.md line ${snippet.line}\n`;
  if (/^(export )?class \w+ extends /m.test(snippet.code) || /new App\(/.test(snippet.code)) return `${header}${snippet.code}\nexport {};\n`;
  const top: string[] = [];
  const body: string[] = [];
  const lines = snippet.code.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (/^import\b/.test(lines[i])) {
      while (!/;\s*$/.test(lines[i])) top.push(lines[i++]);
      top.push(lines[i]);
    } else if (/^declare\b/.test(lines[i])) {
      top.push(lines[i]);
    } else {
      body.push(`    ${lines[i]}`);
    }
  }
  const imports = top.join('\n');
  const stackImport = /import \{[^}]*\bStack\b[^}]*\} from 'aws-cdk-lib'/.test(imports) ? '' : "import { Stack as SnippetStack } from 'aws-cdk-lib';\n";
  const base = stackImport ? 'SnippetStack' : 'Stack';
  return `${header}${imports}\n${stackImport}import { Construct as SnippetConstruct } from 'constructs';\n\n`
    + `export class Snippet extends ${base} {\n  constructor(scope: SnippetConstruct, id: string) {\n    super(scope, id);\n${body.join('\n')}\n  }\n}\n`;
}

/** Construct ids given to `new X(this, 'Id', …)` that appear in more than one place across the snippets. */
export function duplicateIds(snippets: Snippet[]): string[] {
  const seen = new Map<string, number[]>();
  for (const s of snippets) {
    for (const m of s.code.matchAll(/new [\w.]+\(this, '([^']+)'/g)) seen.set(m[1], [...seen.get(m[1]) ?? [], s.line]);
  }
  return [...seen.entries()].filter(([, at]) => at.length > 1).map(([id, at]) => `'${id}' (README lines ${at.join(', ')})`);
}

/** Writes the snippets as modules with a tsconfig; returns the directory. */
export function writeSnippets(readme = path.join(root, 'README.md')): string {
  const dir = path.join(root, 'node_modules', '.cache', 'readme-snippets');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const snippets = extractSnippets(fs.readFileSync(readme, 'utf-8'));
  snippets.forEach((s, i) => fs.writeFileSync(path.join(dir, `snippet-${String(i + 1).padStart(2, '0')}-line-${s.line}.ts`), toModule(s)));
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'commonjs',
      moduleResolution: 'node',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
      baseUrl: root,
      paths: { 'cdk-lambda-blueprints': ['src/index.ts'] },
    },
    include: ['*.ts'],
  }, null, 2));
  return dir;
}

/** Type-checks the README snippets; returns tsc's output ('' when they compile). */
export function checkSnippets(readme?: string): string {
  const dir = writeSnippets(readme);
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', dir], { encoding: 'utf-8', stdio: 'pipe' });
    return '';
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return `${err.stdout ?? ''}${err.stderr ?? ''}`;
  }
}

if (require.main === module) {
  const out = process.argv.includes('--check') ? checkSnippets() : (writeSnippets(), '');
  if (out) {
    console.error(out);
    process.exitCode = 1;
  }
}
