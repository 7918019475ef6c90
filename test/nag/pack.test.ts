import { App, Stack, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { LambdaBlueprintChecks, NagAcknowledgements } from '../../src';
import { ALL_RULES } from '../../src/rules/catalog';
import { newStack } from '../helpers';
import { blueprintFindings } from './nag-helpers';

function bigFunction(stack: Stack): lambda.CfnFunction {
  return new lambda.CfnFunction(stack, 'Fn', {
    role: 'arn:aws:iam::123456789012:role/r', code: { zipFile: 'x' }, runtime: 'nodejs24.x', handler: 'index.h', memorySize: 20_000,
  });
}

describe('LambdaBlueprintChecks', () => {
  test('names its pack and every rule id', () => {
    const pack = new LambdaBlueprintChecks();
    expect(pack.name).toBe('LambdaBlueprints');
    expect(pack.readPackName).toBe('LambdaBlueprints');
    expect(pack.accountConcurrencyLimit).toBe(1_000);
    expect(pack.ruleIds).toEqual(ALL_RULES.map(r => `LambdaBlueprints-${r.id}`));
    expect(pack.ruleIds).toContain('LambdaBlueprints-LambdaMemorySize');
  });

  test('findings carry the rule info and the error severity', () => {
    const stack = newStack();
    bigFunction(stack);
    const [v] = new LambdaBlueprintChecks().validateScope(stack).violations;
    expect(v.ruleName).toBe('LambdaBlueprints-LambdaMemorySize');
    expect(v.severity).toBe('error');
    expect(v.description).toBe('memorySize (MemorySize) is 20,000 MB, allowed is a whole number 128–10,240 MB, because Lambda allocates memory in whole MB from 128 to 10,240 MB (CPU scales with it).');
  });

  test('a finding acknowledged with NagAcknowledgements is not reported', () => {
    const stack = newStack();
    const fn = bigFunction(stack);
    NagAcknowledgements.add(fn, 'LambdaBlueprints-LambdaMemorySize', 'test of the acknowledgement path');
    expect(blueprintFindings(stack)).toEqual([]);
  });

  test('judges the app as it is when validated, not as it was', () => {
    const stack = newStack();
    const fn = bigFunction(stack);
    const pack = new LambdaBlueprintChecks();
    expect(pack.validateScope(stack).success).toBe(false);
    fn.memorySize = 1_024;
    expect(pack.validateScope(stack).success).toBe(true);
  });

  test('runs as a validation plugin at synth', () => {
    const app = new App();
    bigFunction(new Stack(app, 'S'));
    Validations.of(app).addPlugins(new LambdaBlueprintChecks(app));
    expect(() => app.synth()).toThrow(/LambdaBlueprints-LambdaMemorySize/);
  });

  test.each([[0, '0'], [1_000_001, '1,000,001'], [1_000.5, '1000.5']])('refuses an account concurrency limit of %s', (accountConcurrencyLimit, printed) => {
    expect(() => new LambdaBlueprintChecks(undefined, { accountConcurrencyLimit }))
      .toThrow(`LambdaBlueprintChecks: LambdaBlueprints-LambdaReservedConcurrency: accountConcurrencyLimit is ${printed} executions, allowed is a whole number 1–1,000,000 executions, `
        + 'because the account concurrency limit is 1,000 per region unless raised (new accounts may start lower); the reserved concurrency check needs it.');
  });
});
