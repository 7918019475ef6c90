import { App, Duration, Stack, Stage } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { BlueprintCodeSigning, BlueprintFunction, BlueprintStandards, BlueprintVpc, DeploymentStrategy, QueueToFunction, StandardDefaults } from '../../src';
import { FN_PROPS } from '../rules/modes';

const ENV = { account: '123456789012', region: 'us-east-1' };

function fnResource(stack: Stack, id: string): Record<string, any> {
  const cfn = (stack.node.findChild(id) as BlueprintFunction).cfn;
  return Template.fromStack(stack).toJSON().Resources[stack.getLogicalId(cfn)];
}

describe('precedence across three nested scopes (app, stage, stack) and a construct', () => {
  const app = new App();
  BlueprintStandards.of(app).apply({ name: 'acme', defaults: { memorySize: 512, timeout: Duration.seconds(60), logRetention: logs.RetentionDays.ONE_WEEK } });
  const stage = new Stage(app, 'Prod', { env: ENV });
  BlueprintStandards.of(stage).apply({ name: 'acme-prod', defaults: { memorySize: 768, tracing: lambda.Tracing.PASS_THROUGH } });
  const stack = new Stack(stage, 'Api');
  BlueprintStandards.of(stack).apply({ name: 'api-team', defaults: { memorySize: 1536 } });
  const team = new Construct(stack, 'Team');
  BlueprintStandards.of(team).apply({ name: 'team', defaults: { memorySize: 256 } });
  new BlueprintFunction(stack, 'Stacked', FN_PROPS);
  new BlueprintFunction(stack, 'Explicit', { ...FN_PROPS, memorySize: 2048, timeout: Duration.seconds(5) });
  new BlueprintFunction(team, 'Nested', FN_PROPS);
  const otherStack = new Stack(stage, 'Other');
  new BlueprintFunction(otherStack, 'StageOnly', FN_PROPS);
  const bare = new Stack(new App(), 'Bare');
  new BlueprintFunction(bare, 'Library', FN_PROPS);

  test('the nearest scope\'s default wins', () => {
    expect(fnResource(stack, 'Stacked').Properties.MemorySize).toBe(1536);
    expect((Template.fromStack(stack).toJSON().Resources[stack.getLogicalId(((team.node.findChild('Nested') as BlueprintFunction).cfn))]).Properties.MemorySize).toBe(256);
    expect(fnResource(otherStack, 'StageOnly').Properties.MemorySize).toBe(768);
  });
  test('defaults a nearer scope does not set come from further out', () => {
    expect(fnResource(stack, 'Stacked').Properties.Timeout).toBe(60);
    expect(fnResource(stack, 'Stacked').Properties.TracingConfig).toEqual({ Mode: 'PassThrough' });
    Template.fromStack(otherStack).hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 7 });
  });
  test('an explicit prop overrides every default', () => {
    expect(fnResource(stack, 'Explicit').Properties.MemorySize).toBe(2048);
    expect(fnResource(stack, 'Explicit').Properties.Timeout).toBe(5);
  });
  test('without standards the library defaults apply', () => {
    const p = fnResource(bare, 'Library').Properties;
    expect([p.MemorySize, p.Timeout, p.Architectures, p.TracingConfig]).toEqual([1024, 30, ['arm64'], { Mode: 'Active' }]);
    expect(fnResource(bare, 'Library').Metadata?.cdk_lambda_blueprints_standards).toBeUndefined();
  });
  test('the function records the standards in force and where each value came from', () => {
    const meta = fnResource(stack, 'Explicit').Metadata.cdk_lambda_blueprints_standards;
    expect(meta.standards).toEqual(['standard "acme" set at the app', 'standard "acme-prod" set at Prod', 'standard "api-team" set at Prod/Api']);
    expect(meta.settings.memorySize).toEqual({ value: '2048 MB', source: 'prop' });
    expect(fnResource(stack, 'Stacked').Metadata.cdk_lambda_blueprints_standards.settings.memorySize).toEqual({ value: '1536 MB', source: 'standard "api-team" set at Prod/Api' });
    expect(fnResource(stack, 'Stacked').Metadata.cdk_lambda_blueprints_standards.settings.architecture).toEqual({ value: 'arm64', source: 'library default' });
  });
  test('effectiveDefaults and inForce answer for any scope', () => {
    expect(BlueprintStandards.of(team).inForce).toEqual(['acme', 'acme-prod', 'api-team', 'team']);
    expect(BlueprintStandards.of(stack).appliedHere).toEqual(['api-team']);
    const d = BlueprintStandards.of(otherStack).effectiveDefaults();
    expect([d.memorySize, d.tracing, d.logRetention]).toEqual([768, lambda.Tracing.PASS_THROUGH, logs.RetentionDays.ONE_WEEK]);
  });
});

describe('several standards on one scope', () => {
  test('the one applied last wins for a default; each keeps the defaults the other does not set', () => {
    const stack = new Stack(new App(), 'S', { env: ENV });
    BlueprintStandards.of(stack).apply({ name: 'base', defaults: { memorySize: 512, timeout: Duration.seconds(10) } });
    BlueprintStandards.of(stack).apply({ name: 'override', defaults: { memorySize: 2048 } });
    new BlueprintFunction(stack, 'Fn', FN_PROPS);
    expect([fnResource(stack, 'Fn').Properties.MemorySize, fnResource(stack, 'Fn').Properties.Timeout]).toEqual([2048, 10]);
    expect(BlueprintStandards.of(stack).appliedHere).toEqual(['base', 'override']);
  });
  test('a construct between the app and its stacks takes standards too', () => {
    const app = new App();
    const group = new Construct(app, 'Group');
    BlueprintStandards.of(group).apply({ name: 'group', defaults: { memorySize: 640 } });
    const stack = new Stack(group, 'S', { env: ENV });
    new BlueprintFunction(stack, 'Fn', FN_PROPS);
    expect(fnResource(stack, 'Fn').Properties.MemorySize).toBe(640);
  });
});

describe('every default reaches the template', () => {
  function withDefaults(defaults: (stack: Stack) => StandardDefaults): { stack: Stack; template: Template } {
    const stack = new Stack(new App(), 'S', { env: ENV });
    const d = defaults(stack);
    BlueprintStandards.of(stack).apply({ name: 'acme', defaults: d });
    new BlueprintFunction(stack, 'Fn', { handler: FN_PROPS.handler, code: FN_PROPS.code, runtime: d.runtime ? undefined : FN_PROPS.runtime });
    return { stack, template: Template.fromStack(stack) };
  }

  test('memory, timeout, architecture, tracing, reserved concurrency', () => {
    const { template } = withDefaults(() => ({
      memorySize: 2048,
      timeout: Duration.minutes(2),
      architecture: lambda.Architecture.X86_64,
      tracing: lambda.Tracing.DISABLED,
      reservedConcurrentExecutions: 5,
    }));
    template.hasResourceProperties('AWS::Lambda::Function', { MemorySize: 2048, Timeout: 120, Architectures: ['x86_64'], ReservedConcurrentExecutions: 5 });
    expect(JSON.stringify(template.findResources('AWS::Lambda::Function'))).not.toContain('TracingConfig');
  });
  test('the runtime, for functions that name none; without a standard a missing runtime is refused', () => {
    const { template } = withDefaults(() => ({ runtime: lambda.Runtime.NODEJS_22_X }));
    template.hasResourceProperties('AWS::Lambda::Function', { Runtime: 'nodejs22.x', Handler: 'index.handler' });
    const stack = new Stack(new App(), 'S', { env: ENV });
    new BlueprintFunction(stack, 'Fn', { handler: 'index.handler', code: FN_PROPS.code });
    expect(() => (stack.node.root as App).synth()).toThrow('[S/Fn] LambdaBlueprints-LambdaHandler: runtime is not set, allowed is a lambda.Runtime, given as a prop or as a BlueprintStandards default, because Lambda runs the handler on the runtime the function names.');
  });
  test('log retention and the log group key', () => {
    const { template } = withDefaults(s => ({ logRetention: logs.RetentionDays.ONE_YEAR, logGroupEncryptionKey: new kms.Key(s, 'LogKey') }));
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365, KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('LogKey'), 'Arn'] } });
  });
  test('the environment key', () => {
    const { template } = withDefaults(s => ({ environmentEncryptionKey: new kms.Key(s, 'EnvKey') }));
    template.hasResourceProperties('AWS::Lambda::Function', { KmsKeyArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('EnvKey'), 'Arn'] } });
  });
  test('the queue key: the dead-letter queue and a pattern\'s source queue', () => {
    const stack = new Stack(new App(), 'S', { env: ENV });
    const key = new kms.Key(stack, 'QueueKey');
    BlueprintStandards.of(stack).apply({ name: 'acme', defaults: { queueEncryptionKey: key } });
    new BlueprintFunction(stack, 'Fn', FN_PROPS);
    new QueueToFunction(stack, 'Worker', { functionProps: FN_PROPS });
    const queues = Object.values(Template.fromStack(stack).findResources('AWS::SQS::Queue'));
    expect(queues.length).toBeGreaterThanOrEqual(3);
    for (const q of queues) expect(q.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(key.node.defaultChild as kms.CfnKey), 'Arn'] });
  });
  test('the alarm topic receives every blueprint alarm', () => {
    const { stack, template } = withDefaults(s => ({ alarmTopic: new sns.Topic(s, 'Alarms') }));
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.length).toBeGreaterThanOrEqual(3);
    const topic = stack.getLogicalId(stack.node.findChild('Alarms').node.defaultChild as sns.CfnTopic);
    for (const a of alarms) expect(a.Properties.AlarmActions).toEqual([{ Ref: topic }]);
  });
  test('tags reach every resource, the nearest scope winning', () => {
    const app = new App();
    BlueprintStandards.of(app).apply({ name: 'acme', defaults: { tags: { 'cost-center': 'platform', 'owner': 'acme' } } });
    const stack = new Stack(app, 'S', { env: ENV });
    BlueprintStandards.of(stack).apply({ name: 'team', defaults: { tags: { owner: 'payments' } } });
    new BlueprintFunction(stack, 'Fn', FN_PROPS);
    const tags = Template.fromStack(stack).findResources('AWS::Lambda::Function');
    expect(Object.values(tags)[0].Properties.Tags).toEqual(expect.arrayContaining([{ Key: 'cost-center', Value: 'platform' }, { Key: 'owner', Value: 'payments' }]));
  });
  test('the permissions boundary', () => {
    const { template } = withDefaults(s => ({ permissionsBoundary: iam.ManagedPolicy.fromManagedPolicyName(s, 'Boundary', 'acme-boundary') }));
    const roles = Object.values(template.findResources('AWS::IAM::Role'));
    expect(roles.length).toBe(1);
    expect(JSON.stringify(roles[0].Properties.PermissionsBoundary)).toContain(':policy/acme-boundary');
  });
  test('the VPC placement', () => {
    const { template } = withDefaults(s => ({ network: new BlueprintVpc(s, 'Net').privateEgress() }));
    template.hasResourceProperties('AWS::Lambda::Function', { VpcConfig: { SubnetIds: Match.anyValue() } });
  });
  test('the deployment strategy: every function released through a CodeDeploy alias (hook functions excepted)', () => {
    const { template } = withDefaults(() => ({ deployment: { strategy: DeploymentStrategy.CANARY_10_PERCENT_5_MINUTES, smokeTest: {} } }));
    template.resourceCountIs('AWS::Lambda::Alias', 1);
    template.hasResourceProperties('AWS::CodeDeploy::DeploymentGroup', { DeploymentConfigName: Match.stringLikeRegexp('Canary10Percent5Minutes') });
  });
  test('code signing: a signing profile and an enforcing code signing configuration', () => {
    const { template } = withDefaults(s => ({ codeSigningConfig: new BlueprintCodeSigning(s, 'Signing').codeSigningConfig }));
    template.hasResourceProperties('AWS::Signer::SigningProfile', { PlatformId: 'AWSLambda-SHA384-ECDSA' });
    template.hasResourceProperties('AWS::Lambda::CodeSigningConfig', { CodeSigningPolicies: { UntrustedArtifactOnDeployment: 'Enforce' } });
    template.hasResourceProperties('AWS::Lambda::Function', { CodeSigningConfigArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('SigningCodeSigningConfig'), 'CodeSigningConfigArn'] } });
  });
  test('code signing that only warns', () => {
    const { template } = withDefaults(s => ({ codeSigningConfig: new BlueprintCodeSigning(s, 'Signing', { untrustedArtifactOnDeployment: lambda.UntrustedArtifactOnDeployment.WARN }).codeSigningConfig }));
    template.hasResourceProperties('AWS::Lambda::CodeSigningConfig', { CodeSigningPolicies: { UntrustedArtifactOnDeployment: 'Warn' } });
  });
});

describe('a standard out of Lambda\'s ranges is refused where it is applied', () => {
  /** The lines of the app's failed synth. */
  const synthErrors = (app: App): string[] => {
    try {
      app.synth();
      return [];
    } catch (e) {
      return (e as Error).message.split('\n').slice(1).map(l => l.trim());
    }
  };
  test('every problem together, at the scope, under BlueprintStandardsProps; the standard is not applied', () => {
    const app = new App();
    expect(() => BlueprintStandards.of(app).apply({ name: 'bad', defaults: { memorySize: 64, timeout: Duration.minutes(20) }, rules: { maxMemorySize: 20_000, allowedRuntimes: [] } }))
      .not.toThrow();
    expect(BlueprintStandards.of(app).appliedHere).toEqual([]);
    new Stack(app, 'Test');
    const by = '(standard "bad" applied at the app)';
    expect(synthErrors(app)).toEqual([
      `[] LambdaBlueprints-BlueprintStandardsProps: defaults.memorySize is 64 MB, allowed is a whole number 128–10,240 MB, because Lambda allocates memory in whole MB from 128 to 10,240 MB (CPU scales with it) ${by}.`,
      `[] LambdaBlueprints-BlueprintStandardsProps: defaults.timeout is 1,200 s, allowed is a whole number 1–900 s, because a Lambda invocation runs at most 900 s (15 minutes); longer work belongs on Fargate or Step Functions ${by}.`,
      `[] LambdaBlueprints-BlueprintStandardsProps: rules.maxMemorySize is 20,000 MB, allowed is a whole number 128–10,240 MB, because Lambda allocates memory in whole MB from 128 to 10,240 MB (CPU scales with it) ${by}.`,
      `[] LambdaBlueprints-BlueprintStandardsProps: rules.allowedRuntimes is [], allowed is at least one entry, because an empty list would refuse every function ${by}.`,
    ]);
  });
  test('a standard without a name', () => {
    const app = new App();
    BlueprintStandards.of(app).apply({ name: ' ' });
    expect(synthErrors(app)).toEqual([
      '[] LambdaBlueprints-BlueprintStandardsProps: name is " ", allowed is a non-empty string, because every message of the standard\'s rules names it (standard " " applied at the app).',
    ]);
  });
});
