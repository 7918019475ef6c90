/**
 * The README's TypeScript snippets and their forms in other languages, in the block of section "Other
 * languages" between `<!-- rosetta:start -->` and `<!-- rosetta:end -->`: one `<details>` per snippet,
 * named by a slug (`<!-- snippet: quick-start -->`), holding a ```python, a ```java and a ```go fence.
 *
 * Shared by readme-languages.ts (writes the block), readme-programs.ts (turns the block into the programs
 * the consumer step runs and compiles) and test/languages/readme-languages.test.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isTypeScriptFence } from '../readme-snippets';

export const ROOT = path.join(__dirname, '..', '..');
export const START = '<!-- rosetta:start -->';
export const END = '<!-- rosetta:end -->';
/** Hand-written forms: build-tools/languages/snippets/<language>/<slug>.<ext>. */
export const SNIPPETS_DIR = path.join(__dirname, 'snippets');

export interface Language {
  /** The fence's info string and the folder of hand-written forms. */
  readonly id: 'python' | 'java' | 'go';
  readonly name: string;
  readonly ext: string;
}

export const LANGUAGES: readonly Language[] = [
  { id: 'python', name: 'Python', ext: 'py' },
  { id: 'java', name: 'Java', ext: 'java' },
  { id: 'go', name: 'Go', ext: 'go' },
];

/** A ```ts block of the README, outside the generated block. */
export interface TypeScriptSnippet {
  readonly heading: string;
  /** Unique: the heading's words (up to a colon or parenthesis), `-2`, `-3`… for a heading's later snippets. */
  readonly slug: string;
  /** 1-based README line of the opening fence. */
  readonly line: number;
  readonly source: string;
}

/** One snippet of the generated block. */
export interface BlockSnippet {
  readonly slug: string;
  readonly heading: string;
  /** Per language: the code and the 1-based README line of its first line. */
  readonly forms: Partial<Record<Language['id'], { readonly code: string; readonly line: number }>>;
}

/** `Quick start` → `quick-start`; `Platform standards: a company's …` → `platform-standards`. */
export function slugOf(heading: string): string {
  return heading.split(/[:(]/)[0].toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The README's TypeScript snippets outside the generated block, with the heading they stand under. */
export function typescriptSnippets(readme: string): TypeScriptSnippet[] {
  const out: TypeScriptSnippet[] = [];
  const seen = new Map<string, number>();
  let heading = '';
  let inGenerated = false;
  const lines = readme.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith(START)) inGenerated = true;
    if (line.startsWith(END)) inGenerated = false;
    if (inGenerated) continue;
    const h = /^#{2,3} (.+)$/.exec(line);
    if (h) heading = h[1];
    if (isTypeScriptFence(line)) {
      const start = i;
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i].startsWith('```'); i++) body.push(lines[i]);
      const base = slugOf(heading);
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      out.push({ heading, slug: n === 1 ? base : `${base}-${n}`, line: start + 1, source: body.join('\n') });
    }
  }
  return out;
}

/** The snippets of the generated block, in README order. */
export function blockSnippets(readme: string): BlockSnippet[] {
  const lines = readme.split('\n');
  const start = lines.findIndex(l => l.startsWith(START));
  const end = lines.findIndex(l => l.startsWith(END));
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} block (section "Other languages")`);
  const out: Array<{ slug: string; heading: string; forms: BlockSnippet['forms'] }> = [];
  for (let i = start; i < end; i++) {
    const summary = /^<details><summary>(.*): [\w, ]+<\/summary>$/.exec(lines[i]);
    if (summary) {
      const slug = /^<!-- snippet: ([\w-]+) -->$/.exec(lines[i + 1] ?? '');
      if (!slug) throw new Error(`README.md line ${i + 2}: the snippet "${summary[1]}" has no <!-- snippet: <slug> --> line after its summary`);
      out.push({ slug: slug[1], heading: summary[1], forms: {} });
      continue;
    }
    const fence = /^```(\w+)$/.exec(lines[i]);
    if (fence && out.length > 0) {
      const body: string[] = [];
      const first = i + 2;
      for (i++; i < end && lines[i] !== '```'; i++) body.push(lines[i]);
      const lang = LANGUAGES.find(l => l.id === fence[1]);
      if (lang) out[out.length - 1].forms[lang.id] = { code: body.join('\n'), line: first };
    }
  }
  return out;
}

/** The hand-written form of a snippet in a language, or undefined. */
export function handWritten(slug: string, lang: Language, dir = SNIPPETS_DIR): string | undefined {
  const file = path.join(dir, lang.id, `${slug}.${lang.ext}`);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf-8').trimEnd() : undefined;
}

/** Every hand-written form file: `<language>/<slug>.<ext>`. */
export function handWrittenFiles(dir = SNIPPETS_DIR): string[] {
  return LANGUAGES.flatMap(lang => {
    const d = path.join(dir, lang.id);
    return fs.existsSync(d) ? fs.readdirSync(d).sort().map(f => `${lang.id}/${f}`) : [];
  });
}
