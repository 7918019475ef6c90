import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AliasDeployment, BlueprintFunction, DeploymentStrategy, DeploymentStrategyKind } from '../../src';
import { SMOKE_TEST_HANDLER } from '../../src/deployment/smoke-test';
import { nagFindings, newStack } from '../helpers';
import { HANDLER, releasedFunction } from './fixtures';

const canary = { strategy: DeploymentStrategy.CANARY_10_PERCENT_5_MINUTES };

describe('CodeDeploy deployment group', () => {
  test('the alias gets the CodeDeployLambdaAliasUpdate update policy of the group', () => {
    const stack = newStack();
    releasedFunction(stack, { deployment: canary });
    const t = Template.fromStack(stack);
    t.hasResource('AWS::Lambda::Alias', {
      UpdatePolicy: {
        CodeDeployLambdaAliasUpdate: {
          ApplicationName: { Ref: Match.stringLikeRegexp('^BlueprintCodeDeployApplication') },
          DeploymentGroupName: { Ref: Match.stringLikeRegexp('^FnReleaseDeploymentDeploymentGroup') },
        },
      },
    });
    t.hasResourceProperties('AWS::CodeDeploy::DeploymentGroup', {
      DeploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
      AutoRollbackConfiguration: { Enabled: true, Events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_REQUEST', 'DEPLOYMENT_STOP_ON_ALARM'] },
    });
  });

  test('default alarms on the alias Errors and Throttles plus user alarms are wired to the group', () => {
    const stack = newStack();
    const extra = new cloudwatch.Alarm(stack, 'Latency', {
      metric: new cloudwatch.Metric({ namespace: 'AWS/Lambda', metricName: 'Duration' }), threshold: 1000, evaluationPeriods: 1,
    });
    const fn = releasedFunction(stack, { deployment: { ...canary, rollbackAlarms: [extra] } });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      Period: 60,
      Dimensions: Match.arrayWith([{ Name: 'Resource', Value: { 'Fn::Join': ['', [{ Ref: Match.anyValue() }, ':live']] } }]),
    });
    t.hasResourceProperties('AWS::CodeDeploy::DeploymentGroup', {
      AlarmConfiguration: {
        Enabled: true,
        Alarms: [
          { Name: { Ref: Match.stringLikeRegexp('AliasErrorsAlarm') } },
          { Name: { Ref: Match.stringLikeRegexp('AliasThrottlesAlarm') } },
          { Name: { Ref: Match.stringLikeRegexp('^Latency') } },
        ],
      },
    });
    expect(fn.release!.deployment!.errorsAlarm).toBeDefined();
    expect(fn.release!.deployment!.throttlesAlarm).toBeDefined();
  });

  test('alarms added later are wired too', () => {
    const stack = newStack();
    const fn = releasedFunction(stack, { deployment: canary });
    const extra = new cloudwatch.Alarm(stack, 'Latency', {
      metric: new cloudwatch.Metric({ namespace: 'AWS/Lambda', metricName: 'Duration' }), threshold: 1000, evaluationPeriods: 1,
    });
    fn.release!.deployment!.addAlarm(extra);
    const group = Object.values(Template.fromStack(stack).findResources('AWS::CodeDeploy::DeploymentGroup'))[0];
    expect(group.Properties.AlarmConfiguration.Alarms).toHaveLength(3);
  });

  test('rollbackOnAlarm false with no alarms is accepted and rolls back on failure only', () => {
    const stack = newStack();
    releasedFunction(stack, { deployment: { ...canary, alarms: false, rollbackOnAlarm: false } });
    Template.fromStack(stack).hasResourceProperties('AWS::CodeDeploy::DeploymentGroup', {
      AutoRollbackConfiguration: { Enabled: true, Events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_REQUEST'] },
    });
  });

  test('one CodeDeploy application per stack, shared by every released function', () => {
    const stack = newStack();
    releasedFunction(stack, { deployment: canary }, 'A');
    releasedFunction(stack, { deployment: { strategy: DeploymentStrategy.LINEAR_10_PERCENT_EVERY_1_MINUTE } }, 'B');
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::CodeDeploy::Application', 1);
    t.resourceCountIs('AWS::CodeDeploy::DeploymentGroup', 2);
  });

  test.each([
    ['ALL_AT_ONCE', DeploymentStrategy.ALL_AT_ONCE, 'LambdaAllAtOnce'],
    ['CANARY_10_PERCENT_5_MINUTES', DeploymentStrategy.CANARY_10_PERCENT_5_MINUTES, 'LambdaCanary10Percent5Minutes'],
    ['CANARY_10_PERCENT_10_MINUTES', DeploymentStrategy.CANARY_10_PERCENT_10_MINUTES, 'LambdaCanary10Percent10Minutes'],
    ['CANARY_10_PERCENT_15_MINUTES', DeploymentStrategy.CANARY_10_PERCENT_15_MINUTES, 'LambdaCanary10Percent15Minutes'],
    ['CANARY_10_PERCENT_30_MINUTES', DeploymentStrategy.CANARY_10_PERCENT_30_MINUTES, 'LambdaCanary10Percent30Minutes'],
    ['LINEAR_10_PERCENT_EVERY_1_MINUTE', DeploymentStrategy.LINEAR_10_PERCENT_EVERY_1_MINUTE, 'LambdaLinear10PercentEvery1Minute'],
    ['LINEAR_10_PERCENT_EVERY_2_MINUTES', DeploymentStrategy.LINEAR_10_PERCENT_EVERY_2_MINUTES, 'LambdaLinear10PercentEvery2Minutes'],
    ['LINEAR_10_PERCENT_EVERY_3_MINUTES', DeploymentStrategy.LINEAR_10_PERCENT_EVERY_3_MINUTES, 'LambdaLinear10PercentEvery3Minutes'],
    ['LINEAR_10_PERCENT_EVERY_10_MINUTES', DeploymentStrategy.LINEAR_10_PERCENT_EVERY_10_MINUTES, 'LambdaLinear10PercentEvery10Minutes'],
  ])('predefined strategy %s', (_, strategy, config) => {
    const stack = newStack();
    releasedFunction(stack, { deployment: { strategy } });
    Template.fromStack(stack).hasResourceProperties('AWS::CodeDeploy::DeploymentGroup', { DeploymentConfigName: `CodeDeployDefault.${config}` });
    expect(strategy.name).toEqual(config.replace('Lambda', ''));
  });

  test('canary() and linear() with a predefined step are the predefined strategy (no custom configuration)', () => {
    expect(DeploymentStrategy.canary({ percentage: 10, interval: Duration.minutes(5) })).toBe(DeploymentStrategy.CANARY_10_PERCENT_5_MINUTES);
    const tenMinutes = DeploymentStrategy.linear({ percentage: 10, interval: Duration.seconds(600) });
    expect(tenMinutes).toBe(DeploymentStrategy.LINEAR_10_PERCENT_EVERY_10_MINUTES);
    expect(DeploymentStrategy.canary({ percentage: 10, interval: Duration.minutes(1) }).name).toBe('Custom canary 10 % then the rest after 1 minute');
    expect(DeploymentStrategy.linear({ percentage: 10, interval: Duration.minutes(5) }).name).toBe('Custom linear 10 % every 5 minutes');
  });

  test('custom canary and linear strategies create a deployment configuration', () => {
    const stack = newStack();
    const c = DeploymentStrategy.canary({ percentage: 5, interval: Duration.minutes(7) });
    const l = DeploymentStrategy.linear({ percentage: 20, interval: Duration.hours(1) });
    releasedFunction(stack, { deployment: { strategy: c } }, 'A');
    releasedFunction(stack, { deployment: { strategy: l } }, 'B');
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::CodeDeploy::DeploymentConfig', {
      ComputePlatform: 'Lambda',
      TrafficRoutingConfig: { Type: 'TimeBasedCanary', TimeBasedCanary: { CanaryPercentage: 5, CanaryInterval: 7 } },
    });
    t.hasResourceProperties('AWS::CodeDeploy::DeploymentConfig', {
      TrafficRoutingConfig: { Type: 'TimeBasedLinear', TimeBasedLinear: { LinearPercentage: 20, LinearInterval: 60 } },
    });
    expect(c.kind).toEqual(DeploymentStrategyKind.CANARY);
    expect(l.kind).toEqual(DeploymentStrategyKind.LINEAR);
    expect(l.name).toEqual('Custom linear 20 % every 1 hour');
  });

  test('an imported deployment configuration is used as is', () => {
    const stack = newStack();
    const config = codedeploy.LambdaDeploymentConfig.fromLambdaDeploymentConfigName(stack, 'Shared', 'Shared');
    releasedFunction(stack, { deployment: { strategy: DeploymentStrategy.fromDeploymentConfig(config) } });
    Template.fromStack(stack).hasResourceProperties('AWS::CodeDeploy::DeploymentGroup', { DeploymentConfigName: 'Shared' });
  });

  test('a standalone AliasDeployment takes its strategy explicitly (no default that differs from FunctionDeploymentOptions)', () => {
    const stack = newStack();
    const fn = releasedFunction(stack);
    const d = new AliasDeployment(stack, 'Deploy', { alias: fn.alias!, strategy: DeploymentStrategy.LINEAR_10_PERCENT_EVERY_1_MINUTE });
    expect(d.strategy.name).toEqual('Linear10PercentEvery1Minute');
    Template.fromStack(stack).hasResourceProperties('AWS::CodeDeploy::DeploymentGroup', { DeploymentConfigName: 'CodeDeployDefault.LambdaLinear10PercentEvery1Minute' });
    // @ts-expect-error strategy is required
    expect(() => new AliasDeployment(stack, 'NoStrategy', { alias: fn.alias! })).toThrow();
  });
});

describe('hooks', () => {
  function hookFunction(stack: any, id: string): lambda.Function {
    return new lambda.Function(stack, id, { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromInline(HANDLER) });
  }

  test('pre and post hooks get exactly PutLifecycleEventHookExecutionStatus on their group, no naming convention', () => {
    const stack = newStack();
    const pre = hookFunction(stack, 'PreHook');
    const post = hookFunction(stack, 'PostHook');
    releasedFunction(stack, { deployment: { ...canary, preTraffic: pre, postTraffic: post } });
    const t = Template.fromStack(stack);
    t.hasResource('AWS::Lambda::Alias', {
      UpdatePolicy: {
        CodeDeployLambdaAliasUpdate: {
          BeforeAllowTrafficHook: { Ref: Match.stringLikeRegexp('^PreHook') },
          AfterAllowTrafficHook: { Ref: Match.stringLikeRegexp('^PostHook') },
        },
      },
    });
    for (const hook of ['PreHook', 'PostHook']) {
      t.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [{ Ref: Match.stringLikeRegexp(`^${hook}ServiceRole`) }],
        PolicyDocument: {
          Statement: [{
            Action: 'codedeploy:PutLifecycleEventHookExecutionStatus',
            Effect: 'Allow',
            Resource: {
              'Fn::Join': ['', [
                'arn:', { Ref: 'AWS::Partition' }, ':codedeploy:us-east-1:123456789012:deploymentgroup:',
                { Ref: Match.stringLikeRegexp('^BlueprintCodeDeployApplication') }, '/',
                { Ref: Match.stringLikeRegexp('^FnReleaseDeploymentDeploymentGroup') },
              ]],
            },
          }],
        },
      });
    }
  });

  test('the smoke test invokes exactly the version under test and is the pre-traffic hook', () => {
    const stack = newStack();
    const fn = releasedFunction(stack, { deployment: { ...canary, smokeTest: { payload: '{"ping":true}', expectedResponseContains: 'ok' } } });
    const t = Template.fromStack(stack);
    const versionRef = { Ref: Match.stringLikeRegexp('^FnFunctionCurrentVersion') };
    t.hasResourceProperties('AWS::Lambda::Function', {
      Code: { ZipFile: SMOKE_TEST_HANDLER },
      Runtime: 'nodejs24.x',
      Timeout: 90,
      Environment: { Variables: { TARGET_VERSION_ARN: versionRef, SMOKE_TEST_PAYLOAD: '{"ping":true}', SMOKE_TEST_EXPECTED: 'ok' } },
    });
    t.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([{ Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: versionRef }]) },
    });
    t.hasResource('AWS::Lambda::Alias', {
      UpdatePolicy: { CodeDeployLambdaAliasUpdate: { BeforeAllowTrafficHook: { Ref: Match.stringLikeRegexp('SmokeTestHookFunction') } } },
    });
    // The function layer provides the hook: a BlueprintFunction at SmokeTest/Hook, whose Lambda function CodeDeploy runs.
    const smokeTest = fn.release!.deployment!.smokeTest!;
    expect(smokeTest.function).toBe((smokeTest.node.findChild('Hook') as BlueprintFunction).function);
  });

  test('a standalone AliasDeployment\'s smoke test is a BlueprintFunction for a blueprint\'s alias, a plain function otherwise', () => {
    const stack = newStack();
    const fn = releasedFunction(stack, { deployment: {} });
    const ofBlueprint = new AliasDeployment(stack, 'OfBlueprint', { alias: fn.alias!, strategy: canary.strategy, smokeTest: {} });
    expect(ofBlueprint.smokeTest!.function).toBe((ofBlueprint.smokeTest!.node.findChild('Hook') as BlueprintFunction).function);
    const plain = hookFunction(stack, 'Plain');
    const alias = new lambda.Alias(stack, 'PlainAlias', { aliasName: 'live', version: plain.currentVersion });
    const ofPlain = new AliasDeployment(stack, 'OfPlain', { alias, strategy: canary.strategy, smokeTest: {} });
    expect(ofPlain.smokeTest!.function).toBeInstanceOf(lambda.Function);
    expect(ofPlain.smokeTest!.function.node.path).toEqual('Test/OfPlain/SmokeTest/Hook');
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', {
      Code: { ZipFile: SMOKE_TEST_HANDLER },
      Environment: { Variables: { TARGET_VERSION_ARN: { Ref: Match.stringLikeRegexp('^PlainCurrentVersion') }, SMOKE_TEST_PAYLOAD: '{}' } },
    });
  });

  test('the smoke-test handler reports Failed on a function error', async () => {
    const sent: any[] = [];
    const sdk = (result: any) => ({
      LambdaClient: class { send = async () => result; },
      InvokeCommand: class { constructor(public input: any) {} },
      CodeDeployClient: class { send = async (c: any) => { sent.push(c.input); }; },
      PutLifecycleEventHookExecutionStatusCommand: class { constructor(public input: any) {} },
    });
    const run = async (result: any) => {
      const mod: any = { exports: {} };
      const req = () => sdk(result);
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      new Function('require', 'exports', 'module', 'process', 'Buffer', 'console', SMOKE_TEST_HANDLER)(
        req, mod.exports, mod, { env: { TARGET_VERSION_ARN: 'arn:v1', SMOKE_TEST_EXPECTED: 'ok' } }, Buffer, { error: () => undefined });
      return mod.exports.handler({ DeploymentId: 'd-1', LifecycleEventHookExecutionId: 'h-1' });
    };
    expect(await run({ Payload: Buffer.from('"ok"') })).toEqual({ status: 'Succeeded' });
    expect(await run({ FunctionError: 'Unhandled', Payload: Buffer.from('{}') })).toEqual({ status: 'Failed' });
    expect(await run({ Payload: Buffer.from('"nope"') })).toEqual({ status: 'Failed' });
    expect(sent[1]).toEqual({ deploymentId: 'd-1', lifecycleEventHookExecutionId: 'h-1', status: 'Failed' });
  });

  test('zero unacknowledged nag findings with CodeDeploy, hooks and a smoke test', () => {
    const stack = newStack();
    const post = hookFunction(stack, 'PostHook');
    releasedFunction(stack, { deployment: { ...canary, smokeTest: {}, postTraffic: post } });
    expect(nagFindings(stack).filter(f => !f.includes('PostHook/'))).toEqual([]);
  });

  test('snapshot: canary with smoke test', () => {
    const stack = newStack();
    releasedFunction(stack, { deployment: { ...canary, smokeTest: { payload: '{}' } } });
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});
