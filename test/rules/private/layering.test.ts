import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const SRC = path.join(__dirname, '..', '..', '..', 'src');
/** The low layers: the rule library and core (whose private/ folder holds the neutral helpers and state). */
const LOW = ['rules', 'core'];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Every module a source file imports or re-exports (`import … from`, `export … from`, `import x = require()`, `import()`, `require()`). */
function importsOf(file: string, text: string): string[] {
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      out.push(n.moduleSpecifier.text);
    }
    if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference) && ts.isStringLiteral(n.moduleReference.expression)) {
      out.push(n.moduleReference.expression.text);
    }
    if (ts.isCallExpression(n) && (n.expression.kind === ts.SyntaxKind.ImportKeyword || n.expression.getText() === 'require')
      && n.arguments.length === 1 && ts.isStringLiteral(n.arguments[0])) out.push(n.arguments[0].text);
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

/** What each low layer may import (besides itself): core only facts, the rules core and facts. */
const ALLOWED: Record<string, string[]> = { core: ['core', 'limits.ts'], rules: ['rules', 'core', 'limits.ts'] };

/**
 * What a file of src/rules or src/core must not import: anything above its layer — src/standards (the
 * standards sit above the rules), src/local (the emulator), a construct folder (its public classes or its
 * private files), and for core also the rules and the nag pack.
 */
function offences(file: string, text: string): string[] {
  const layer = path.relative(SRC, file).split(path.sep)[0];
  return importsOf(file, text).filter(spec => spec.startsWith('.')).flatMap(spec => {
    const target = path.relative(SRC, path.resolve(path.dirname(file), spec)).split(path.sep);
    const [top] = target;
    if ((ALLOWED[layer] ?? []).includes(top) || (ALLOWED[layer] ?? []).includes(`${top}.ts`)) return [];
    const why = top === 'standards' ? 'the standards' : top === 'local' ? 'the emulator'
      : !['rules', 'nag'].includes(top) && target.includes('private') ? 'a construct folder\'s private file' : 'a higher layer';
    return [`${path.relative(SRC, file)} imports ${target.join('/')} (${why})`];
  });
}

describe('the layers: facts ← rules ← standards, nag, constructs', () => {
  test('src/core imports only core and limits.ts; src/rules only rules, core and limits.ts', () => {
    const files = LOW.flatMap(folder => sources(path.join(SRC, folder)));
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap(f => offences(f, fs.readFileSync(f, 'utf-8')))).toEqual([]);
  });

  test('below the wiring: no construct, standards, report or nag file imports src/invocation, src/sources or src/edge', () => {
    const below = ['function', 'code', 'network', 'layers', 'queue', 'deployment', 'dashboard', 'budget', 'report', 'standards', 'nag'];
    const files = below.flatMap(folder => sources(path.join(SRC, folder)));
    expect(files.length).toBeGreaterThan(80);
    const upward = files.flatMap(f => importsOf(f, fs.readFileSync(f, 'utf-8')).filter(spec => spec.startsWith('.'))
      .map(spec => path.relative(SRC, path.resolve(path.dirname(f), spec)).split(path.sep))
      .filter(target => ['invocation', 'sources', 'edge'].includes(target[0]))
      .map(target => `${path.relative(SRC, f)} imports ${target.join('/')}`));
    expect(upward).toEqual([]);
  });

  test('the scan finds each kind of offence, however the module is imported', () => {
    const file = path.join(SRC, 'rules', 'private', 'example.ts');
    const text = [
      'import { standardsInForce } from \'../../standards/private/registry\';',
      'import type { StandardRules } from \'../../standards/standards-props\';',
      'export { LocalLambda } from \'../../local/local-lambda\';',
      'import fs = require(\'../../layers/private/layer-facts\');',
      'const x = require(\'../../function/private/parity\');',
      'const y = import(\'../../invocation/triggers/private/wiring\');',
      'import { fmt } from \'../../core/private/format\';',
      'import { LIMITS } from \'../../limits\';',
      'import { Rule } from \'./rule\';',
      'import { Stack } from \'aws-cdk-lib\';',
      'import { BlueprintFunction } from \'../../function/blueprint-function\';',
    ].join('\n');
    expect(offences(file, text)).toEqual([
      'rules/private/example.ts imports standards/private/registry (the standards)',
      'rules/private/example.ts imports standards/standards-props (the standards)',
      'rules/private/example.ts imports local/local-lambda (the emulator)',
      'rules/private/example.ts imports layers/private/layer-facts (a construct folder\'s private file)',
      'rules/private/example.ts imports function/private/parity (a construct folder\'s private file)',
      'rules/private/example.ts imports invocation/triggers/private/wiring (a construct folder\'s private file)',
      'rules/private/example.ts imports function/blueprint-function (a higher layer)',
    ]);
    const core = path.join(SRC, 'core', 'alarms.ts');
    expect(offences(core, 'import { enforceRules } from \'../rules/private/enforce\';\nimport { NagAcknowledgements } from \'../nag/acknowledge\';\nimport { LIMITS } from \'../limits\';')).toEqual([
      'core/alarms.ts imports rules/private/enforce (a higher layer)',
      'core/alarms.ts imports nag/acknowledge (a higher layer)',
    ]);
  });
});
