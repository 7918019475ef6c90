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
