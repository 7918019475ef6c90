import { CfnParameter } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { fmt } from '../../src/core/private/format';
import { LIMITS } from '../../src/limits';
import { InputChecks } from '../../src/rules/private/inputs';
import { describeRange, messageOf } from '../../src/rules/private/rule';
import { newStack } from '../helpers';

function problems(): { p: InputChecks; scope: Construct; all: () => string[] } {
  const stack = newStack();
  const scope = new Construct(stack, 'Thing');
  const p = new InputChecks();
  return { p, scope, all: () => p.findings.map(f => messageOf(f)) };
}

test('numbers print with separators, fractions as they are', () => {
  expect(fmt(10240)).toBe('10,240');
  expect(fmt(0.5)).toBe('0.5');
  expect(describeRange(LIMITS.memorySize)).toBe('128–10,240 MB');
  expect(describeRange(LIMITS.provisionedUtilizationTarget)).toBe('0.1–0.9');
});

test('extra allowed values outside the range pass and are named in the message', () => {
  const { p, all } = problems();
  expect(p.limit('maxRecordAge', -1, 'streamRecordAge', [-1])).toBe(true);
  expect(p.limit('maxRecordAge', 59, 'streamRecordAge', [-1])).toBe(false);
  expect(all()).toEqual([
    'maxRecordAge is 59 s, allowed is a whole number in 60–604,800 s or -1, because the maximum record age is -1 (infinite) or 60 s to 7 days.',
  ]);
});

test('non-integer limits accept fractions; NaN and Infinity are refused', () => {
  const { p, all } = problems();
  expect(p.limit('targetUtilization', 0.5, 'provisionedUtilizationTarget')).toBe(true);
  expect(p.limit('memorySize', NaN, 'memorySize')).toBe(false);
  expect(p.limit('memorySize', Infinity, 'memorySize')).toBe(false);
  expect(all()).toHaveLength(2);
});

test('undefined, tokens and resolved references are never judged', () => {
  const { p, scope, all } = problems();
  const token = new CfnParameter(scope, 'P', { type: 'Number' }).valueAsNumber;
  expect(p.limit('memorySize', undefined, 'memorySize')).toBe(true);
  expect(p.limit('memorySize', token, 'memorySize')).toBe(true);
  expect(p.limit('memorySize', { Ref: 'P' } as unknown as number, 'memorySize')).toBe(true);
  expect(p.pattern('name', new CfnParameter(scope, 'S').valueAsString, /^a$/, 'a', 'why')).toBe(true);
  expect(p.pattern('name', undefined, /^a$/, 'a', 'why')).toBe(true);
  expect(all()).toEqual([]);
});

test('pattern and when report in the standard form', () => {
  const { p, all } = problems();
  expect(p.pattern('aliasName', '$LATEST', /^[a-z]+$/, 'lower-case letters', 'it is reserved')).toBe(false);
  p.when(false, 'x', 'y', 'z', 'never');
  p.when(true, 'weight', '1.5', 'a number between 0 and 1', 'weights are fractions');
  expect(all()).toEqual([
    'aliasName is "$LATEST", allowed is lower-case letters, because it is reserved.',
    'weight is 1.5, allowed is a number between 0 and 1, because weights are fractions.',
  ]);
});
