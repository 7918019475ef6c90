import * as path from 'path';
import { App, Duration, Size, Stack, Stage, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as cfninc from 'aws-cdk-lib/cloudformation-include';
import { Construct } from 'constructs';
import { BlueprintCodeSigning, BlueprintFunction, BlueprintFunctionProps, BlueprintFunctionUrl, BlueprintStandards, BlueprintVpc, DeploymentStrategy, StandardRules } from '../../../src';
import { both, constructMode, FN_PROPS, newStack, packMode } from '../modes';

/** A stack with standard `acme` (rules) applied to it. */
function governed(rules: StandardRules): Stack {
  const stack = newStack();
  BlueprintStandards.of(stack).apply({ name: 'acme', rules });
  return stack;
}

function plain(stack: Stack, id: string, props: Partial<lambda.FunctionProps> = {}): lambda.Function {
  return new lambda.Function(stack, id, { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => 1;'), ...props });
}

const BY = '(standard "acme" set at Test)';

interface Case {
  readonly rule: string;
  readonly rules: StandardRules;
  /** A compliant function (blueprint or not). */
  readonly pass: (s: Stack) => void;
  /** A violating one, and the message expected at `path`. */
  readonly fail: (s: Stack) => void;
  readonly path: string;
  readonly message: string;
}

const CASES: Case[] = [
  {
    rule: 'StandardAllowedRuntimes',
    rules: { allowedRuntimes: [lambda.Runtime.NODEJS_24_X, lambda.Runtime.PYTHON_3_13] },
    pass: s => new BlueprintFunction(s, 'Fn', FN_PROPS),
    fail: s => plain(s, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X }),
    path: 'Test/Fn/Resource',
    message: `runtime (Runtime) is "nodejs22.x", allowed is one of "nodejs24.x", "python3.13", because the platform supports only these runtimes ${BY}.`,
  },
  {
    rule: 'StandardAllowedArchitectures',
    rules: { allowedArchitectures: [lambda.Architecture.ARM_64] },
    pass: s => new BlueprintFunction(s, 'Fn', FN_PROPS),
    fail: s => plain(s, 'Fn'),
    path: 'Test/Fn/Resource',
    message: `architecture (Architectures) is not set (x86_64), allowed is ["arm64"], because the platform builds and tests for these instruction sets only ${BY}.`,
  },
  {
    rule: 'StandardMaxMemorySize',
    rules: { maxMemorySize: 3008 },
    pass: s => new BlueprintFunction(s, 'Fn', { ...FN_PROPS, memorySize: 3008 }),
    fail: s => new BlueprintFunction(s, 'Fn', { ...FN_PROPS, memorySize: 10_240 }),
    path: 'Test/Fn/Function/Resource',
    message: `memorySize (MemorySize) is 10,240 MB, allowed is at most 3,008 MB, because memory is billed per GB-second and capped by the platform ${BY}.`,
  },
  {
    rule: 'StandardMaxTimeout',
    rules: { maxTimeout: Duration.minutes(1) },
    pass: s => plain(s, 'Fn'),
    fail: s => plain(s, 'Fn', { timeout: Duration.minutes(5) }),
    path: 'Test/Fn/Resource',
    message: `timeout (Timeout) is 300 s, allowed is at most 60 s, because the platform caps how long an invocation may run ${BY}.`,
  },
  {
    rule: 'StandardMaxEphemeralStorage',
    rules: { maxEphemeralStorageSize: Size.gibibytes(1) },
    pass: s => new BlueprintFunction(s, 'Fn', { ...FN_PROPS, ephemeralStorageSize: Size.gibibytes(1) }),
    fail: s => plain(s, 'Fn', { ephemeralStorageSize: Size.gibibytes(2) }),
    path: 'Test/Fn/Resource',
    message: `ephemeralStorageSize (EphemeralStorage.Size) is 2,048 MB, allowed is at most 1,024 MB, because /tmp above 512 MB is billed and capped by the platform ${BY}.`,
  },
  {
    rule: 'StandardVpcRequired',
    rules: { requireVpc: true },
    pass: s => new BlueprintFunction(s, 'Fn', { ...FN_PROPS, network: new BlueprintVpc(s, 'Net').privateEgress() }),
    fail: s => new BlueprintFunction(s, 'Fn', FN_PROPS),
    path: 'Test/Fn/Function/Resource',
    message: `VpcConfig.SubnetIds is not set, allowed is private subnets of a VPC, because the platform reaches its data and egress controls only inside its VPCs ${BY}.`,
  },
  {
    rule: 'StandardCodeDeployRelease',
    rules: { requireCodeDeployRelease: true },
    pass: s => new BlueprintFunction(s, 'Fn', { ...FN_PROPS, deployment: { strategy: DeploymentStrategy.CANARY_10_PERCENT_5_MINUTES, smokeTest: {} } }),
    fail: s => new BlueprintFunction(s, 'Fn', { ...FN_PROPS, deployment: { aliasName: 'live' } }),
    path: 'Test/Fn/Function/Resource',
    message: 'Release is aliases "live" without CodeDeploy, allowed is an alias updated by CodeDeploy (e.g. `deployment: { strategy: DeploymentStrategy.canary(…) }`), '
      + `because every change must shift traffic gradually and roll back on alarms ${BY}.`,
  },
  {
    rule: 'StandardNoPublicUrl',
    rules: { denyPublicFunctionUrls: true },
    pass: s => plain(s, 'Fn').addFunctionUrl({ authType: lambda.FunctionUrlAuthType.AWS_IAM }),
    fail: s => plain(s, 'Fn').addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE }),
    path: 'Test/Fn/FunctionUrl/Resource',
    message: `authType (AuthType) is "NONE", allowed is "AWS_IAM", because a URL without authentication lets anyone on the internet invoke the function ${BY}.`,
  },
  {
    rule: 'StandardMinLogRetention',
    rules: { minLogRetention: logs.RetentionDays.THREE_MONTHS },
    pass: s => new BlueprintFunction(s, 'Fn', { ...FN_PROPS, logRetention: logs.RetentionDays.ONE_YEAR }),
    fail: s => new BlueprintFunction(s, 'Fn', FN_PROPS),
    path: 'Test/Fn/LogGroup/Resource',
    message: `RetentionInDays is 30 days, allowed is at least 90 days, because the platform must be able to investigate incidents that far back ${BY}.`,
  },
  {
    rule: 'StandardReservedConcurrency',
    rules: { requireReservedConcurrency: true },
    pass: s => new BlueprintFunction(s, 'Fn', { ...FN_PROPS, reservedConcurrentExecutions: 10 }),
    fail: s => new lambda.CfnFunction(s, 'Fn', { role: 'arn:aws:iam::123456789012:role/r', code: { zipFile: 'x' }, runtime: 'nodejs24.x', handler: 'index.handler' }),
    path: 'Test/Fn',
    message: `reservedConcurrentExecutions (ReservedConcurrentExecutions) is not set, allowed is a reservation (0 to the account limit minus 100), because one function must not starve the others of the account's concurrency ${BY}.`,
  },
  {
    rule: 'StandardCodeSigning',
    rules: { requireCodeSigning: true },
    pass: s => plain(s, 'Fn', { codeSigningConfig: new BlueprintCodeSigning(s, 'Signing').codeSigningConfig }),
    fail: s => new BlueprintFunction(s, 'Fn', FN_PROPS),
    path: 'Test/Fn/Function/Resource',
    message: `codeSigningConfig (CodeSigningConfigArn) is not set, allowed is a code signing configuration (e.g. \`BlueprintCodeSigning\`), because only code signed by the platform's signing profiles may run ${BY}.`,
  },
];

describe.each(CASES.map(c => [c.rule, c] as const))('%s', (rule, c) => {
  test('passes a compliant function', () => {
    const s = governed(c.rules);
    c.pass(s);
    expect(both(s, rule)).toEqual([]);
  });
  test('refuses a violating one at synth and in the pack, naming the standard and its scope', () => {
    const s = governed(c.rules);
    c.fail(s);
    expect(both(s, rule)).toEqual([{ id: `LambdaBlueprints-${rule}`, severity: 'error', path: c.path, message: c.message }]);
  });
  test('says nothing without the standard', () => {
    const s = newStack();
    c.fail(s);
    expect(packMode(s).filter(r => r.id === `LambdaBlueprints-${rule}`)).toEqual([]);
  });
});

describe('rules reach every function in scope', () => {
  test('a plain lambda.Function in a stack with no blueprint fails the synth', () => {
    const s = governed({ maxMemorySize: 1024 });
    plain(s, 'Fn', { memorySize: 2048 });
    expect(() => (s.node.root as App).synth()).toThrow(/\[Test\/Fn\/Resource\] LambdaBlueprints-StandardMaxMemorySize: memorySize \(MemorySize\) is 2,048 MB/);
  });
  test('a function of an imported template (CfnInclude)', () => {
    const s = governed({ allowedRuntimes: [lambda.Runtime.PYTHON_3_13] });
    new cfninc.CfnInclude(s, 'Legacy', { templateFile: path.join(__dirname, '..', '..', 'standards', 'fixtures', 'legacy.json') });
    expect(both(s, 'StandardAllowedRuntimes').map(r => [r.path, r.message.split(',')[0]])).toEqual([['Test/Legacy/LegacyFn', 'runtime (Runtime) is "nodejs18.x"']]);
  });
  test('a stage created after the app\'s standards, holding only a plain function, is checked too', () => {
    const app = new App();
    BlueprintStandards.of(app).apply({ name: 'acme', rules: { denyPublicFunctionUrls: true } });
    const stack = new Stack(new Stage(app, 'Prod'), 'Api');
    plain(stack, 'Fn').addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
    expect(() => app.synth()).toThrow(/\[Prod\/Api\/Fn\/FunctionUrl\/Resource\] LambdaBlueprints-StandardNoPublicUrl: authType \(AuthType\) is "NONE", .*\(standard "acme" set at the app\)\./);
  });
  test('the blueprint URL construct is checked like any URL', () => {
    const s = governed({ denyPublicFunctionUrls: true });
    const fn = new BlueprintFunction(s, 'Fn', FN_PROPS);
    new BlueprintFunctionUrl(s, 'Url', { function: fn, authType: lambda.FunctionUrlAuthType.NONE });
    expect(both(s, 'StandardNoPublicUrl')).toHaveLength(1);
  });
});

describe('minimum log retention covers the log groups lambda.Function makes for logRetention', () => {
  test('a Custom::LogRetention below the minimum is refused', () => {
    const s = governed({ minLogRetention: logs.RetentionDays.ONE_MONTH });
    plain(s, 'Fn', { logRetention: logs.RetentionDays.ONE_WEEK });
    expect(both(s, 'StandardMinLogRetention').map(r => [r.path, r.message.split(',')[0]])).toEqual([['Test/Fn/LogRetention/Resource', 'RetentionInDays is 7 days']]);
  });
});

describe('a standard on a construct between the app and its stacks', () => {
  test('checks the stacks created under it later', () => {
    const app = new App();
    const group = new Construct(app, 'Group');
    BlueprintStandards.of(group).apply({ name: 'acme', rules: { requireReservedConcurrency: true } });
    const stack = new Stack(group, 'S');
    plain(stack, 'Fn');
    expect(() => app.synth()).toThrow(/\[Group\/S\/Fn\/Resource\] LambdaBlueprints-StandardReservedConcurrency: reservedConcurrentExecutions \(ReservedConcurrentExecutions\) is not set/);
  });
});

describe('rules accumulate from every enclosing scope', () => {
  test('each standard reports its own ceiling; a looser inner standard does not lift an outer one', () => {
    const app = new App();
    BlueprintStandards.of(app).apply({ name: 'acme', rules: { maxMemorySize: 4096 } });
    const stage = new Stage(app, 'Prod', { env: { account: '123456789012', region: 'us-east-1' } });
    BlueprintStandards.of(stage).apply({ name: 'acme-prod', rules: { maxMemorySize: 2048 } });
    const stack = new Stack(stage, 'Api');
    BlueprintStandards.of(stack).apply({ name: 'loose', rules: { maxMemorySize: 10_240 } });
    new BlueprintFunction(stack, 'Fn', { ...FN_PROPS, memorySize: 8192 } as BlueprintFunctionProps);
    expect(both(stack, 'StandardMaxMemorySize').map(r => r.message)).toEqual([
      'memorySize (MemorySize) is 8,192 MB, allowed is at most 2,048 MB, because memory is billed per GB-second and capped by the platform (standard "acme-prod" set at Prod).',
      'memorySize (MemorySize) is 8,192 MB, allowed is at most 4,096 MB, because memory is billed per GB-second and capped by the platform (standard "acme" set at the app).',
    ]);
  });
  test('a standard default that breaks a rule is reported like a prop', () => {
    const s = newStack();
    BlueprintStandards.of(s).apply({ name: 'acme', defaults: { memorySize: 4096 }, rules: { maxMemorySize: 2048 } });
    new BlueprintFunction(s, 'Fn', FN_PROPS);
    expect(both(s, 'StandardMaxMemorySize')).toHaveLength(1);
  });
  test('a finding is acknowledged like any rule', () => {
    const s = governed({ requireReservedConcurrency: true });
    const fn = plain(s, 'Fn');
    Validations.of(fn).acknowledge({ id: 'LambdaBlueprints-StandardReservedConcurrency', reason: 'a one-off batch job' });
    expect(constructMode(s)).toEqual([]);
  });
});
