import { Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as events from 'aws-cdk-lib/aws-events';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { newFunction } from './fixtures';
import {
  AlbToFunction, DynamoStreamSource, BlueprintFunction, BlueprintFunctionProps, BlueprintFunctionUrl, KinesisSource,
  QueueSource, CognitoToFunction, DynamoStreamToFunction, EventBridgeToFunction, KinesisToFunction, LogsSubscriptionToFunction,
  QueueToFunction, RestApiToFunction, S3ToFunction, SnsToFunction,
} from '../../src';
import { newStack } from '../helpers';
import { packMode } from '../rules/modes';

/** Durable for ten minutes: short enough for event source mappings (900 s). */
const DURABLE: Partial<BlueprintFunctionProps> = { durableConfig: { executionTimeout: Duration.minutes(10) }, timeout: Duration.seconds(5) };

/** The findings of the durable rules (LambdaDurable*) of the whole stack. */
function durableFindings(stack: Stack): string[] {
  return packMode(stack).filter(r => r.id.startsWith('LambdaBlueprints-LambdaDurable')).map(r => `${r.id} ${r.path}: ${r.message}`);
}

/** The logical id of the only alias of the stack. */
function aliasId(template: Template): string {
  const ids = Object.keys(template.findResources('AWS::Lambda::Alias'));
  expect(ids).toHaveLength(1);
  return ids[0];
}

/** The given property of every resource of a type. */
function valuesOf(template: Template, type: string, read: (props: any) => unknown): unknown[] {
  return Object.values(template.findResources(type)).map(r => read(r.Properties));
}

/** Every Lambda permission of the template names the alias. */
function expectPermissionsOnAlias(template: Template, alias: string): void {
  const names = valuesOf(template, 'AWS::Lambda::Permission', p => p.FunctionName);
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) expect(name).toEqual({ Ref: alias });
}

/** The only event source mapping invokes `name:qualifier`, built from the alias's or version's ARN. */
function expectMappingOn(template: Template, target: string, qualifier: string): void {
  const names = valuesOf(template, 'AWS::Lambda::EventSourceMapping', p => p.FunctionName);
  expect(names).toHaveLength(1);
  const json = JSON.stringify(names[0]);
  expect(json).toContain(`{"Ref":"${target}"}`);
  expect(json).toContain(`"${qualifier}"`);
}

function durable(stack: Stack, props: Partial<BlueprintFunctionProps> = {}): BlueprintFunction {
  return newFunction(stack, 'Fn', { ...DURABLE, ...props });
}

describe('a durable BlueprintFunction is released through an alias, and every library wiring invokes it', () => {
  test('without deployment it gets the alias live on its current version (no CodeDeploy)', () => {
    const stack = newStack();
    const fn = durable(stack);
    expect(fn.alias?.aliasName).toBe('live');
    expect(fn.invokeTarget).toBe(fn.alias);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Lambda::Alias', 1);
    template.resourceCountIs('AWS::CodeDeploy::DeploymentGroup', 0);
    // A function that is not durable keeps no release.
    expect(newFunction(newStack()).alias).toBeUndefined();
  });

  test('EventBridgeToFunction: the rule targets the alias', () => {
    const stack = newStack();
    new EventBridgeToFunction(stack, 'Nightly', { function: durable(stack), schedule: events.Schedule.cron({ hour: '2', minute: '0' }) });
    const template = Template.fromStack(stack);
    const alias = aliasId(template);
    expect(valuesOf(template, 'AWS::Events::Rule', p => p.Targets[0].Arn)).toEqual([{ Ref: alias }]);
    expectPermissionsOnAlias(template, alias);
    expect(durableFindings(stack)).toEqual([]);
  });

  test('S3ToFunction: the bucket notifies the alias', () => {
    const stack = newStack();
    new S3ToFunction(stack, 'Uploads', { function: durable(stack), bucket: new s3.Bucket(stack, 'Bucket') });
    const template = Template.fromStack(stack);
    const alias = aliasId(template);
    expect(valuesOf(template, 'Custom::S3BucketNotifications', p => p.NotificationConfiguration.LambdaFunctionConfigurations[0].LambdaFunctionArn)).toEqual([{ Ref: alias }]);
    expectPermissionsOnAlias(template, alias);
    expect(durableFindings(stack)).toEqual([]);
  });

  test('SnsToFunction: the subscription endpoint is the alias', () => {
    const stack = newStack();
    new SnsToFunction(stack, 'Orders', { function: durable(stack), topic: new sns.Topic(stack, 'Topic') });
    const template = Template.fromStack(stack);
    const alias = aliasId(template);
    expect(valuesOf(template, 'AWS::SNS::Subscription', p => p.Endpoint)).toEqual([{ Ref: alias }]);
    expectPermissionsOnAlias(template, alias);
    expect(durableFindings(stack)).toEqual([]);
  });

  test('LogsSubscriptionToFunction: the subscription filter delivers to the alias', () => {
    const stack = newStack();
    new LogsSubscriptionToFunction(stack, 'Errors', { function: durable(stack), logGroup: new logs.LogGroup(stack, 'Logs'), filterPattern: logs.FilterPattern.allEvents() });
    const template = Template.fromStack(stack);
    const alias = aliasId(template);
    expect(valuesOf(template, 'AWS::Logs::SubscriptionFilter', p => p.DestinationArn)).toEqual([{ Ref: alias }]);
    expectPermissionsOnAlias(template, alias);
    expect(durableFindings(stack)).toEqual([]);
  });

  test('CognitoToFunction: the user pool calls the alias', () => {
    const stack = newStack();
    new CognitoToFunction(stack, 'SignUp', { function: durable(stack), userPool: new cognito.UserPool(stack, 'Pool'), operation: cognito.UserPoolOperation.PRE_SIGN_UP });
    const template = Template.fromStack(stack);
    const alias = aliasId(template);
    expect(valuesOf(template, 'AWS::Cognito::UserPool', p => p.LambdaConfig.PreSignUp)).toEqual([{ Ref: alias }]);
    expectPermissionsOnAlias(template, alias);
    expect(durableFindings(stack)).toEqual([]);
  });

  test('BlueprintFunctionUrl: the URL has the alias as qualifier', () => {
    const stack = newStack();
    new BlueprintFunctionUrl(stack, 'Url', { function: durable(stack) });
    const template = Template.fromStack(stack);
    expect(valuesOf(template, 'AWS::Lambda::Url', p => p.Qualifier)).toEqual(['live']);
    expect(durableFindings(stack)).toEqual([]);
  });

  test('RestApiToFunction: the integration and its permissions name the alias', () => {
    const stack = newStack();
    new RestApiToFunction(stack, 'Api', { function: durable(stack) });
    const template = Template.fromStack(stack);
    const alias = aliasId(template);
    const uris = JSON.stringify(valuesOf(template, 'AWS::ApiGateway::Method', p => p.Integration?.Uri));
    expect(uris).toContain(`{"Ref":"${alias}"}`);
    expectPermissionsOnAlias(template, alias);
    expect(durableFindings(stack)).toEqual([]);
  });

  test('AlbToFunction: the target group targets the alias', () => {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
    const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:us-east-1:123456789012:certificate/abc');
    new AlbToFunction(stack, 'Web', { function: durable(stack), vpc, certificate, multiValueHeaders: false });
    const template = Template.fromStack(stack);
    const alias = aliasId(template);
    expect(valuesOf(template, 'AWS::ElasticLoadBalancingV2::TargetGroup', p => p.Targets[0].Id)).toEqual([{ Ref: alias }]);
    expectPermissionsOnAlias(template, alias);
    expect(durableFindings(stack)).toEqual([]);
  });

  test.each([
    ['QueueSource', (s: Stack) => new QueueSource(new sqs.Queue(s, 'Queue', { visibilityTimeout: Duration.seconds(30) }))],
    ['KinesisSource', (s: Stack) => new KinesisSource(new kinesis.Stream(s, 'Stream'), { startingPosition: lambda.StartingPosition.LATEST })],
    ['DynamoStreamSource', (s: Stack) => new DynamoStreamSource(new dynamodb.Table(s, 'Table', {
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING }, stream: dynamodb.StreamViewType.NEW_IMAGE,
    }), { startingPosition: lambda.StartingPosition.LATEST })],
  ])('%s: the event source mapping invokes the alias', (_name, source) => {
    const stack = newStack();
    durable(stack).addEventSource(source(stack));
    const template = Template.fromStack(stack);
    expectMappingOn(template, aliasId(template), ':live');
    expect(durableFindings(stack)).toEqual([]);
  });

  test.each([
    ['QueueToFunction', (s: Stack, functionProps: BlueprintFunctionProps) => new QueueToFunction(s, 'Jobs', { functionProps })],
    ['KinesisToFunction', (s: Stack, functionProps: BlueprintFunctionProps) => new KinesisToFunction(s, 'Orders', { functionProps })],
    ['DynamoStreamToFunction', (s: Stack, functionProps: BlueprintFunctionProps) => new DynamoStreamToFunction(s, 'Cdc', { functionProps })],
  ])('%s: the pattern\'s durable function is fed through its alias', (_name, pattern) => {
    const stack = newStack();
    pattern(stack, {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({ batchItemFailures: [] });'),
      ...DURABLE,
    });
    const template = Template.fromStack(stack);
    expectMappingOn(template, aliasId(template), ':live');
    expect(durableFindings(stack)).toEqual([]);
  });
});

describe('a durable lambda.Function of the app is wired through its current version', () => {
  function plain(stack: Stack): lambda.Function {
    return new lambda.Function(stack, 'Plain', {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => 1;'),
      durableConfig: { executionTimeout: Duration.minutes(10) },
      deadLetterQueueEnabled: true,
    });
  }
  function versionId(template: Template): string {
    const ids = Object.keys(template.findResources('AWS::Lambda::Version'));
    expect(ids).toHaveLength(1);
    return ids[0];
  }

  test('EventBridgeToFunction and QueueSource target the version', () => {
    const stack = newStack();
    const fn = plain(stack);
    new EventBridgeToFunction(stack, 'Nightly', { function: fn, schedule: events.Schedule.cron({ hour: '2', minute: '0' }) });
    fn.addEventSource(new QueueSource(new sqs.Queue(stack, 'Queue', { visibilityTimeout: Duration.seconds(30) })));
    const template = Template.fromStack(stack);
    const version = versionId(template);
    expect(valuesOf(template, 'AWS::Events::Rule', p => p.Targets[0].Arn)).toEqual([{ Ref: version }]);
    expect(JSON.stringify(valuesOf(template, 'AWS::Lambda::EventSourceMapping', p => p.FunctionName))).toContain(`{"Fn::GetAtt":["${version}","Version"]}`);
    expect(durableFindings(stack)).toEqual([]);
  });

  test('a function URL takes no version: it stays on the function, and LambdaDurableUnqualified says so', () => {
    const stack = newStack();
    new BlueprintFunctionUrl(stack, 'Url', { function: plain(stack) });
    expect(durableFindings(stack)).toEqual([
      'LambdaBlueprints-LambdaDurableUnqualified Test/Plain/Resource: durableConfig (DurableConfig) is set, but Test/Url/Url/Resource (function URL) invokes the unqualified function ($LATEST), allowed is triggers on a published version or an alias (its qualified ARN), because a durable execution replays the function on every resume, so it must stay on one version of the code: AWS invokes durable functions through a qualified ARN and advises against $LATEST.',
    ]);
  });
});
