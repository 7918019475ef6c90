import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { accountOf } from './private/push-wiring';
import { invokeTargetOf } from '../function/private/invoke-target';
import { DurableQueue } from '../queue/durable-queue';
import { enforceRules } from '../rules/private/enforce';

/** Options of an SNS trigger. */
export interface SnsToFunctionOptions {
  /**
   * Deliver only messages whose attributes match this filter policy.
   * @default - every message
   * @see https://docs.aws.amazon.com/sns/latest/dg/sns-subscription-filter-policies.html
   */
  readonly filterPolicy?: { [attribute: string]: sns.SubscriptionFilter };

  /**
   * The subscription's redrive DLQ: messages SNS could not deliver to Lambda (deleted function,
   * missing permission, throttling beyond SNS's retries).
   * @default - a new DurableQueue (encrypted, TLS-only, 14 days, depth-alarmed)
   * @see https://docs.aws.amazon.com/sns/latest/dg/sns-dead-letter-queues.html
   */
  readonly deadLetterQueue?: sqs.IQueue;
}

/** Properties of an `SnsToFunction`. */
export interface SnsToFunctionProps extends SnsToFunctionOptions {
  /** The function the topic invokes (through its alias when it has one). */
  readonly function: lambda.IFunction;

  /** The topic. */
  readonly topic: sns.ITopic;
}

/**
 * An SNS subscription that invokes a BlueprintFunction asynchronously, with a redrive DLQ on the
 * subscription (Serverless-SNSRedrivePolicy) and an invoke permission scoped to the topic ARN and account.
 *
 * Two failure paths exist: SNS → Lambda delivery failures land in the subscription's DLQ; failures of the
 * function itself (after Lambda's retries) land in the function's DLQ or on-failure destination.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html
 */
export class SnsToFunction extends Construct {
  /** The subscription. */
  public readonly subscription: sns.Subscription;
  /** The subscription's redrive DLQ. */
  public readonly deadLetterQueue: sqs.IQueue;

  constructor(scope: Construct, id: string, props: SnsToFunctionProps) {
    super(scope, id);
    this.deadLetterQueue = props.deadLetterQueue
      ?? new DurableQueue(this, 'DeadLetterQueue', { purpose: `messages ${props.topic.node.path} could not deliver to the function` }).queue;
    const target = invokeTargetOf(props.function);
    target.addPermission(`Invoke${this.node.addr}`, {
      scope: this,
      principal: new iam.ServicePrincipal('sns.amazonaws.com'),
      sourceArn: props.topic.topicArn,
      sourceAccount: accountOf(props.topic),
    });
    this.subscription = new sns.Subscription(this, 'Subscription', {
      topic: props.topic,
      protocol: sns.SubscriptionProtocol.LAMBDA,
      endpoint: target.functionArn,
      filterPolicy: props.filterPolicy,
      deadLetterQueue: this.deadLetterQueue,
    });
    // The failure path of the function it invokes asynchronously: LambdaAsyncFailurePath.
    enforceRules(this);
  }
}
