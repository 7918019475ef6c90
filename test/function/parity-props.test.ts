import { Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as codeguruprofiler from 'aws-cdk-lib/aws-codeguruprofiler';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { BlueprintFunction, BlueprintFunctionProps, FunctionNetwork } from '../../src';
import { nagFindings, newStack, synthErrors } from '../helpers';

const base: BlueprintFunctionProps = {
  runtime: lambda.Runtime.NODEJS_24_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => 1;'),
};

/** The blueprint's function resource, its stack's errors and the library's warnings. */
function blueprint(props: (stack: Stack) => Partial<BlueprintFunctionProps>) {
  const stack = newStack();
  const fn = new BlueprintFunction(stack, 'Fn', { ...base, ...props(stack) });
  const errors = synthErrors(stack);
  const template = errors.length ? undefined : Template.fromStack(stack);
  const warnings = errors.length ? [] : Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('LambdaBlueprints|cdk-lambda-blueprints'))
    .map(w => `${w.id}: ${w.entry.data}`);
  const resource = template ? (Object.values(template.findResources('AWS::Lambda::Function', { Properties: { Handler: 'index.handler' } }))[0] as any).Properties : undefined;
  return { stack, fn, errors, warnings, template, resource };
}

/** What a plain lambda.Function writes for the same prop. */
function plain(props: (stack: Stack) => Partial<lambda.FunctionProps>): Record<string, any> {
  const stack = newStack();
  new lambda.Function(stack, 'Plain', { ...base, runtime: base.runtime!, ...props(stack) });
  return (Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function'))[0] as any).Properties;
}

describe('production defaults, written into the template', () => {
  test('RecursiveLoop Terminate, RuntimeManagementConfig Auto, JSON logs at INFO into the blueprint\'s log group', () => {
    const { resource, errors, warnings, fn } = blueprint(() => ({}));
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(resource.RecursiveLoop).toBe('Terminate');
    expect(resource.RuntimeManagementConfig).toEqual({ UpdateRuntimeOn: 'Auto' });
    expect(resource.LoggingConfig).toEqual({ LogFormat: 'JSON', ApplicationLogLevel: 'INFO', SystemLogLevel: 'INFO', LogGroup: { Ref: Stack.of(fn).getLogicalId(fn.logGroup.node.defaultChild as logs.CfnLogGroup) } });
  });

  test('no application level on a runtime whose built-in logger does not write JSON (ruby)', () => {
    const { resource, warnings } = blueprint(() => ({ runtime: lambda.Runtime.RUBY_4_0, code: lambda.Code.fromBucket({ bucketName: 'b' } as any, 'k.zip', 'v1') }));
    expect(resource.LoggingConfig).toEqual({ LogFormat: 'JSON', SystemLogLevel: 'INFO', LogGroup: expect.anything() });
    expect(warnings).toEqual([]);
  });

  test('each default is overridable, as a plain lambda.Function writes the same values', () => {
    const given = {
      recursiveLoop: lambda.RecursiveLoop.ALLOW,
      runtimeManagementMode: lambda.RuntimeManagementMode.FUNCTION_UPDATE,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.DEBUG,
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
    };
    const { resource, warnings } = blueprint(() => given);
    const reference = plain(() => given);
    for (const key of ['RecursiveLoop', 'RuntimeManagementConfig']) expect(resource[key]).toEqual(reference[key]);
    expect({ ...resource.LoggingConfig, LogGroup: undefined }).toEqual({ ...reference.LoggingConfig, LogGroup: undefined });
    expect(warnings).toEqual([expect.stringMatching(/recursiveLoop \(RecursiveLoop\) is "Allow".*\[ack: LambdaBlueprints-LambdaRecursiveLoopAllowed\]$/)]);
  });

  test('TEXT logs carry no level; a level with TEXT is reported with what is allowed', () => {
    expect(blueprint(() => ({ loggingFormat: lambda.LoggingFormat.TEXT }))).toMatchObject({ errors: [], resource: { LoggingConfig: { LogFormat: 'Text', LogGroup: expect.anything() } } });
    expect(blueprint(() => ({ loggingFormat: lambda.LoggingFormat.TEXT, systemLogLevelV2: lambda.SystemLogLevel.WARN })).errors).toEqual([
      '[Test/Fn] LambdaBlueprints-LambdaLoggingConfig: systemLogLevelV2 is WARN with loggingFormat Text, allowed is a log level with LoggingFormat.JSON, or no level with TEXT, because Lambda filters logs by level only when they are JSON.',
    ]);
  });
});

describe('props of lambda.Function passed on as aws-cdk-lib writes them', () => {
  test('role: an existing role is used, gets the blueprint\'s statements, and no role of its own is created', () => {
    const { template, resource, errors, fn } = blueprint(stack => ({ role: new iam.Role(stack, 'Mine', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') }) }));
    expect(errors).toEqual([]);
    expect(resource.Role).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Mine/), 'Arn'] });
    template!.resourceCountIs('AWS::IAM::Role', 1);
    expect(fn.role).toBe(fn.grantPrincipal);
    template!.hasResourceProperties('AWS::IAM::Policy', { Roles: [{ Ref: Match.stringLikeRegexp('^Mine') }], PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'] })]) } });
  });

  test('role: an imported role of a triggered function gets the LambdaImportedRole warning', () => {
    const { warnings } = blueprint(stack => ({
      role: iam.Role.fromRoleArn(stack, 'Imported', 'arn:aws:iam::123456789012:role/existing'),
      events: [new SqsEventSource(new sqs.Queue(stack, 'Q', { visibilityTimeout: Duration.seconds(180), enforceSSL: true }))],
    }));
    expect(warnings).toEqual(expect.arrayContaining([expect.stringMatching(/Role is .*imported: its grants are unknown at synth.*\[ack: LambdaBlueprints-LambdaImportedRole\]$/)]));
  });

  test('logGroup: a log group of your own is written as LoggingConfig.LogGroup, none is created; logRetention with it is reported', () => {
    const { template, resource, errors } = blueprint(stack => ({ logGroup: new logs.LogGroup(stack, 'Mine', { retention: logs.RetentionDays.ONE_WEEK }) }));
    expect(errors).toEqual([]);
    expect(resource.LoggingConfig.LogGroup).toEqual({ Ref: expect.stringMatching(/^Mine/) });
    template!.resourceCountIs('AWS::Logs::LogGroup', 1);
    expect(blueprint(stack => ({ logGroup: new logs.LogGroup(stack, 'Mine'), logRetention: logs.RetentionDays.ONE_DAY })).errors).toEqual([
      '[Test/Fn] LambdaBlueprints-LambdaLoggingConfig: logRetention is 1 days with a logGroup of your own, allowed is logRetention without logGroup, or the retention set on your log group, because logRetention applies to the log group the blueprint creates, which logGroup replaces.',
    ]);
  });

  test('tenancyConfig, durableConfig and runtimeManagementMode manual reach the template as with lambda.Function', () => {
    const given = {
      tenancyConfig: lambda.TenancyConfig.PER_TENANT,
      durableConfig: { executionTimeout: Duration.hours(1), retentionPeriod: Duration.days(7) },
      runtimeManagementMode: lambda.RuntimeManagementMode.manual('arn:aws:lambda:us-east-1::runtime:0123456789abcdef'),
    };
    const { resource, errors, warnings, template } = blueprint(() => given);
    const reference = plain(() => given);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    for (const key of ['TenancyConfig', 'DurableConfig', 'RuntimeManagementConfig']) expect(resource[key]).toEqual(reference[key]);
    template!.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Action: ['lambda:CheckpointDurableExecution', 'lambda:GetDurableExecutionState'],
          Effect: 'Allow',
          Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^FnFunction'), 'Arn'] }, ':*']] },
        }],
      },
    });
  });

  test('paramsAndSecrets, insightsVersion, profiling: layers, environment and grants as lambda.Function writes them; nag stays clean', () => {
    const given = (stack: Stack) => ({
      runtime: lambda.Runtime.PYTHON_3_15,
      code: lambda.Code.fromInline('def handler(event, context):\n    return 1\n'),
      paramsAndSecrets: lambda.ParamsAndSecretsLayerVersion.fromVersion(lambda.ParamsAndSecretsVersions.V1_0_103, { cacheSize: 500 }),
      insightsVersion: lambda.LambdaInsightsVersion.VERSION_1_0_498_0,
      profilingGroup: new codeguruprofiler.ProfilingGroup(stack, 'Profiling', { computePlatform: codeguruprofiler.ComputePlatform.AWS_LAMBDA }),
    });
    const { resource, errors, warnings, stack } = blueprint(given);
    const reference = plain(s => ({ ...given(s), architecture: lambda.Architecture.ARM_64 }));
    expect(errors).toEqual([]);
    // The rules stay quiet (the extension's settings are not secrets); the imported layers' sizes are unknown.
    expect(warnings.filter(w => /\[ack: LambdaBlueprints-/.test(w))).toEqual([]);
    expect(resource.Layers).toEqual(reference.Layers);
    for (const [key, value] of Object.entries(reference.Environment.Variables)) {
      if (key.startsWith('AWS_CODEGURU')) expect(resource.Environment.Variables[key]).toBeDefined();
      else expect(resource.Environment.Variables[key]).toEqual(value);
    }
    expect(nagFindings(stack).filter(f => f.includes('/Fn/'))).toEqual([]);
  });

  test('ipv6AllowedForDualStack reaches VpcConfig with network, and is reported without it', () => {
    const { resource, errors } = blueprint(stack => ({ network: FunctionNetwork.privateEgress(new ec2.Vpc(stack, 'Vpc')), ipv6AllowedForDualStack: true }));
    expect(errors).toEqual([]);
    expect(resource.VpcConfig.Ipv6AllowedForDualStack).toBe(true);
    expect(blueprint(() => ({ ipv6AllowedForDualStack: true })).errors).toEqual([
      '[Test/Fn] LambdaBlueprints-LambdaNetworkPlacement: ipv6AllowedForDualStack is true without network, allowed is ipv6AllowedForDualStack with network (FunctionNetwork.privateEgress(vpc) or .isolated(vpc)) in dual-stack subnets, because it lets the function\'s ENIs send IPv6 traffic, and only a function in a VPC has ENIs.',
    ]);
  });

  test('events are bound to the alias once released; currentVersionOptions reach the published version', () => {
    const { template, errors } = blueprint(stack => ({
      deployment: {},
      currentVersionOptions: { description: 'release of the parity test' },
      events: [new SqsEventSource(new sqs.Queue(stack, 'Q', { visibilityTimeout: Duration.seconds(180), enforceSSL: true }))],
    }));
    expect(errors).toEqual([]);
    template!.hasResourceProperties('AWS::Lambda::Version', { Description: 'release of the parity test' });
    const mappings = Object.values(template!.findResources('AWS::Lambda::EventSourceMapping')) as any[];
    expect(mappings).toHaveLength(1);
    expect(JSON.stringify(mappings[0].Properties.FunctionName)).toMatch(/"Ref":"FnReleaseAlias/);
  });

  test('codeSigningConfig is written as with lambda.Function', () => {
    const { resource } = blueprint(stack => ({ codeSigningConfig: lambda.CodeSigningConfig.fromCodeSigningConfigArn(stack, 'Csc', 'arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0123456789abcdef0') }));
    expect(resource.CodeSigningConfigArn).toBe('arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0123456789abcdef0');
  });
});

describe('lambda.Function props the blueprint replaces or refuses (passed from JavaScript or Python)', () => {
  test('each is reported at synth with what to use instead', () => {
    const errors = blueprint(stack => ({ vpc: new ec2.Vpc(stack, 'Vpc'), deadLetterQueueEnabled: true, logFormat: 'JSON' } as any)).errors;
    expect(errors).toEqual([
      '[Test/Fn] LambdaBlueprints-LambdaFunctionPropsRefused: vpc is set (a lambda.Function prop that BlueprintFunction does not take), allowed is network (FunctionNetwork.privateEgress(vpc) / .isolated(vpc)) instead, because private subnets in two AZs or more, endpoints and explicit-egress security groups.',
      '[Test/Fn] LambdaBlueprints-LambdaFunctionPropsRefused: deadLetterQueueEnabled is set (a lambda.Function prop that BlueprintFunction does not take), allowed is deadLetterQueueMode instead, because a DLQ is always on: shared by the stack or one per function.',
      '[Test/Fn] LambdaBlueprints-LambdaFunctionPropsRefused: logFormat is set (a lambda.Function prop that BlueprintFunction does not take), allowed is loggingFormat instead, because deprecated in aws-cdk-lib.',
    ]);
  });
});
