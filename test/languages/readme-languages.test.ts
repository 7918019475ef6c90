import * as fs from 'fs';
import * as path from 'path';
import { blockSnippets, handWritten, handWrittenFiles, LANGUAGES, typescriptSnippets } from '../../build-tools/languages/readme-block';
import { goModule, goProgram, isJavaCompilationUnit, javaProgram } from '../../build-tools/languages/readme-programs';
import { DECLARATIONS } from '../../build-tools/languages/rosetta-fixture';
import { tidyJava, tidyPython } from '../../build-tools/languages/tidy-translations';

const root = path.join(__dirname, '..', '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf-8');
const block = blockSnippets(readme);

/** Code without string literals ('…', "…", `…`, Python's '''…'''/"""…"""): what the language itself says. */
function withoutStrings(code: string): string {
  return code.replace(/"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`[^`]*`/g, '""');
}

/** The comments of a form: a line's text from `#` (Python) or `//` (Java) outside string literals, and Java's block comments. */
function comments(code: string, lang: string): string[] {
  const out: string[] = [];
  for (const line of code.split('\n')) {
    let quote = '';
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === "'") {
        quote = c;
      } else if (lang === 'python' ? c === '#' : line.startsWith('//', i)) {
        out.push(line.slice(i));
        break;
      }
    }
  }
  return lang === 'python' ? out : [...out, ...withoutStrings(code).match(/\/\*[\s\S]*?\*\//g) ?? []];
}

/** What in a Python or Java form is TypeScript rather than that language. */
function typescriptIdioms(code: string, lang: 'python' | 'java'): string[] {
  const found: string[] = [];
  const text = withoutStrings(code).replace(lang === 'python' ? /#.*$/gm : /\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
  const idioms: Array<[RegExp, string]> = lang === 'python'
    ? [[/\|\||&&|===|!==|=>|\bnew \w|\.length\b|;\s*$|\b(const|let) \w+ =/m, 'TypeScript operator or keyword'], [/^\s*\w+: \w[\w.]*\s*$/m, 'a TypeScript declaration']]
    : [[/===|!==|=>|\b(const|let) \w+ =/, 'TypeScript operator or keyword'], [/^\s*[A-Z]\w*(<[^>]*>)? \w+;\s*$/m, 'a declaration without a value (TypeScript `declare`)'], [/\b[a-z]\w*\.[a-z]\w*\.\w+\(/, 'a jsii property read as a field']];
  for (const [pattern, what] of idioms) {
    const m = pattern.exec(text);
    if (m) found.push(`${what}: ${m[0].trim()}`);
  }
  for (const c of comments(code, lang)) {
    if (/\{ *\w+: /.test(c)) found.push(`a TypeScript object literal in a comment: ${c}`);
    if (/'[\w.-]*'/.test(c)) found.push(`a single-quoted string in a comment: ${c}`);
    if (/\blambda\.[A-Z]/.test(c)) found.push(`TypeScript's module alias in a comment: ${c}`);
    if (lang === 'python' && /\b[a-z]+[A-Z]\w*\b/.test(c)) found.push(`a camelCase name in a Python comment: ${c}`);
  }
  return found;
}

describe('the README in every language (the Other languages block)', () => {
  test('every TypeScript snippet has a Python, a Java and a Go form, in README order, under its slug', () => {
    const ts = typescriptSnippets(readme);
    expect(ts.length).toBe(19);
    expect(block.map(s => s.slug)).toEqual(ts.map(s => s.slug));
    for (const s of block) {
      for (const lang of LANGUAGES) {
        expect({ slug: s.slug, lang: lang.id, empty: (s.forms[lang.id]?.code ?? '').trim() === '' }).toEqual({ slug: s.slug, lang: lang.id, empty: false });
      }
    }
  });

  test('where a hand-written form exists, the README shows it verbatim', () => {
    const files = handWrittenFiles();
    expect(files.length).toBeGreaterThanOrEqual(block.length); // at least every Go form
    for (const file of files) {
      const [lang, name] = file.split('/');
      const slug = name.replace(/\.\w+$/, '');
      const s = block.find(b => b.slug === slug);
      expect({ file, inReadme: s !== undefined }).toEqual({ file, inReadme: true });
      const language = LANGUAGES.find(l => l.id === lang)!;
      expect({ file, form: s!.forms[language.id]?.code }).toEqual({ file, form: handWritten(slug, language) });
    }
  });

  test('every Go form is hand-written (jsii-rosetta\'s Go does not compile)', () => {
    const go = LANGUAGES.find(l => l.id === 'go')!;
    expect(block.filter(s => handWritten(s.slug, go) === undefined).map(s => s.slug)).toEqual([]);
  });

  test('no Python or Java form holds TypeScript code or TypeScript-only comments', () => {
    const found = block.flatMap(s => (['python', 'java'] as const).flatMap(lang => typescriptIdioms(s.forms[lang]!.code, lang).map(f => `${s.slug} (${lang}): ${f}`)));
    expect(found).toEqual([]);
  });

  test('the idiom check finds what the translations used to get wrong', () => {
    expect(typescriptIdioms('tags = resource.property("Tags") || []\nn = sqs_event.Records.length', 'python')).toEqual([
      'TypeScript operator or keyword: ||',
    ]);
    expect(typescriptIdioms('x = f()  # or DeploymentStrategy.linear({ percentage: 20 })', 'python')).toEqual([
      'a TypeScript object literal in a comment: # or DeploymentStrategy.linear({ percentage: 20 })',
    ]);
    expect(typescriptIdioms('api = LocalApi.from_stage(app)  # or LocalApi.fromAssembly(\'cdk.out\')', 'python')).toEqual([
      'a single-quoted string in a comment: # or LocalApi.fromAssembly(\'cdk.out\')',
      'a camelCase name in a Python comment: # or LocalApi.fromAssembly(\'cdk.out\')',
    ]);
    expect(typescriptIdioms('App app;\n// the app under test', 'java')).toEqual(['a declaration without a value (TypeScript `declare`): App app;']);
    expect(typescriptIdioms('// It is a lambda.IFunction', 'java')).toEqual(['TypeScript\'s module alias in a comment: // It is a lambda.IFunction']);
    expect(typescriptIdioms('db.connections.allowFrom(worker, Port.tcp(5432));', 'java')).toEqual(['a jsii property read as a field: db.connections.allowFrom(']);
    expect(typescriptIdioms('db.getConnections().allowFrom(worker, Port.tcp(5432)); // or any aws-cdk-lib connections call', 'java')).toEqual([]);
  });

  test('the preludes of every language define each free variable of the rosetta fixture, and stack and app', () => {
    const names = [...Object.keys(DECLARATIONS).filter(n => !['__dirname', 'console', 'path'].includes(n)), 'app', 'stack'].sort();
    const snake = (n: string) => n.replace(/[A-Z]/g, c => `_${c.toLowerCase()}`);
    const frame = (file: string) => fs.readFileSync(path.join(root, 'consumers', 'readme', file), 'utf-8');
    const python = [...frame('run_snippets.py').matchAll(/^ {4}"(\w+)": /gm)].map(m => m[1]);
    const java = [...frame('SnippetStack.java').matchAll(/^ {4}protected final [\w<>]+ (\w+)/gm)].map(m => m[1]);
    const go = [...frame('prelude.go').matchAll(/^\t(\w+)\s+= /gm)].map(m => m[1]);
    expect(python.sort()).toEqual(names.map(snake).sort());
    expect(java.sort()).toEqual(names);
    expect(go.sort()).toEqual(names);
  });
});

describe('the programs the consumer step runs and compiles (readme-programs.ts)', () => {
  const snippet = (java: string, go: string) => ({ slug: 'packaging-code', heading: 'Packaging code', forms: { java: { code: java, line: 10 }, go: { code: go, line: 20 } } });

  test('a Java body becomes the constructor of a SnippetStack subclass, its imports at the top', () => {
    const p = javaProgram(snippet('import software.amazon.awscdk.App;\n\nApp app = new App();', ''));
    expect(p.path).toBe('readme/packagingcode/Snippet.java');
    expect(p.content).toBe([
      '// Generated by build-tools/languages/readme-programs.ts from README.md line 10 (snippet "packaging-code", Java): do not edit.',
      'package readme.packagingcode;', '', 'import software.amazon.awscdk.App;', '',
      'public class Snippet extends readme.SnippetStack {',
      '    public Snippet(software.constructs.Construct scope, String id) {',
      '        super(scope, id);', '', '        App app = new App();', '    }', '}', '',
    ].join('\n'));
  });

  test('a Java compilation unit stays whole, in a file named after its public class', () => {
    const unit = 'import java.util.List;\n\n/** Docs. */\npublic class OrdersApp {\n    static class A {\n    }\n}';
    expect(isJavaCompilationUnit(unit)).toBe(true);
    expect(isJavaCompilationUnit('App app = new App();\npublic class X {}')).toBe(false);
    expect(isJavaCompilationUnit('for (String s : List.of("{")) {\n}')).toBe(false);
    const p = javaProgram(snippet(unit, ''));
    expect(p.path).toBe('readme/packagingcode/OrdersApp.java');
    expect(p.content.split('\n').slice(1, 3)).toEqual(['package readme.packagingcode;', '']);
    expect(p.content).toContain(unit);
  });

  test('a Go body becomes a function of its own package with the prelude; a Go file stays whole', () => {
    const prelude = '// frame\npackage readme\n\nvar stack = 1\n';
    const body = goProgram(snippet('', 'import (\n\t"fmt"\n)\n\nfmt.Println(stack)'), prelude);
    expect(body.map(f => f.path)).toEqual(['packaging-code/snippet.go', 'packaging-code/prelude.go']);
    expect(body[0].content.split('\n').slice(1)).toEqual(['package packagingcode', '', 'import (', '\t"fmt"', ')', '', 'func snippet() {', '\tfmt.Println(stack)', '}', '']);
    expect(body[1].content).toBe('// frame\npackage packagingcode\n\nvar stack = 1\n');
    const whole = goProgram(snippet('', 'package main\n\nfunc main() {}'), prelude);
    expect(whole.map(f => f.path)).toEqual(['packaging-code/snippet.go']);
    expect(whole[0].content).toContain('\npackage main\n\nfunc main() {}\n');
  });

  test('the Go module is consumers/go\'s, renamed, its replacements pointing from its own folder', () => {
    const mod = 'module github.com/x/y/consumers/go\n\nreplace a => ../../dist/go/a\n';
    expect(goModule(mod, path.join(root, 'consumers', 'out', 'readme', 'go'))).toBe('module github.com/x/y/consumers/readme\n\nreplace a => ../../../../dist/go/a\n');
  });
});

describe('tidying rosetta\'s translations (tidy-translations.ts)', () => {
  test('Java: wildcard imports become the single-type imports of the types the code names', () => {
    const code = [
      'import software.amazon.awscdk.services.lambda.*;',
      'import software.amazon.awscdk.services.efs.*;',
      '',
      '',
      '// A comment.',
      '// A comment.',
      'FileSystem fs = FileSystem.Builder.create(this, "Files").build();',
      'Function.Builder.create(this, "F").runtime(Runtime.NODEJS_24_X).environment(Map.of("A", "b")).build();',
      'Bucket.Builder.create(this, "B").enforceSSL(true).build();',
    ].join('\n');
    const candidates = ['software.amazon.awscdk.services.efs.FileSystem', 'software.amazon.awscdk.services.lambda.Runtime',
      'software.amazon.awscdk.services.lambda.Function', 'software.amazon.awscdk.services.lambda.Code', 'software.amazon.awscdk.services.s3.Bucket'];
    expect(tidyJava(code, candidates)).toBe([
      'import java.util.Map;',
      'import software.amazon.awscdk.services.efs.FileSystem;',
      'import software.amazon.awscdk.services.lambda.Function;',
      'import software.amazon.awscdk.services.lambda.Runtime;',
      'import software.amazon.awscdk.services.s3.Bucket;',
      '',
      '// A comment.',
      'FileSystem fs = FileSystem.Builder.create(this, "Files").build();',
      'Function.Builder.create(this, "F").runtime(Runtime.NODEJS_24_X).environment(Map.of("A", "b")).build();',
      'Bucket.Builder.create(this, "B").enforceSsl(true).build();',
    ].join('\n'));
  });

  test('Java: a name two candidate types share is refused (write the form by hand)', () => {
    expect(() => tidyJava('FileSystem f = null;', ['a.efs.FileSystem', 'a.lambda.FileSystem'])).toThrow(
      'Java translation: FileSystem could be any of a.efs.FileSystem, a.lambda.FileSystem: write a hand-written Java form');
  });

  test('Python: the library imports rosetta adds are merged into the snippet\'s own import line', () => {
    expect(tidyPython('from cdk_lambda_blueprints import B, C\nimport x\nfrom cdk_lambda_blueprints import A, B\n\nA()')).toBe(
      'import x\nfrom cdk_lambda_blueprints import A, B, C\n\nA()');
    expect(tidyPython('from cdk_lambda_blueprints import A\n\nA()')).toBe('from cdk_lambda_blueprints import A\n\nA()');
  });
});
