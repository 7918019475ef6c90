import { Duration, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { BlueprintFunction, S3ToFunction, SnsToFunction } from '../../../src';
import { l1Function } from '../l1';
import { both, FN_PROPS, newStack, ofRule, packMode } from '../modes';

const PER_TENANT = { TenantIsolationMode: 'PER_TENANT' };
const TRIGGER_TAIL = 'allowed is invocations that carry a tenant ID (API Gateway, or a function that invokes it with TenantId), because a function in tenant isolation mode refuses every invocation without a tenant ID, and these services send none.';

/** A blueprint in tenant isolation mode (set through the escape hatch: BlueprintFunction has no tenancy prop). */
function tenantBlueprint(stack: Stack): BlueprintFunction {
  const fn = new BlueprintFunction(stack, 'Fn', FN_PROPS);
  fn.cfn.addPropertyOverride('TenancyConfig', PER_TENANT);
  return fn;
}

/** A plain L2 function in tenant isolation mode. */
function plainTenant(stack: Stack): lambda.Function {
  return new lambda.Function(stack, 'Plain', { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromInline('x'), tenancyConfig: lambda.TenancyConfig.PER_TENANT });
}

function messages(stack: Stack, rule: string): string[] {
  return ofRule(packMode(stack), rule).map(r => r.message);
}

describe('LambdaTenantIsolation', () => {
  test('construct mode: an S3 trigger and an SNS trigger of a tenant-isolated blueprint are refused together', () => {
    const s = newStack();
    const fn = tenantBlueprint(s);
    new S3ToFunction(s, 'OnUpload', { function: fn, bucket: new s3.Bucket(s, 'Data'), prefix: 'in/' });
    new SnsToFunction(s, 'OnEvent', { function: fn, topic: new sns.Topic(s, 'Events', { enforceSSL: true }) });
    expect(both(s, 'LambdaTenantIsolation')).toEqual([{
      id: 'LambdaBlueprints-LambdaTenantIsolation',
      severity: 'error',
      path: 'Test/Fn/Function/Resource',
      message: `tenancyConfig (TenancyConfig.TenantIsolationMode) is "PER_TENANT", invoked by Test/Data/Notifications/Resource (S3 notification), Test/OnEvent/Subscription/Resource (SNS subscription), ${TRIGGER_TAIL}`,
    }]);
  });
  test('pack mode: what aws-cdk-lib lets through (notification, subscription, rule target, L1 mapping)', () => {
    const s = newStack();
    const fn = plainTenant(s);
    new s3.Bucket(s, 'Data').addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(fn));
    new sns.Topic(s, 'Topic').addSubscription(new subscriptions.LambdaSubscription(fn));
    new events.Rule(s, 'Hourly', { schedule: events.Schedule.rate(Duration.hours(1)), targets: [new targets.LambdaFunction(fn)] });
    new lambda.CfnEventSourceMapping(s, 'Mapping', { functionName: fn.functionName, eventSourceArn: new sqs.Queue(s, 'Queue').queueArn });
    expect(messages(s, 'LambdaTenantIsolation')).toEqual([
      `tenancyConfig (TenancyConfig.TenantIsolationMode) is "PER_TENANT", invoked by Test/Mapping (event source mapping), Test/Data/Notifications/Resource (S3 notification), Test/Plain/Topic/Resource (SNS subscription), Test/Hourly/Resource (EventBridge rule target), ${TRIGGER_TAIL}`,
    ]);
  });
  test('pack mode: provisioned concurrency on an L1 alias and SnapStart on the function', () => {
    const s = newStack();
    const fn = l1Function(s, 'Fn', { TenancyConfig: PER_TENANT, Runtime: 'python3.13', SnapStart: { ApplyOn: 'PublishedVersions' } });
    new lambda.CfnAlias(s, 'Live', { functionName: fn.ref, functionVersion: '1', name: 'live', provisionedConcurrencyConfig: { provisionedConcurrentExecutions: 2 } });
    expect(messages(s, 'LambdaTenantIsolation')).toEqual([
      'tenancyConfig (TenancyConfig.TenantIsolationMode) is "PER_TENANT", with provisioned concurrency on Test/Live, allowed is no provisioned concurrency on a function in tenant isolation mode, because Lambda does not support provisioned concurrency in tenant isolation mode.',
      'tenancyConfig (TenancyConfig.TenantIsolationMode) is "PER_TENANT", with SnapStart.ApplyOn "PublishedVersions", allowed is no SnapStart on a function in tenant isolation mode, because Lambda does not support SnapStart in tenant isolation mode.',
    ]);
  });
  test('compliant: API Gateway (a permission only), and the same triggers on a function without tenant isolation', () => {
    const s = newStack();
    const tenant = plainTenant(s);
    new lambda.CfnPermission(s, 'Api', { action: 'lambda:InvokeFunction', functionName: tenant.functionArn, principal: 'apigateway.amazonaws.com' });
    const other = new BlueprintFunction(s, 'Fn', FN_PROPS);
    new S3ToFunction(s, 'OnUpload', { function: other, bucket: new s3.Bucket(s, 'Data'), prefix: 'in/' });
    expect(both(s, 'LambdaTenantIsolation')).toEqual([]);
    expect(messages(s, 'LambdaTenantIsolation')).toEqual([]);
  });
});
