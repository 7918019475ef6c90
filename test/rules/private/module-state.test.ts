import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

const RULES = path.join(__dirname, '..', '..', '..', 'src', 'rules');
const MUTABLE = new Set(['Map', 'WeakMap', 'Set', 'WeakSet']);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** The module-level state of a file: `let`/`var` declarations, mutable collections, static fields that can change. */
function moduleState(file: string): string[] {
  const text = fs.readFileSync(file, 'utf-8');
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const where = (n: ts.Node) => `${path.relative(RULES, file)}:${src.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const out: string[] = [];
  for (const st of src.statements) {
    if (ts.isVariableStatement(st)) {
      const isConst = /^const\b/.test(st.declarationList.getText());
      for (const d of st.declarationList.declarations) {
        if (!isConst) out.push(`${where(d)} ${d.name.getText()} is a module-level let/var`);
        const init = d.initializer;
        const readonlyType = d.type !== undefined && /^Readonly(Map|Set)</.test(d.type.getText());
        if (init && ts.isNewExpression(init) && MUTABLE.has(init.expression.getText()) && !readonlyType) {
          out.push(`${where(d)} ${d.name.getText()} is a module-level ${init.expression.getText()}`);
        }
      }
    }
    if (ts.isClassDeclaration(st)) {
      for (const m of st.members) {
        const mods = ts.canHaveModifiers(m) ? ts.getModifiers(m) ?? [] : [];
        const isStatic = mods.some(x => x.kind === ts.SyntaxKind.StaticKeyword);
        const isReadonly = mods.some(x => x.kind === ts.SyntaxKind.ReadonlyKeyword);
        if (isStatic && ts.isPropertyDeclaration(m) && !isReadonly) out.push(`${where(m)} static ${m.name.getText()} can change`);
      }
    }
  }
  return out;
}

describe('the rule library keeps no module-level mutable state', () => {
  test('no rule file declares a module-level let/var, Map, WeakMap, Set or WeakSet, or a static field that can change', () => {
    // Caches live on the template index (`index.memo(key, compute)`), per-stack state on the stack.
    const files = sources(RULES);
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap(moduleState)).toEqual([]);
  });

  test('the scan finds module-level state when there is some', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rules-state-'));
    const file = path.join(dir, 'cache.ts');
    fs.writeFileSync(file, [
      'const CACHE = new WeakMap<object, string>();',
      'let count = 0;',
      'const FIXED: ReadonlySet<string> = new Set([\'a\']);',
      'export class Index { private static cache = new Map(); public static readonly NAME = \'x\'; }',
    ].join('\n'));
    try {
      expect(moduleState(file).map(l => l.replace(/^.*cache\.ts/, 'cache.ts'))).toEqual([
        'cache.ts:1 CACHE is a module-level WeakMap',
        'cache.ts:2 count is a module-level let/var',
        'cache.ts:4 static cache can change',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
