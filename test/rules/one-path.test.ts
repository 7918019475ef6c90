import { App, CfnParameter, Duration, Size, Stack, Stage, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { both, constructMode, FN_PROPS, newStack, OUR_LINE, packMode } from './modes';
import { BlueprintFunction, BlueprintFunctionUrl, BlueprintStandards } from '../../src';

// Issue 28, "One path for every check": the checks that lived outside the rule engine report through it.

/** The lines of a failed synth (none when it passes). */
function synthLines(app: App): string[] {
  try {
    app.synth({ force: true });
    return [];
  } catch (e) {
    const message = (e as Error).message;
    if (!message.includes('Validation failed')) throw e;
    return message.split('\n').slice(1).map(l => l.trim());
  }
}

const MEMORY = 'defaults.memorySize is 64 MB, allowed is a whole number 128–10,240 MB, because Lambda allocates memory in whole MB from 128 to 10,240 MB (CPU scales with it)';

describe('BlueprintStandardsProps: a standard out of range is reported at synth, at its scope, through the engine', () => {
  test('applied to a stack: at the stack, with every problem, the standard not applied (no second error from its rules)', () => {
    const s = newStack();
    BlueprintStandards.of(s).apply({
      name: 'bad',
      defaults: { memorySize: 64 },
      rules: { maxEphemeralStorageSize: Size.gibibytes(11), allowedArchitectures: [], customRules: [{ id: 'X' } as never] },
    });
    new BlueprintFunction(s, 'Fn', FN_PROPS);
    const by = '(standard "bad" applied at Test)';
    expect(synthLines(s.node.root as App)).toEqual([
      `[Test] LambdaBlueprints-BlueprintStandardsProps: ${MEMORY} ${by}.`,
      `[Test] LambdaBlueprints-BlueprintStandardsProps: rules.maxEphemeralStorageSize is 11,264 MB, allowed is a whole number 512–10,240 MB, because /tmp can be sized from 512 to 10,240 MB ${by}.`,
      `[Test] LambdaBlueprints-BlueprintStandardsProps: rules.allowedArchitectures is [], allowed is at least one entry, because an empty list would refuse every function ${by}.`,
      `[Test] LambdaBlueprints-BlueprintStandardsProps: rules.customRules is {"id":"X"} (entry 0), allowed is a StandardRule subclass, because the engine calls its check method ${by}.`,
    ]);
    for (const line of synthLines(s.node.root as App)) expect(line).toMatch(OUR_LINE);
    expect(BlueprintStandards.of(s).inForce).toEqual([]);
    // Nothing of it is in the template: the pack has nothing to read.
    expect(packMode(s)).toEqual([]);
  });

  test('applied to a stage: at the stage', () => {
    const app = new App();
    const stage = new Stage(app, 'Prod');
    BlueprintStandards.of(stage).apply({ name: 'bad', defaults: { memorySize: 64 } });
    new Stack(stage, 'Api');
    expect(synthLines(app)).toEqual([`[Prod] LambdaBlueprints-BlueprintStandardsProps: ${MEMORY} (standard "bad" applied at Prod).`]);
  });

  test('acknowledged like any rule, at its scope', () => {
    const s = newStack();
    BlueprintStandards.of(s).apply({ name: 'bad', defaults: { memorySize: 64 } });
    Validations.of(s).acknowledge({ id: 'LambdaBlueprints-BlueprintStandardsProps', reason: 'the platform package is fixed in its next release' });
    expect(synthLines(s.node.root as App)).toEqual([]);
  });

  test('tokens are never judged: a duration or size from a parameter is accepted', () => {
    const s = newStack();
    const p = new CfnParameter(s, 'P', { type: 'Number' }).valueAsNumber;
    BlueprintStandards.of(s).apply({ name: 'tokens', defaults: { memorySize: p, timeout: Duration.minutes(p) }, rules: { maxTimeout: Duration.seconds(p), maxEphemeralStorageSize: Size.gibibytes(p) } });
    expect(BlueprintStandards.of(s).inForce).toEqual(['tokens']);
    expect(constructMode(s).filter(r => r.id === 'LambdaBlueprints-BlueprintStandardsProps')).toEqual([]);
  });
});

describe('a public function URL under a standard that denies public URLs: one error (StandardNoPublicUrl owns the case)', () => {
  const STANDARD_LINE = (path: string, at: string) => ({
    id: 'LambdaBlueprints-StandardNoPublicUrl',
    severity: 'error',
    path,
    message: `authType (AuthType) is "NONE", allowed is "AWS_IAM", because a URL without authentication lets anyone on the internet invoke the function (standard "acme" set at ${at}).`,
  });

  test('a plain L2 app: exactly one finding in the pack and in construct mode', () => {
    const s = newStack();
    BlueprintStandards.of(s).apply({ name: 'acme', rules: { denyPublicFunctionUrls: true } });
    new lambda.Function(s, 'Fn', { ...FN_PROPS }).addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
    expect(packMode(s)).toEqual([STANDARD_LINE('Test/Fn/FunctionUrl/Resource', 'Test')]);
    expect(constructMode(s)).toEqual([STANDARD_LINE('Test/Fn/FunctionUrl/Resource', 'Test')]);
  });

  test('a blueprint URL without allowPublicAccess: one error, in both modes alike', () => {
    const s = newStack();
    BlueprintStandards.of(s).apply({ name: 'acme', rules: { denyPublicFunctionUrls: true } });
    new BlueprintFunctionUrl(s, 'Url', { function: new BlueprintFunction(s, 'Fn', FN_PROPS), authType: lambda.FunctionUrlAuthType.NONE });
    expect(constructMode(s).filter(r => r.severity === 'error')).toEqual([STANDARD_LINE('Test/Url/Url/Resource', 'Test')]);
    expect(packMode(s).filter(r => r.severity === 'error')).toEqual([STANDARD_LINE('Test/Url/Url/Resource', 'Test')]);
    expect(both(s, 'LambdaFunctionUrlAuth')).toEqual([]);
  });

  test('without such a standard the URL is LambdaFunctionUrlAuth\'s, as before', () => {
    const s = newStack();
    new lambda.Function(s, 'Fn', { ...FN_PROPS }).addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
    expect(packMode(s)).toEqual([{
      id: 'LambdaBlueprints-LambdaFunctionUrlAuth',
      severity: 'error',
      path: 'Test/Fn/FunctionUrl/Resource',
      message: 'authType (AuthType) is "NONE", allowed is AWS_IAM, or NONE acknowledged with a reason (BlueprintFunctionUrl: allowPublicAccess: true), '
        + 'because a URL without authentication lets anyone on the internet invoke the function.',
    }]);
  });
});
