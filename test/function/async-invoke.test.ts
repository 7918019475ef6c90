import { CfnParameter, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AsyncDestination, AsyncDestinationKind, DurableQueue } from '../../src';
import { expectErrors, nagFindings, newStack, synthErrors } from '../helpers';
import { newFunction } from '../invocation/fixtures';

describe('asyncInvoke', () => {
  test('a queue on-failure destination, retries and event age on $LATEST (snapshot)', () => {
    const stack = newStack();
    const failures = new DurableQueue(stack, 'Failures', { purpose: 'failed invocations' });
    newFunction(stack, 'Fn', {
      asyncInvoke: { retryAttempts: 1, maxEventAge: Duration.hours(1), onFailure: AsyncDestination.toQueue(failures.queue) },
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      Qualifier: '$LATEST',
      MaximumRetryAttempts: 1,
      MaximumEventAgeInSeconds: 3600,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^FailuresQueue'), 'Arn'] } } },
    });
    // the function keeps its dead-letter queue as well
    template.hasResourceProperties('AWS::Lambda::Function', { DeadLetterConfig: { TargetArn: Match.anyValue() } });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: Match.arrayWith(['sqs:SendMessage']), Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^FailuresQueue'), 'Arn'] } })]) },
    });
    expect(nagFindings(stack)).toEqual([]);
    expect(template.toJSON()).toMatchSnapshot();
  });

  test('every destination kind binds (topic, function, event bus, bucket)', () => {
    const stack = newStack();
    const other = newFunction(stack, 'Other');
    const topic = new sns.Topic(stack, 'Topic', { enforceSSL: true });
    const bucket = s3.Bucket.fromBucketName(stack, 'Bucket', 'failures-bucket');
    const bus = new events.EventBus(stack, 'Bus');
    const a = newFunction(stack, 'A', { asyncInvoke: { onSuccess: AsyncDestination.toTopic(topic), onFailure: AsyncDestination.toBucket(bucket) } });
    newFunction(stack, 'B', { asyncInvoke: { onSuccess: AsyncDestination.toFunction(other.function), onFailure: AsyncDestination.toEventBus(bus) } });
    newFunction(stack, 'C', { asyncInvoke: { onFailure: AsyncDestination.toEventBus() } });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Lambda::EventInvokeConfig', 3);
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: Match.stringLikeRegexp('^AFunction') },
      DestinationConfig: {
        OnSuccess: { Destination: { Ref: Match.stringLikeRegexp('^Topic') } },
        OnFailure: { Destination: Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith([Match.stringLikeRegexp('failures-bucket')])]) }) },
      },
    });
    expect(AsyncDestination.toBucket(bucket).kind).toBe(AsyncDestinationKind.BUCKET);
    expect(a.node.tryFindChild('AsyncInvokeConfig')).toBeDefined();
    expect(synthErrors(stack)).toEqual([]);
  });

  test('without an on-failure destination, failures stay in the DLQ and the nag finding is acknowledged with that reason', () => {
    const stack = newStack();
    newFunction(stack, 'Fn', { asyncInvoke: { retryAttempts: 0 } });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { MaximumRetryAttempts: 0, DestinationConfig: Match.absent() });
    // Acknowledgements are recorded once in the template's Metadata, with the logical ids they cover.
    const [configId] = Object.keys(template.findResources('AWS::Lambda::EventInvokeConfig'));
    template.templateMatches({
      Metadata: {
        cdk_lambda_blueprints_acknowledgements: Match.arrayWith([
          Match.objectLike({ id: 'Serverless-LambdaAsyncFailureDestination', reason: Match.stringLikeRegexp('dead-letter queue'), resources: Match.arrayWith([configId]) }),
        ]),
      },
    });
    expect(nagFindings(stack)).toEqual([]);
  });

  test('the method configures the same settings as the prop', () => {
    const stack = newStack();
    const fn = newFunction(stack);
    expect(fn.asyncInvokeConfig).toBeUndefined();
    fn.configureAsyncInvoke({ retryAttempts: 2, onFailure: AsyncDestination.toQueue(new sqs.Queue(stack, 'Q')) });
    expect(fn.asyncInvokeConfig?.node.path).toBe('Test/Fn/AsyncInvokeConfig');
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::EventInvokeConfig', { MaximumRetryAttempts: 2 });
  });
});

describe('asyncInvoke validation', () => {
  function withAsync(retryAttempts?: number, maxEventAge?: Duration): Stack {
    const stack = newStack();
    newFunction(stack, 'Fn', { asyncInvoke: { retryAttempts, maxEventAge } });
    return stack;
  }

  test.each([0, 1, 2])('retryAttempts %d is accepted', (n) => {
    expect(synthErrors(withAsync(n))).toEqual([]);
  });

  test.each([-1, 3])('retryAttempts %d is refused', (n) => {
    expectErrors(withAsync(n), new RegExp(`^\\[Test/Fn/AsyncInvokeConfig/Resource\\] LambdaBlueprints-LambdaAsyncInvokeConfig: retryAttempts \\(MaximumRetryAttempts\\) is ${n} retries, allowed is a whole number 0–2 retries, because asynchronous invocations retry at most twice\\.`));
  });

  test('a fractional retryAttempts is refused', () => {
    expectErrors(withAsync(1.5), /^\[Test\/Fn\/AsyncInvokeConfig\/Resource\] LambdaBlueprints-LambdaAsyncInvokeConfig: retryAttempts \(MaximumRetryAttempts\) is 1\.5 retries, allowed is a whole number 0–2 retries/);
  });

  test.each([60, 21_600])('maxEventAge %d s is accepted', (s) => {
    expect(synthErrors(withAsync(undefined, Duration.seconds(s)))).toEqual([]);
  });

  test.each([59, 21_601])('maxEventAge %d s is refused', (s) => {
    expectErrors(withAsync(undefined, Duration.seconds(s)),
      new RegExp(`^\\[Test/Fn/AsyncInvokeConfig/Resource\\] LambdaBlueprints-LambdaAsyncInvokeConfig: maxEventAge \\(MaximumEventAgeInSeconds\\) is ${s.toLocaleString('en-US')} s, allowed is a whole number 60–21,600 s, because Lambda keeps an asynchronous event between 60 s and 6 h\\.`));
  });

  test('tokens are accepted', () => {
    const stack = newStack();
    const retries = new CfnParameter(stack, 'Retries', { type: 'Number' }).valueAsNumber;
    const age = new CfnParameter(stack, 'Age', { type: 'Number' }).valueAsNumber;
    newFunction(stack, 'Fn', { asyncInvoke: { retryAttempts: retries, maxEventAge: Duration.seconds(age) } });
    expect(synthErrors(stack)).toEqual([]);
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::EventInvokeConfig', { MaximumRetryAttempts: { Ref: 'Retries' } });
  });

  test('a FIFO queue or topic as destination is refused', () => {
    const stack = newStack();
    const fifoQueue = new sqs.Queue(stack, 'FifoQueue', { fifo: true });
    const fifoTopic = new sns.Topic(stack, 'FifoTopic', { fifo: true });
    newFunction(stack, 'Fn', { asyncInvoke: { onSuccess: AsyncDestination.toTopic(fifoTopic), onFailure: AsyncDestination.toQueue(fifoQueue) } });
    expectErrors(stack,
      /^\[Test\/Fn\/AsyncInvokeConfig\/Resource\] LambdaBlueprints-LambdaFifoAsyncDestination: DestinationConfig\.OnFailure\.Destination is the FIFO queue or topic Test\/FifoQueue\/Resource, allowed is a standard SQS queue or SNS topic, because Lambda cannot deliver asynchronous results or failures to FIFO queues or topics, so the events would be lost\.$/,
      /^\[Test\/Fn\/AsyncInvokeConfig\/Resource\] LambdaBlueprints-LambdaFifoAsyncDestination: DestinationConfig\.OnSuccess\.Destination is the FIFO queue or topic Test\/FifoTopic\/Resource, allowed is a standard SQS queue or SNS topic/);
  });

  test('an S3 bucket as on-success destination is refused', () => {
    const stack = newStack();
    newFunction(stack, 'Fn', { asyncInvoke: { onSuccess: AsyncDestination.toBucket(s3.Bucket.fromBucketName(stack, 'B', 'bucket-b')) } });
    expectErrors(stack, /^\[Test\/Fn\/AsyncInvokeConfig\] LambdaBlueprints-LambdaAsyncInvokeOptions: asyncInvoke\.onSuccess is the bucket Test\/B, allowed is a queue, topic, function or event bus, because Lambda supports S3 buckets as on-failure destinations only\./);
  });

  test('two asynchronous configurations on one function are refused (prop + method, method twice)', () => {
    const stack = newStack();
    const fn = newFunction(stack, 'Fn', { asyncInvoke: { retryAttempts: 1 } });
    fn.configureAsyncInvoke({ retryAttempts: 0 });
    expectErrors(stack, /^\[Test\/Fn\] LambdaBlueprints-LambdaAsyncInvokeOptions: asyncInvoke is configured twice, allowed is one asynchronous invocation configuration per function/);
    const stack2 = newStack();
    const fn2 = newFunction(stack2);
    fn2.configureAsyncInvoke({});
    fn2.configureAsyncInvoke({});
    expectErrors(stack2, /configured twice/);
  });
});

describe('asyncInvoke on a released function', () => {
  test('the settings apply to the alias callers invoke', () => {
    const stack = newStack();
    const fn = newFunction(stack, 'Fn', { deployment: {}, asyncInvoke: { retryAttempts: 0, onFailure: AsyncDestination.toQueue(new DurableQueue(stack, 'F').queue) } });
    const template = Template.fromStack(stack);
    const alias = fn.invokeTarget as import('aws-cdk-lib/aws-lambda').Alias;
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { Qualifier: alias.aliasName, MaximumRetryAttempts: 0 });
    expect(synthErrors(stack)).toEqual([]);
  });
});
