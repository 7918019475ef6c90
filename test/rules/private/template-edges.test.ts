import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { refOf, TemplateModel } from '../../../src/report/private/template-model';
import { eventGraph } from '../../../src/rules/private/event-graph';
import { declaredEdges } from '../../../src/rules/private/template-edges';
import { refIdWithin, TemplateIndex } from '../../../src/rules/private/template-index';

/** A function subscribed to a topic, and a queue subscribed to it too (a path the report does not show). */
function stack(): Stack {
  const s = new Stack(new App(), 'Test');
  const fn = new lambda.Function(s, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('x') });
  const topic = new sns.Topic(s, 'Events');
  topic.addSubscription(new subscriptions.LambdaSubscription(fn));
  topic.addSubscription(new subscriptions.SqsSubscription(new sqs.Queue(s, 'Copy')));
  return s;
}

describe('one reader of the event paths for the rules, the report and the dashboard', () => {
  test('a path both read is one declared edge with the words of each; the report shows the labelled ones, the loop search follows the others too', () => {
    const index = TemplateIndex.build(stack());
    const id = (type: string) => index.ofType(type)[0].logicalId;
    const [fn, topic, queue] = [id('AWS::Lambda::Function'), id('AWS::SNS::Topic'), id('AWS::SQS::Queue')];
    expect(declaredEdges(index)).toEqual([
      { from: topic, to: fn, kind: 'event', label: 'subscription (async)', hop: 'subscription' },
      { from: topic, to: queue, kind: 'event', hop: 'subscription' },
    ]);
    expect(new TemplateModel(index).edges).toEqual([{ from: topic, to: fn, kind: 'event', label: 'subscription (async)' }]);
    expect(eventGraph(index).get(topic)).toEqual([
      { from: topic, to: fn, kind: 'event', label: 'subscription' },
      { from: topic, to: queue, kind: 'event', label: 'subscription' },
    ]);
  });

  test('the report reads references with the rules\' reader', () => {
    expect(refOf).toBe(refIdWithin);
    expect(refIdWithin({ 'Fn::Select': [0, { 'Fn::Split': [':', { 'Fn::Join': ['', ['arn:', { Ref: 'Alias' }]] }] }] })).toBe('Alias');
    expect(refIdWithin(['not', 'an', 'object'])).toBeUndefined();
  });
});
