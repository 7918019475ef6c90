import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { FUNCTION_PROP_PARITY, parityTableMarkdown, PropParity } from '../../src/function/private/parity';

const ROOT = path.join(__dirname, '..', '..');
const LAMBDA_LIB = path.join(ROOT, 'node_modules', 'aws-cdk-lib', 'aws-lambda', 'lib');

/** The interfaces declared in some files: their own members and the names they extend. */
function interfacesOf(files: string[]): Map<string, { members: string[]; bases: string[] }> {
  const out = new Map<string, { members: string[]; bases: string[] }>();
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf-8'), ts.ScriptTarget.Latest, true);
    source.forEachChild(node => {
      if (!ts.isInterfaceDeclaration(node)) return;
      const members = node.members.filter(ts.isPropertySignature).map(m => m.name.getText(source));
      const bases = (node.heritageClauses ?? []).flatMap(h => h.types.map(t => t.expression.getText(source)));
      out.set(node.name.text, { members, bases });
    });
  }
  return out;
}

/** Every property of an interface, those of the interfaces it extends (in the same files) included. */
function propsOf(files: string[], name: string): string[] {
  const all = interfacesOf(files);
  const seen = new Set<string>();
  const visit = (n: string): string[] => {
    const i = all.get(n);
    if (!i) throw new Error(`interface ${n} not found in ${files.join(', ')}`);
    seen.add(n);
    return [...i.bases.filter(b => !seen.has(b)).flatMap(visit), ...i.members];
  };
  return [...new Set(visit(name))];
}

/** What the parity table gets wrong: an aws-cdk-lib prop it does not name, a "supported" prop the blueprint lacks… */
function parityGaps(functionProps: string[], blueprintProps: string[], table: Readonly<Record<string, PropParity>>): string[] {
  const gaps: string[] = [];
  for (const name of functionProps) {
    const row = table[name];
    if (!row) gaps.push(`${name}: a lambda.FunctionProps prop neither in the parity table nor refused`);
    else if (row.kind === 'supported' && !blueprintProps.includes(name)) gaps.push(`${name}: "supported" but not a BlueprintFunctionProps prop`);
    else if (row.kind !== 'supported' && blueprintProps.includes(name)) gaps.push(`${name}: a BlueprintFunctionProps prop marked ${row.kind}`);
    else if (row.kind !== 'supported' && !row.use) gaps.push(`${name}: ${row.kind} without what to use instead`);
  }
  for (const name of Object.keys(table)) {
    if (!functionProps.includes(name)) gaps.push(`${name}: in the parity table but not a lambda.FunctionProps prop`);
  }
  return gaps;
}

const functionProps = propsOf([path.join(LAMBDA_LIB, 'function.d.ts'), path.join(LAMBDA_LIB, 'event-invoke-config.d.ts')], 'FunctionProps');
const blueprintProps = propsOf([
  path.join(ROOT, 'src', 'function', 'blueprint-function-props.ts'),
  path.join(ROOT, 'src', 'function', 'function-feature-props.ts'),
], 'BlueprintFunctionProps');

describe('parity of BlueprintFunctionProps with lambda.FunctionProps (aws-cdk-lib .d.ts)', () => {
  test('reads FunctionProps with the interfaces it extends (FunctionOptions, EventInvokeConfigOptions)', () => {
    expect(functionProps).toEqual(expect.arrayContaining(['runtime', 'code', 'handler', 'vpc', 'recursiveLoop', 'onFailure', 'retryAttempts', 'durableConfig']));
    expect(functionProps.length).toBeGreaterThanOrEqual(55);
  });

  test('every lambda.FunctionProps prop is a BlueprintFunctionProps prop or replaced/refused with what to use instead', () => {
    expect(parityGaps(functionProps, blueprintProps, FUNCTION_PROP_PARITY)).toEqual([]);
  });

  test('the check fails on a new aws-cdk-lib prop, a missing supported prop and a stale row', () => {
    const table: Record<string, PropParity> = { ...FUNCTION_PROP_PARITY, oldProp: { kind: 'refused', use: 'x', note: 'gone' } };
    delete table.recursiveLoop;
    expect(parityGaps([...functionProps, 'newProp2027'], blueprintProps.filter(p => p !== 'tracing'), table)).toEqual([
      'tracing: "supported" but not a BlueprintFunctionProps prop',
      'recursiveLoop: a lambda.FunctionProps prop neither in the parity table nor refused',
      'newProp2027: a lambda.FunctionProps prop neither in the parity table nor refused',
      'oldProp: in the parity table but not a lambda.FunctionProps prop',
    ]);
  });

  test('the README table "lambda.Function prop → BlueprintFunction" is the parity table', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8');
    const match = /<!-- parity:start -->\n([\s\S]*?)\n<!-- parity:end -->/.exec(readme);
    expect(match).not.toBeNull();
    expect(readme.indexOf('<!-- parity:start -->')).toBeGreaterThan(readme.indexOf('## BlueprintFunction'));
    expect(match![1]).toBe(parityTableMarkdown());
  });
});

