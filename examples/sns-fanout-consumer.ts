/**
 * Example: sns-fanout-consumer
 *
 * An SNS fan-out consumer: an encrypted topic delivers `order.created` messages (filter policy) to a
 * BlueprintFunction (SnsToFunction). Failure paths: messages SNS cannot deliver go to the subscription's
 * redrive DLQ; invocations that fail twice more go to an on-failure destination queue. All queues are
 * encrypted and depth-alarmed.
 */
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { AsyncDestination, BlueprintCode, BlueprintFunction, DurableQueue, SnsToFunction } from '../src';

export function buildApp(app: App = new App()): App {
  const stack = new Stack(app, 'SnsFanoutConsumer', { env: { account: '123456789012', region: 'us-east-1' } });
  const key = new kms.Key(stack, 'TopicKey', { enableKeyRotation: true });
  const orders = new sns.Topic(stack, 'Orders', { masterKey: key, enforceSSL: true });
  const failures = new DurableQueue(stack, 'ConsumerFailures', { purpose: 'records of order messages the consumer failed on' });

  const consumer = new BlueprintFunction(stack, 'OrderConsumer', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: BlueprintCode.fromFile(path.join(__dirname, 'handlers', 'sns-consumer.js')),
    asyncInvoke: { retryAttempts: 2, onFailure: AsyncDestination.toQueue(failures.queue) },
  });
  new SnsToFunction(stack, 'OrderCreated', {
    function: consumer,
    topic: orders,
    filterPolicy: { type: sns.SubscriptionFilter.stringFilter({ allowlist: ['order.created'] }) },
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

if (require.main === module) buildApp().synth();
