import { Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { newFunction } from './fixtures';
import { AsyncDestination, DurableQueue, LambdaLimits, LogsSubscriptionToFunction } from '../../src';
import { expectErrors, nagFindings, newStack, synthErrors } from '../helpers';

function newLogGroup(scope: import('constructs').Construct, id = 'AppLogs'): logs.LogGroup {
  return new logs.LogGroup(scope, id, { retention: logs.RetentionDays.ONE_MONTH });
}

describe('LogsSubscriptionToFunction', () => {
  test('a subscription filter with all events by default and a permission scoped to the log group and account (snapshot, cdk-nag clean)', () => {
    const stack = newStack();
    const group = newLogGroup(stack);
    const trigger = new LogsSubscriptionToFunction(stack, 'Errors', { function: newFunction(stack, 'Shipper'), logGroup: group });
    new LogsSubscriptionToFunction(stack, 'Audit', {
      function: newFunction(stack, 'Auditor'),
      logGroup: group,
      filterPattern: logs.FilterPattern.stringValue('$.level', '=', 'ERROR'),
      filterName: 'errors-to-auditor',
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Logs::SubscriptionFilter', {
      LogGroupName: { Ref: Match.stringLikeRegexp('^AppLogs') },
      FilterPattern: '',
      DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ShipperFunction'), 'Arn'] },
    });
    template.hasResourceProperties('AWS::Logs::SubscriptionFilter', { FilterName: 'errors-to-auditor', FilterPattern: '{ $.level = "ERROR" }' });
    template.resourcePropertiesCountIs('AWS::Lambda::Permission', {
      Principal: 'logs.amazonaws.com',
      SourceAccount: '123456789012',
      SourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AppLogs'), 'Arn'] },
    }, 2);
    expect(trigger.subscriptionFilter.node.path).toBe('Test/Errors/SubscriptionFilter');
    // CloudWatch Logs invokes asynchronously: each function gets the AsyncEventsDropped alarm.
    template.resourcePropertiesCountIs('AWS::CloudWatch::Alarm', { MetricName: 'AsyncEventsDropped' }, 2);
    expect(synthErrors(stack)).toEqual([]);
    expect(nagFindings(stack)).toEqual([]);
    expect(template.toJSON()).toMatchSnapshot();
  });

  test('a function subscribed to its own log group is refused (blueprint log group)', () => {
    const stack = newStack();
    const fn = newFunction(stack);
    new LogsSubscriptionToFunction(stack, 'Loop', { function: fn, logGroup: fn.logGroup });
    expectErrors(stack, /^\[Test\/Loop\/SubscriptionFilter\/Resource\] LambdaBlueprints-LogsSubscriptionOwnLogGroup: LogGroupName is \{"Ref":"FnLogGroup[0-9A-F]+"\}, the log group of Test\/Fn\/Function\/Resource \(the filter's destination\), allowed is a log group the destination function does not write its own logs to, because each batch the function handles writes log lines to that log group, which invoke it again: an endless, costly loop\.$/);
  });

  test('a function subscribed to /aws/lambda/<its name> is refused (imported log group)', () => {
    const stack = newStack();
    const fn = newFunction(stack, 'Fn', { functionName: 'orders-shipper' });
    const plain = new lambda.Function(stack, 'Plain', { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => 1;') });
    fn.cfn.loggingConfig = undefined;
    new LogsSubscriptionToFunction(stack, 'ByName', { function: fn, logGroup: logs.LogGroup.fromLogGroupName(stack, 'Own', '/aws/lambda/orders-shipper') });
    new LogsSubscriptionToFunction(stack, 'ByRef', { function: fn, logGroup: logs.LogGroup.fromLogGroupName(stack, 'PlainOwn', `/aws/lambda/${plain.functionName}`) });
    const errors = synthErrors(stack);
    expect(errors.filter(e => /^\[Test\/ByName\/SubscriptionFilter\/Resource\] LambdaBlueprints-LogsSubscriptionOwnLogGroup: LogGroupName is "\/aws\/lambda\/orders-shipper", the log group of Test\/Fn\/Function\/Resource/.test(e))).toHaveLength(1);
    // Another function's log group is no loop.
    expect(errors).toHaveLength(1);
  });

  test('a third subscription filter on one log group is refused (AWS accepts 2)', () => {
    expect(LambdaLimits.MAX_SUBSCRIPTION_FILTERS_PER_LOG_GROUP).toBe(2);
    const stack = newStack();
    const group = newLogGroup(stack);
    for (const id of ['First', 'Second', 'Third']) new LogsSubscriptionToFunction(stack, id, { function: newFunction(stack, `${id}Fn`), logGroup: group });
    expectErrors(stack, /^\[Test\/Third\/SubscriptionFilter\/Resource\] LambdaBlueprints-LogsSubscriptionFilterCount: LogGroupName is \{"Ref":"AppLogs[0-9A-F]+"\}, whose filter number 3 this is \(Test\/First\/SubscriptionFilter\/Resource, Test\/Second\/SubscriptionFilter\/Resource, Test\/Third\/SubscriptionFilter\/Resource\), allowed is at most 2 subscription filters per log group, because CloudWatch Logs accepts at most 2 subscription filters on one log group \(a quota that cannot be raised\) and refuses a third\.$/);
  });

  test('filters on different log groups, and the same log group imported by name, are counted per log group', () => {
    const stack = newStack();
    const a = newLogGroup(stack, 'A');
    const b = newLogGroup(stack, 'B');
    for (const id of ['A1', 'A2', 'B1', 'B2']) new LogsSubscriptionToFunction(stack, id, { function: newFunction(stack, `${id}Fn`), logGroup: id.startsWith('A') ? a : b });
    expect(synthErrors(stack)).toEqual([]);
    const named = newStack();
    for (const id of ['N1', 'N2', 'N3']) {
      new LogsSubscriptionToFunction(named, id, { function: newFunction(named, `${id}Fn`), logGroup: logs.LogGroup.fromLogGroupName(named, `${id}Group`, '/shared/app') });
    }
    expect(synthErrors(named)).toEqual([expect.stringMatching(/^\[Test\/N3\/SubscriptionFilter\/Resource\] LambdaBlueprints-LogsSubscriptionFilterCount: LogGroupName is "\/shared\/app", whose filter number 3/)]);
  });

  test('a function without any failure path is refused; an on-failure destination is one', () => {
    const stack = newStack();
    const fn = newFunction(stack);
    fn.cfn.deadLetterConfig = undefined;
    new LogsSubscriptionToFunction(stack, 'T', { function: fn, logGroup: newLogGroup(stack) });
    expectErrors(stack, /^\[Test\/Fn\/Function\/Resource\] LambdaBlueprints-LambdaAsyncFailurePath: DeadLetterConfig is not set and no on-failure destination, but Test\/T\/.* \(log subscription filter\) invokes it asynchronously/);
    const ok = newStack();
    const withDestination = newFunction(ok, 'Fn', { asyncInvoke: { onFailure: AsyncDestination.toQueue(new DurableQueue(ok, 'F').queue) } });
    withDestination.cfn.deadLetterConfig = undefined;
    new LogsSubscriptionToFunction(ok, 'T', { function: withDestination, logGroup: newLogGroup(ok) });
    expect(synthErrors(ok)).toEqual([]);
  });

  test('two functions feeding each other\'s log groups are an event loop (warning)', () => {
    const stack = newStack();
    const a = newFunction(stack, 'A');
    const b = newFunction(stack, 'B');
    new LogsSubscriptionToFunction(stack, 'AToB', { function: b, logGroup: a.logGroup });
    new LogsSubscriptionToFunction(stack, 'BToA', { function: a, logGroup: b.logGroup });
    expect(synthErrors(stack)).toEqual([]);
    const warnings = stack.node.findAll().flatMap(c => c.node.metadata.filter(m => m.type === 'aws:cdk:warning').map(m => String(m.data)));
    expect(warnings.filter(w => /LambdaEventLoop/.test(w) && /writes its logs/.test(w) && /subscription filter/.test(w))).toHaveLength(1);
  });
});
