import { App, CfnParameter, Stack, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { BlueprintFunction } from '../../../src';
import { l1Function } from '../l1';
import { both, FN_PROPS, newStack, ofRule, packMode } from '../modes';

const FN = 'Test/Fn/Function/Resource';

function messages(stack: Stack, rule: string): string[] {
  return ofRule(packMode(stack), rule).map(r => r.message);
}

/** A plain L2 Node.js function with extra props. */
function plain(stack: Stack, props: Partial<lambda.FunctionProps> = {}): lambda.Function {
  return new lambda.Function(stack, 'Plain', { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromInline('x'), ...props });
}

describe('LambdaRecursiveLoopAllowed', () => {
  const MESSAGE = 'recursiveLoop (RecursiveLoop) is "Allow", allowed is "Terminate" (the default), or an acknowledgement that names what ends the loop, because Lambda then no longer stops a function that invokes itself through SQS, SNS, S3 or Lambda after about 16 rounds: an unintended loop runs, and is billed, until someone notices.';
  test('construct mode: RecursiveLoop Allow on a blueprint is warned, and an acknowledgement with its reason clears it', () => {
    const s = newStack();
    const fn = new BlueprintFunction(s, 'Fn', FN_PROPS);
    fn.cfn.recursiveLoop = 'Allow';
    expect(both(s, 'LambdaRecursiveLoopAllowed')).toEqual([{ id: 'LambdaBlueprints-LambdaRecursiveLoopAllowed', severity: 'warning', path: FN, message: MESSAGE }]);
    Validations.of(fn).acknowledge({ id: 'LambdaBlueprints-LambdaRecursiveLoopAllowed', reason: 'The handler re-queues a message at most 3 times (a counter attribute).' });
    expect(both(s, 'LambdaRecursiveLoopAllowed')).toEqual([]);
  });
  test('pack mode: the L2 recursiveLoop ALLOW is warned, TERMINATE and unset are not', () => {
    const s = newStack();
    plain(s, { recursiveLoop: lambda.RecursiveLoop.ALLOW });
    l1Function(s, 'Terminate', { RecursiveLoop: 'Terminate' });
    l1Function(s, 'Unset');
    l1Function(s, 'Token', { RecursiveLoop: new CfnParameter(s, 'Loop').valueAsString });
    expect(ofRule(packMode(s), 'LambdaRecursiveLoopAllowed')).toEqual([{ id: 'LambdaBlueprints-LambdaRecursiveLoopAllowed', severity: 'warning', path: 'Test/Plain/Resource', message: MESSAGE }]);
  });
});

describe('LambdaRuntimeManagement', () => {
  test('construct mode: Manual without a runtime version ARN is refused', () => {
    const s = newStack();
    new BlueprintFunction(s, 'Fn', FN_PROPS).cfn.runtimeManagementConfig = { updateRuntimeOn: 'Manual' };
    expect(both(s, 'LambdaRuntimeManagement')).toEqual([{
      id: 'LambdaBlueprints-LambdaRuntimeManagement',
      severity: 'error',
      path: FN,
      message: 'runtimeManagementMode (RuntimeManagementConfig.RuntimeVersionArn) is not set with UpdateRuntimeOn "Manual", allowed is the ARN of the runtime version to pin, arn:<partition>:lambda:<region>::runtime:<id>, because Manual mode pins the function to the runtime version that ARN names.',
    }]);
  });
  test('pack mode: an ARN with an account, an unknown mode, an ARN too long', () => {
    const s = newStack();
    plain(s, { runtimeManagementMode: lambda.RuntimeManagementMode.manual('arn:aws:lambda:us-east-1:123456789012:runtime:abc') });
    l1Function(s, 'Mode', { RuntimeManagementConfig: { UpdateRuntimeOn: 'Always' } });
    l1Function(s, 'Long', { RuntimeManagementConfig: { UpdateRuntimeOn: 'Manual', RuntimeVersionArn: `arn:aws:lambda:us-east-1::runtime:${'a'.repeat(2020)}` } });
    expect(ofRule(packMode(s), 'LambdaRuntimeManagement').map(r => `${r.path}: ${r.message}`)).toEqual([
      'Test/Long: runtimeManagementMode (RuntimeManagementConfig.RuntimeVersionArn) is "arn:aws:lambda:us-east-1::runtime:' + 'a'.repeat(2020) + '" (2,054 characters), allowed is a whole number 26–2,048 characters, because a runtime version ARN is arn:<partition>:lambda:<region>::runtime:<id>, 26 to 2,048 characters.',
      'Test/Mode: runtimeManagementMode (RuntimeManagementConfig.UpdateRuntimeOn) is "Always", allowed is "Auto", "FunctionUpdate", "Manual", because Lambda knows only these runtime update modes.',
      'Test/Plain/Resource: runtimeManagementMode (RuntimeManagementConfig.RuntimeVersionArn) is "arn:aws:lambda:us-east-1:123456789012:runtime:abc", allowed is a runtime version ARN, arn:<partition>:lambda:<region>::runtime:<id>, because Lambda accepts only the ARN of a runtime version (no account field).',
    ]);
  });
  test('compliant: Auto, FunctionUpdate, a Manual ARN of the stack\'s region, and a token ARN', () => {
    const s = newStack();
    plain(s, { runtimeManagementMode: lambda.RuntimeManagementMode.AUTO });
    l1Function(s, 'Update', { RuntimeManagementConfig: { UpdateRuntimeOn: 'FunctionUpdate' } });
    l1Function(s, 'Manual', { RuntimeManagementConfig: { UpdateRuntimeOn: 'Manual', RuntimeVersionArn: 'arn:aws:lambda:us-east-1::runtime:0123456789abcdef' } });
    l1Function(s, 'Gov', { RuntimeManagementConfig: { UpdateRuntimeOn: 'Manual', RuntimeVersionArn: new CfnParameter(s, 'Arn').valueAsString } });
    expect(messages(s, 'LambdaRuntimeManagement')).toEqual([]);
    expect(messages(s, 'LambdaRuntimeVersionRegion')).toEqual([]);
  });
});

describe('LambdaRuntimeVersionRegion', () => {
  const ARN = 'arn:aws:lambda:eu-west-1::runtime:0123456789abcdef';
  test('construct mode: a runtime version of eu-west-1 in a us-east-1 stack is warned', () => {
    const s = newStack();
    new BlueprintFunction(s, 'Fn', { ...FN_PROPS }).cfn.runtimeManagementConfig = { updateRuntimeOn: 'Manual', runtimeVersionArn: ARN };
    expect(both(s, 'LambdaRuntimeVersionRegion')).toEqual([{
      id: 'LambdaBlueprints-LambdaRuntimeVersionRegion',
      severity: 'warning',
      path: FN,
      message: `runtimeManagementMode (RuntimeManagementConfig.RuntimeVersionArn) is "${ARN}" (region eu-west-1), allowed is a runtime version of the stack's region, us-east-1, because a runtime version ARN is regional, and the function runs in the stack's region.`,
    }]);
  });
  test('an environment-agnostic stack (token region) is not judged', () => {
    const s = new Stack(new App(), 'Agnostic');
    plain(s, { runtimeManagementMode: lambda.RuntimeManagementMode.manual(ARN) });
    expect(messages(s, 'LambdaRuntimeVersionRegion')).toEqual([]);
  });
});

describe('LambdaLoggingConfig', () => {
  const GROUP_REASON = 'allowed is 1–512 characters matching ^[.\\-_/#A-Za-z0-9]+$, because a log group name has 1 to 512 characters of letters, digits and . - _ / #.';
  test('construct mode: a log group name with a space set through the L1 is refused', () => {
    const s = newStack();
    new BlueprintFunction(s, 'Fn', FN_PROPS).cfn.addPropertyOverride('LoggingConfig.LogGroup', 'my logs');
    expect(both(s, 'LambdaLoggingConfig')).toEqual([{ id: 'LambdaBlueprints-LambdaLoggingConfig', severity: 'error', path: FN, message: `logGroup (LoggingConfig.LogGroup) is "my logs" (7 characters), ${GROUP_REASON}` }]);
  });
  test('pack mode: a 513-character name, and values the deprecated string props let through', () => {
    const s = newStack();
    plain(s, { logFormat: 'JSON', applicationLogLevel: 'VERBOSE', systemLogLevel: 'ERROR' });
    new lambda.Function(s, 'Yaml', { ...FN_PROPS, logFormat: 'Yaml' });
    l1Function(s, 'Long', { LoggingConfig: { LogGroup: `/aws/${'x'.repeat(508)}` } });
    expect(ofRule(packMode(s), 'LambdaLoggingConfig').map(r => `${r.path}: ${r.message}`)).toEqual([
      `Test/Long: logGroup (LoggingConfig.LogGroup) is "/aws/${'x'.repeat(508)}" (513 characters), ${GROUP_REASON}`,
      'Test/Plain/Resource: applicationLogLevelV2 (LoggingConfig.ApplicationLogLevel) is "VERBOSE", allowed is "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL", because Lambda filters application logs only at these levels.',
      'Test/Plain/Resource: systemLogLevelV2 (LoggingConfig.SystemLogLevel) is "ERROR", allowed is "DEBUG", "INFO", "WARN", because Lambda filters system logs only at these levels.',
      'Test/Yaml/Resource: loggingFormat (LoggingConfig.LogFormat) is "Yaml", allowed is "JSON", "Text", because Lambda writes logs as plain text or JSON.',
    ]);
  });
  test('compliant: the blueprint\'s own log group (a reference), a literal name, JSON with levels', () => {
    const s = newStack();
    new BlueprintFunction(s, 'Fn', FN_PROPS);
    plain(s, { loggingFormat: lambda.LoggingFormat.JSON, applicationLogLevelV2: lambda.ApplicationLogLevel.DEBUG, systemLogLevelV2: lambda.SystemLogLevel.WARN, logGroup: logs.LogGroup.fromLogGroupName(s, 'Imported', '/team/orders#1') });
    expect(both(s, 'LambdaLoggingConfig')).toEqual([]);
    expect(messages(s, 'LambdaLoggingConfig')).toEqual([]);
  });
});

describe('LambdaLogLevelRuntime', () => {
  test('construct mode: JSON application log levels on a custom runtime are warned', () => {
    const s = newStack();
    const fn = new BlueprintFunction(s, 'Fn', { ...FN_PROPS, runtime: lambda.Runtime.PROVIDED_AL2023, handler: 'bootstrap' });
    fn.cfn.addPropertyOverride('LoggingConfig.LogFormat', 'JSON');
    fn.cfn.addPropertyOverride('LoggingConfig.ApplicationLogLevel', 'WARN');
    expect(both(s, 'LambdaLogLevelRuntime')).toEqual([{
      id: 'LambdaBlueprints-LambdaLogLevelRuntime',
      severity: 'warning',
      path: FN,
      message: 'applicationLogLevelV2 (LoggingConfig.ApplicationLogLevel) is "WARN" on Runtime "provided.al2023", allowed is a runtime whose built-in logger writes JSON application logs (Java (not java8), .NET 8+, Node.js 16+ or Python 3.8+), or a logger of the function\'s own that writes JSON lines with a level, because Lambda filters application logs by level only in JSON-structured logs, and the built-in loggers of other runtimes do not write them: the level does not filter their logs.',
    }]);
  });
  test.each(['nodejs24.x', 'python3.13', 'java21', 'java8.al2', 'java17.al2023', 'dotnet8'])('compliant: %s', runtime => {
    const s = newStack();
    l1Function(s, 'Fn', { Runtime: runtime, LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'INFO' } });
    expect(messages(s, 'LambdaLogLevelRuntime')).toEqual([]);
  });
  test.each(['ruby3.4', 'provided.al2', 'java8'])('noncompliant: %s', runtime => {
    const s = newStack();
    l1Function(s, 'Fn', { Runtime: runtime, LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'INFO' } });
    expect(messages(s, 'LambdaLogLevelRuntime')).toHaveLength(1);
  });
  test('no level, or a token level, is not judged', () => {
    const s = newStack();
    l1Function(s, 'A', { Runtime: 'ruby3.4', LoggingConfig: { LogFormat: 'JSON' } });
    l1Function(s, 'B', { Runtime: 'ruby3.4', LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: new CfnParameter(s, 'Level').valueAsString } });
    expect(messages(s, 'LambdaLogLevelRuntime')).toEqual([]);
  });
});

describe('LambdaEnvironment counts the variables aws-cdk-lib adds for extensions', () => {
  const ENV_REASON = 'because Lambda accepts at most 4 KB of environment variables, keys and values together.';
  // The Parameters and Secrets extension's nine variables add 332 bytes (keys + default values).
  const BIG = { BIG: 'x'.repeat(4096 - 3 - 332 + 1) };
  test('the Parameters and Secrets extension\'s variables push 3,765 bytes over 4 KB', () => {
    const s = newStack();
    plain(s, { environment: BIG });
    expect(messages(s, 'LambdaEnvironment')).toEqual([]);
    const t = newStack();
    plain(t, { environment: BIG, paramsAndSecrets: lambda.ParamsAndSecretsLayerVersion.fromVersion(lambda.ParamsAndSecretsVersions.V1_0_103) });
    expect(messages(t, 'LambdaEnvironment')).toEqual([`environment (Environment, keys + values, UTF-8) is 4,097 bytes, allowed is a whole number 0–4,096 bytes, ${ENV_REASON}`]);
  });
  test('ADOT\'s AWS_LAMBDA_EXEC_WRAPPER counts too (40 bytes), and is a name a function may set (a wrapper script)', () => {
    const s = newStack();
    const adot = {
      layerVersion: lambda.AdotLayerVersion.fromJavaScriptSdkLayerVersion(lambda.AdotLambdaLayerJavaScriptSdkVersion.LATEST),
      execWrapper: lambda.AdotLambdaExecWrapper.REGULAR_HANDLER,
    };
    plain(s, { environment: { BIG: 'x'.repeat(4096 - 3 - 40 + 1) }, adotInstrumentation: adot });
    expect(messages(s, 'LambdaEnvironment')).toEqual([`environment (Environment, keys + values, UTF-8) is 4,097 bytes, allowed is a whole number 0–4,096 bytes, ${ENV_REASON}`]);
  });
});
