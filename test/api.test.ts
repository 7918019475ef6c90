import * as fs from 'fs';
import * as path from 'path';
import * as api from '../src';

describe('the public API', () => {
  test('exports only classes and enums (jsii types), no internal constant or helper', () => {
    const internal = Object.entries(api).filter(([name, value]) => {
      const isClass = typeof value === 'function' && /^class\s/.test(Function.prototype.toString.call(value));
      const isEnum = typeof value === 'object' && value !== null && Object.values(value).every(v => typeof v === 'string' || typeof v === 'number')
        && /^[A-Z]/.test(name) && !/^[A-Z0-9_]+$/.test(name);
      return !isClass && !isEnum;
    }).map(([name]) => name);
    expect(internal).toEqual([]);
  });
  test('the rule library is reachable through LambdaBlueprintChecks, its internals are not exported', () => {
    expect(Object.keys(api)).toContain('LambdaBlueprintChecks');
    for (const name of ['ALL_RULES', 'LIMITS', 'enforceRules', 'TemplateIndex', 'Problems']) expect(Object.keys(api)).not.toContain(name);
  });
});

describe('the folder barrels (src/<folder>/index.ts)', () => {
  const barrels = ['budget', 'deployment', 'events', 'network', 'sources'];
  test.each(barrels)('%s re-exports only names of the public API, each the same value', folder => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const barrel: Record<string, unknown> = require(`../src/${folder}`);
    const publicApi: Record<string, unknown> = api;
    const names = Object.keys(barrel);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter(name => publicApi[name] !== barrel[name])).toEqual([]);
  });
  test('no source file re-exports a whole module (`export *`)', () => {
    const files = (fs.readdirSync(path.join(__dirname, '..', 'src'), { recursive: true }) as string[]).filter(f => f.endsWith('.ts'));
    const offenders = files.filter(f => /^export \* from/m.test(fs.readFileSync(path.join(__dirname, '..', 'src', f), 'utf-8')));
    expect(offenders).toEqual([]);
  });
});
