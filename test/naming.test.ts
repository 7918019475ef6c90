import * as fs from 'fs';
import * as path from 'path';

/**
 * The naming scheme of the README's "One vocabulary" section, held to the exported API: every class and enum
 * of src/index.ts is in exactly one row of the table, its name ends with one of the row's kind words and its
 * file lies in one of the row's folders; every name of the table is exported.
 */
const ROOT = path.join(__dirname, '..');

interface Row { readonly kinds: string[]; readonly folders: string[]; readonly classes: string[] }

function ticked(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map(m => m[1]);
}

function namingTable(readme: string): Row[] {
  const start = readme.indexOf('| kind (last word) | what it is | folder | classes |');
  if (start < 0) throw new Error('README: the naming table of "One vocabulary" is missing');
  const end = readme.indexOf('\n\n', start);
  return readme.slice(start, end).split('\n').slice(2).map(line => {
    const [, kinds, , folders, classes] = line.split('|').map(c => c.trim());
    return { kinds: ticked(kinds), folders: ticked(folders), classes: ticked(classes) };
  });
}

/** Value exports of src/index.ts (classes and enums) with the file each comes from. */
function exportedValues(index: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of index.matchAll(/^export \{ ([^}]+) \} from '\.\/([^']+)';$/gm)) {
    for (const name of m[1].split(',').map(n => n.trim())) out.set(name, `src/${m[2]}.ts`);
  }
  return out;
}

const rows = namingTable(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8'));
const values = exportedValues(fs.readFileSync(path.join(ROOT, 'src', 'index.ts'), 'utf-8'));

describe('class names follow the README naming table', () => {
  test('the table and the exports name the same classes', () => {
    const tabled = rows.flatMap(r => r.classes).sort();
    expect(tabled).toEqual([...values.keys()].sort());
    expect(new Set(tabled).size).toBe(tabled.length);
  });

  test.each([...values.entries()])('%s ends with its row\'s kind word and lives in its row\'s folder (%s)', (name, file) => {
    const row = rows.find(r => r.classes.includes(name));
    expect(row).toBeDefined();
    expect(row!.kinds.filter(k => name.endsWith(k))).not.toEqual([]);
    if (row!.folders.length > 0) expect(row!.folders.filter(f => file === f || file.startsWith(f))).not.toEqual([]);
  });

  test('a construct users create (public constructor) takes <Class>Props', () => {
    const source = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf-8');
    const constructs = [...values.entries()].filter(([name, file]) => new RegExp(`export class ${name} extends Construct\\b`).test(source(file))
      && !/private constructor\(/.test(source(file)));
    expect(constructs.length).toBeGreaterThan(15);
    const missing = constructs.filter(([name, file]) => !new RegExp(`export interface ${name}Props\\b`).test(source(file))).map(([name]) => name);
    expect(missing).toEqual([]);
  });

  test('one scheme for invocation wiring: no class is named …Trigger or Blueprint…Source', () => {
    expect([...values.keys()].filter(n => /Trigger$|^Blueprint\w*Source$/.test(n))).toEqual([]);
  });
});

describe('the README project layout matches the tree', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8');
  const start = readme.indexOf('### Project layout');
  const table = readme.slice(start, readme.indexOf('\n### ', start + 1));
  const paths = [...table.matchAll(/^\| ([^|]+) \|/gm)].flatMap(m => ticked(m[1]));

  test('every path of the table exists', () => {
    expect(paths.length).toBeGreaterThan(15);
    const madeByRelease = ['api-baseline/']; // written by the first `npx projen release`
    expect(paths.filter(p => !madeByRelease.includes(p) && !fs.existsSync(path.join(ROOT, p)))).toEqual([]);
  });

  test('every folder of src/ is in the table', () => {
    const folders = fs.readdirSync(path.join(ROOT, 'src'), { withFileTypes: true }).filter(d => d.isDirectory()).map(d => `src/${d.name}/`);
    expect(folders.filter(f => !paths.includes(f))).toEqual([]);
  });
});

describe('the rule tests are laid out like src/rules/', () => {
  const RULES_TEST = path.join(ROOT, 'test', 'rules');
  test('every folder of test/rules/ is a folder of src/rules/', () => {
    const folders = fs.readdirSync(RULES_TEST, { withFileTypes: true }).filter(d => d.isDirectory()).map(d => d.name);
    expect(folders.length).toBeGreaterThan(10);
    expect(folders.filter(f => !fs.existsSync(path.join(ROOT, 'src', 'rules', f)))).toEqual([]);
  });
  test('no rule tests outside test/rules/ (test/nag holds the pack\'s own behaviour only)', () => {
    expect(fs.existsSync(path.join(ROOT, 'test', 'nag', 'rules'))).toBe(false);
    expect(fs.existsSync(path.join(ROOT, 'test', 'standards', 'rules.test.ts'))).toBe(false);
  });
});
