/**
 * The jsii stability of the public API: the package is stable, and the README's table ("Releases and
 * versioning") lists exactly the types whose docs say @experimental, as the compiled assembly (.jsii, written by
 * the compile step before the tests) records them.
 */
import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..', '..');
const assembly = JSON.parse(fs.readFileSync(path.join(root, '.jsii'), 'utf-8'));
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf-8');

/** The README's stability table: type name → stability. */
function readmeTable(): Map<string, string> {
  const section = readme.slice(readme.indexOf('## Releases and versioning'), readme.indexOf('## Other languages'));
  const table = new Map<string, string>();
  for (const row of section.matchAll(/^\| (`[^|]+`) \| (\w+) \| [^|]+ \|$/gm)) {
    for (const name of row[1].split(', ')) table.set(name.replace(/`/g, ''), row[2]);
  }
  return table;
}

test('the package is stable (package.json and the assembly)', () => {
  expect(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf-8')).stability).toBe('stable');
  expect(assembly.docs.stability).toBe('stable');
});

test('the README lists exactly the experimental types of the API', () => {
  const experimental = Object.values<any>(assembly.types)
    .filter(t => t.docs?.stability === 'experimental')
    .map(t => t.name as string)
    .sort();
  const table = readmeTable();
  expect(experimental.length).toBeGreaterThan(0);
  expect([...table.keys()].sort()).toEqual(experimental);
  expect(new Set(table.values())).toEqual(new Set(['experimental']));
});

test('every other type of the API is stable', () => {
  const table = readmeTable();
  const others = Object.values<any>(assembly.types).filter(t => !table.has(t.name));
  expect(others.length).toBeGreaterThan(50);
  expect(others.filter(t => (t.docs?.stability ?? 'stable') !== 'stable').map(t => t.name)).toEqual([]);
});
