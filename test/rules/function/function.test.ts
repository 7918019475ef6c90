import { App, CfnParameter, Duration, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { BlueprintFunction, BlueprintFunctionProps } from '../../../src';
import { both, constructMode, ofRule, packMode } from '../modes';

const base: BlueprintFunctionProps = {
  runtime: lambda.Runtime.NODEJS_24_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => 1;'),
};

function stackWith(props: Partial<BlueprintFunctionProps> = {}, after?: (fn: BlueprintFunction, stack: Stack) => void): Stack {
  const stack = new Stack(new App(), 'Test', { env: { account: '123456789012', region: 'us-east-1' } });
  const fn = new BlueprintFunction(stack, 'Fn', { ...base, ...props });
  after?.(fn, stack);
  return stack;
}


const FN = 'Test/Fn/Function/Resource';
const TIMEOUT_REASON = 'a Lambda invocation runs at most 900 s (15 minutes); longer work belongs on Fargate or Step Functions';
const MEMORY_REASON = 'Lambda allocates memory in whole MB from 128 to 10,240 MB (CPU scales with it)';

describe('what will be deployed, not the props: escape hatches are checked', () => {
  test('Timeout overridden to 3600', () => {
    expect(both(stackWith({}, fn => fn.cfn.addPropertyOverride('Timeout', 3600)), 'LambdaTimeout')).toEqual([
      { id: 'LambdaBlueprints-LambdaTimeout', severity: 'error', path: FN, message: `timeout (Timeout) is 3,600 s, allowed is a whole number 1–900 s, because ${TIMEOUT_REASON}.` },
    ]);
  });
  test('MemorySize overridden to 0', () => {
    expect(both(stackWith({}, fn => fn.cfn.addPropertyOverride('MemorySize', 0)), 'LambdaMemorySize').map(r => r.message)).toEqual([
      `memorySize (MemorySize) is 0 MB, allowed is a whole number 128–10,240 MB, because ${MEMORY_REASON}.`,
    ]);
  });
  test('cfn.runtime set to python2.7', () => {
    expect(both(stackWith({}, fn => { fn.cfn.runtime = 'python2.7'; }), 'LambdaRuntimeDeprecated')).toEqual([
      { id: 'LambdaBlueprints-LambdaRuntimeDeprecated', severity: 'error', path: FN, message: 'runtime (Runtime) is "python2.7", allowed is a supported runtime, because AWS Lambda no longer supports it: no security patches, and new functions are blocked.' },
    ]);
  });
  test('an override of Environment.Variables.AWS_REGION', () => {
    expect(both(stackWith({}, fn => fn.cfn.addPropertyOverride('Environment.Variables.AWS_REGION', 'eu-west-1')), 'LambdaEnvironment').map(r => r.message)).toEqual([
      'Environment.Variables key "AWS_REGION" is a reserved name, allowed is a name Lambda does not reserve (AWS_REGION, AWS_LAMBDA_*, _HANDLER, LAMBDA_TASK_ROOT …), because the Lambda runtime sets it itself and refuses to let a function override it.',
    ]);
  });
  test('addEnvironment with a reserved name is reported, not thrown', () => {
    expect(both(stackWith({}, fn => fn.addEnvironment('AWS_LAMBDA_X', '1')), 'LambdaEnvironment')).toHaveLength(1);
  });
});

describe('values aws-cdk-lib would throw on are reported with the rest', () => {
  test('Duration.seconds(NaN)', () => {
    expect(both(stackWith({ timeout: Duration.seconds(NaN) }), 'LambdaTimeout').map(r => r.message)).toEqual([
      `timeout (Timeout) is NaN s, allowed is a whole number 1–900 s, because ${TIMEOUT_REASON}.`,
    ]);
  });
  test('a fraction of a second', () => {
    expect(both(stackWith({ timeout: Duration.millis(1500) }), 'LambdaTimeout').map(r => r.message)).toEqual([
      `timeout (Timeout) is 1.5 s, allowed is a whole number 1–900 s, because ${TIMEOUT_REASON}.`,
    ]);
  });
  test('a deploy-time value in minutes cannot be converted: reported at the blueprint, shown as a token', () => {
    const app = new App();
    const stack = new Stack(app, 'Test');
    const minutes = new CfnParameter(stack, 'Minutes', { type: 'Number' }).valueAsNumber;
    new BlueprintFunction(stack, 'Fn', { ...base, timeout: Duration.minutes(minutes) });
    const found = ofRule(constructMode(stack), 'LambdaTimeout');
    expect(found).toEqual([{
      id: 'LambdaBlueprints-LambdaTimeout',
      severity: 'error',
      path: 'Test/Fn',
      message: expect.stringMatching(/^timeout is Duration\.minutes\(\$\{Token\[[^\]]+\]\}\), allowed is Duration\.seconds\(<value>\) for a value known only at deploy time, because CloudFormation cannot convert a deploy-time value between units, and Lambda takes whole seconds\.$/),
    }]);
    expect(JSON.stringify(found)).not.toContain('[object Object]');
  });
  test.each([
    ['a'.repeat(65), `"${'a'.repeat(65)}" (65 characters)`],
    ['has space', '"has space" (9 characters)'],
    ['', '"" (0 characters)'],
  ])('functionName %j', (functionName, shown) => {
    expect(both(stackWith({ functionName }), 'LambdaFunctionName').map(r => r.message)).toEqual([
      `functionName (FunctionName) is ${shown}, allowed is 1–64 characters of [a-zA-Z0-9-_], because a function name is 1 to 64 letters, digits, hyphens or underscores.`,
    ]);
  });
  test.each([0, NaN, 12.5])('accountConcurrencyLimit %p is refused (it would disable or garble the reservation check)', (accountConcurrencyLimit) => {
    const found = ofRule(constructMode(stackWith({ accountConcurrencyLimit, reservedConcurrentExecutions: 950 })), 'LambdaReservedConcurrency');
    expect(found[0]).toEqual({
      id: 'LambdaBlueprints-LambdaReservedConcurrency',
      severity: 'error',
      path: 'Test/Fn',
      message: `accountConcurrencyLimit is ${Number.isNaN(accountConcurrencyLimit) ? 'NaN' : String(accountConcurrencyLimit)} executions, allowed is a whole number 1–1,000,000 executions, because the account concurrency limit is 1,000 per region unless raised (new accounts may start lower); the reserved concurrency check needs it.`,
    });
    // The default limit stays in force: 950 is still refused.
    expect(found.map(f => f.path)).toContain(FN);
  });
});

describe('invalid values that used to be accepted', () => {
  test('a one-letter environment key', () => {
    expect(both(stackWith({ environment: { A: '1' } }), 'LambdaEnvironment').map(r => r.message)).toEqual([
      'Environment.Variables key "A" is 1 character long, allowed is a name matching ^[a-zA-Z][a-zA-Z0-9_]+$, because Lambda accepts variable names of a letter followed by at least one letter, digit or underscore.',
    ]);
  });
  test('a handler over 128 characters', () => {
    const handler = `${'a'.repeat(125)}.handler`;
    expect(both(stackWith({ handler, code: lambda.Code.fromAsset(`${__dirname}/../../function/fixtures`) }), 'LambdaHandler').map(r => r.message)).toEqual([
      `handler (Handler) is "${handler}" (133 characters), allowed is 1–128 characters without white space, because Lambda accepts a handler of 1 to 128 characters without white space.`,
    ]);
  });
  test('a handler with spaces', () => {
    expect(both(stackWith({ handler: 'index. handler' }), 'LambdaHandler').map(r => r.message)).toEqual([
      'handler (Handler) is "index. handler" (14 characters), allowed is 1–128 characters without white space, because Lambda accepts a handler of 1 to 128 characters without white space.',
    ]);
  });
  test('the same function name twice in one stack', () => {
    const stack = stackWith({ functionName: 'orders' }, (_fn, s) => { new BlueprintFunction(s, 'Other', { ...base, functionName: 'orders' }); });
    expect(both(stack, 'LambdaFunctionNameUnique').map(r => `${r.path}: ${r.message}`)).toEqual([
      'Test/Fn/Function/Resource: functionName (FunctionName) is "orders", allowed is a name no other function of the account and region has (also used by Test/Other/Function/Resource), because function names are unique per account and region: CloudFormation fails to create the second one.',
      'Test/Other/Function/Resource: functionName (FunctionName) is "orders", allowed is a name no other function of the account and region has (also used by Test/Fn/Function/Resource), because function names are unique per account and region: CloudFormation fails to create the second one.',
    ]);
  });
  test('the same function name in two stacks of one account and region, not in another region', () => {
    const app = new App();
    const env = { account: '123456789012', region: 'us-east-1' };
    const a = new Stack(app, 'A', { env });
    const b = new Stack(app, 'B', { env });
    const c = new Stack(app, 'C', { env: { ...env, region: 'eu-west-1' } });
    for (const s of [a, b, c]) new BlueprintFunction(s, 'Fn', { ...base, functionName: 'orders' });
    expect(ofRule(packMode(app), 'LambdaFunctionNameUnique').map(r => r.path)).toEqual(['A/Fn/Function/Resource', 'B/Fn/Function/Resource']);
  });
  test('named functions in many stacks: each is rendered for the other stacks once per synth, however many stacks there are', () => {
    /** How often the synth of an app of `stacks` stacks (two named functions each) renders each function. */
    const rendersPerFunction = (stacks: number) => {
      const app = new App();
      const env = { account: '123456789012', region: 'us-east-1' };
      for (let i = 0; i < stacks; i++) {
        const s = new Stack(app, `S${i}`, { env });
        new BlueprintFunction(s, 'A', { ...base, functionName: `a-${i}` });
        new BlueprintFunction(s, 'B', { ...base, functionName: `b-${i}` });
      }
      const spy = jest.spyOn(lambda.CfnFunction.prototype as unknown as { _toCloudFormation: () => object }, '_toCloudFormation');
      try {
        app.synth();
        return spy.mock.calls.length / (2 * stacks);
      } finally {
        spy.mockRestore();
      }
    };
    expect(rendersPerFunction(6)).toEqual(rendersPerFunction(2));
  });
  test.each([
    ['not-an-arn', 'layers (Layers) is "not-an-arn", allowed is a layer version ARN (arn:aws:lambda:<region>:<account>:layer:<name>:<version>), because Lambda attaches layer versions by ARN only.'],
    ['arn:aws:lambda:eu-west-1:123456789012:layer:deps:3', 'layers (Layers) is "arn:aws:lambda:eu-west-1:123456789012:layer:deps:3" (region eu-west-1), allowed is a layer version in the function\'s region (us-east-1), because a function can only use layers of its own region.'],
  ])('layer %s', (arn, message) => {
    const stack = stackWith({}, (fn, s) => fn.addLayers(lambda.LayerVersion.fromLayerVersionArn(s, 'L', arn)));
    expect(both(stack, 'LambdaLayers').map(r => r.message)).toEqual([message]);
  });
  test('the same layer twice', () => {
    const arn = 'arn:aws:lambda:us-east-1:123456789012:layer:deps:3';
    const stack = stackWith({}, (fn, s) => fn.addLayers(lambda.LayerVersion.fromLayerVersionArn(s, 'L1', arn), lambda.LayerVersion.fromLayerVersionArn(s, 'L2', arn)));
    expect(both(stack, 'LambdaLayers').map(r => r.message)).toEqual([
      `layers (Layers) is "${arn}" twice, allowed is each layer version once, because Lambda refuses a function that lists the same layer version twice.`,
    ]);
  });
  test('Architecture.custom("")', () => {
    expect(both(stackWith({ architecture: lambda.Architecture.custom('') }), 'LambdaArchitecture').map(r => r.message)).toEqual([
      'architecture (Architectures) is [""], allowed is exactly one of x86_64, arm64, because Lambda runs a function on one instruction set.',
    ]);
  });
});

describe('the release alias', () => {
  test('an alias description over 256 characters', () => {
    const stack = stackWith({ deployment: { aliasDescription: 'd'.repeat(257) } });
    expect(both(stack, 'LambdaAliasSettings')).toEqual([{
      id: 'LambdaBlueprints-LambdaAliasSettings',
      severity: 'error',
      path: 'Test/Fn/Release/Alias/Resource',
      message: 'Description length is 257 characters ("dddddddddddddddddddddddddddddd"…), allowed is a whole number 0–256 characters, because an alias description holds at most 256 characters.',
    }]);
  });
  test('an all-digit alias name', () => {
    expect(both(stackWith({ deployment: { aliasName: '42' } }), 'LambdaAliasSettings').map(r => r.message)).toEqual([
      'Name is "42", allowed is 1–128 characters of [a-zA-Z0-9-_], not all digits, because alias names are 1 to 128 characters of [a-zA-Z0-9-_].',
    ]);
  });
});

describe('tokens are never judged nor printed as objects', () => {
  test('token memory, timeout and name pass', () => {
    const app = new App();
    const stack = new Stack(app, 'Test');
    const n = new CfnParameter(stack, 'N', { type: 'Number' }).valueAsNumber;
    const name = new CfnParameter(stack, 'Name').valueAsString;
    new BlueprintFunction(stack, 'Fn', { ...base, memorySize: n, timeout: Duration.seconds(n), functionName: name, reservedConcurrentExecutions: n });
    expect(packMode(stack).filter(r => r.severity === 'error')).toEqual([]);
    expect(constructMode(stack).filter(r => r.severity === 'error')).toEqual([]);
  });
});

describe('severities', () => {
  test('a deprecated runtime acknowledged by allowDeprecatedRuntime passes in both modes', () => {
    const stack = stackWith({ runtime: lambda.Runtime.NODEJS_16_X, allowDeprecatedRuntime: true });
    expect(both(stack, 'LambdaRuntimeDeprecated')).toEqual([]);
  });
  test('a runtime that is not the newest is a warning in both modes', () => {
    expect(both(stackWith({ runtime: lambda.Runtime.NODEJS_22_X }), 'LambdaRuntimeNotNewest')).toEqual([{
      id: 'LambdaBlueprints-LambdaRuntimeNotNewest',
      severity: 'warning',
      path: FN,
      message: 'runtime (Runtime) is "nodejs22.x", allowed is the newest of its family (nodejs24.x), because older runtimes reach end of support first; plan the upgrade.',
    }]);
  });
  test('a secret-looking literal is a warning', () => {
    expect(both(stackWith({ environment: { DB_PASSWORD: 'hunter2' } }), 'LambdaEnvironmentSecret').map(r => r.severity)).toEqual(['warning']);
  });
  test('the settings of the Parameters and Secrets extension are not secrets; a look-alike name still is', () => {
    const settings = { SECRETS_MANAGER_TTL: '300', PARAMETERS_SECRETS_EXTENSION_CACHE_SIZE: '500', SSM_PARAMETER_STORE_TIMEOUT_MILLIS: '0' };
    expect(both(stackWith({ environment: settings }), 'LambdaEnvironmentSecret')).toEqual([]);
    expect(both(stackWith({ environment: { SECRETS_MANAGER_TOKEN: 'abc' } }), 'LambdaEnvironmentSecret').map(r => r.severity)).toEqual(['warning']);
  });
});
