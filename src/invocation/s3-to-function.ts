import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import { Construct, IConstruct } from 'constructs';
import { invokeTargetOf } from '../function/private/invoke-target';
import { NagAcknowledgements } from '../nag/acknowledge';
import { claimForRules, reportInput } from '../rules/private/enforce';
import { S3NotificationFilter } from '../rules/s3/notification-filter';

/**
 * Options of an S3 trigger.
 *
 * S3 invokes the function asynchronously, once per object event. Filter by prefix and/or suffix; when the
 * function may write to the same bucket (by its role's real `s3:PutObject` grants), the filter must keep
 * what it writes from triggering it again (rule S3NotificationSelfTrigger).
 */
export interface S3ToFunctionOptions {
  /**
   * The object events that invoke the function.
   * @default [EventType.OBJECT_CREATED]
   * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-event-types-and-destinations.html
   */
  readonly events?: s3.EventType[];

  /**
   * Only keys starting with this prefix invoke the function (e.g. `incoming/`).
   * @default - every key
   */
  readonly prefix?: string;

  /**
   * Only keys ending with this suffix invoke the function (e.g. `.csv`).
   * @default - every key
   */
  readonly suffix?: string;
}

/** Properties of an `S3ToFunction`. */
export interface S3ToFunctionProps extends S3ToFunctionOptions {
  /** The function S3 invokes (through its alias when it has one). */
  readonly function: lambda.IFunction;

  /** The bucket whose object events invoke the function. */
  readonly bucket: s3.IBucket;
}


/**
 * S3 object notifications that invoke a BlueprintFunction asynchronously.
 *
 * The invoke permission is scoped to the bucket ARN and the bucket's account. A trigger on a bucket the
 * function may write to (an `s3:PutObject*` statement of its role on that bucket) is refused at synth
 * unless the filters separate what it writes from what triggers it (otherwise every write triggers the
 * function again, forever). A bucket without versioning gets a warning: with versioning, every write is
 * one object version and one event.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-s3.html
 */
export class S3ToFunction extends Construct {
  /** The events that invoke the function. */
  public readonly events: s3.EventType[];

  constructor(scope: Construct, id: string, props: S3ToFunctionProps) {
    super(scope, id);
    this.events = props.events ?? [s3.EventType.OBJECT_CREATED];
    // An empty prefix or suffix makes aws-cdk-lib throw: it is reported with the other problems instead.
    const prefix = props.prefix === '' ? undefined : props.prefix;
    const suffix = props.suffix === '' ? undefined : props.suffix;
    for (const [prop, value] of [['prefix', props.prefix], ['suffix', props.suffix]] as const) {
      if (value === '') reportInput(this, S3NotificationFilter, { property: prop, value: '""', allowed: 'a non-empty key prefix or suffix, or none (every key)', reason: 'S3 refuses an empty filter rule value' });
    }
    const filter: s3.NotificationKeyFilter = { prefix, suffix };
    const destination = new s3n.LambdaDestination(invokeTargetOf(props.function));
    for (const event of this.events) {
      if (prefix !== undefined || suffix !== undefined) props.bucket.addEventNotification(event, destination, filter);
      else props.bucket.addEventNotification(event, destination);
    }
    // The self-trigger and overlap checks read the role's real grants and every notification of the bucket, which
    // this trigger wires even on a bucket and function that are not blueprints.
    claimForRules(this, props.bucket.node.tryFindChild('Notifications')?.node.defaultChild);
    acknowledgeNotificationHandler(this);
  }
}

/** The bucket notifications custom resource handler (one per stack) gets acknowledgements it cannot avoid. */
function acknowledgeNotificationHandler(scope: IConstruct): void {
  const stack = Stack.of(scope);
  for (const child of stack.node.children) {
    if (!child.node.id.startsWith('BucketNotificationsHandler')) continue;
    const reason = 'aws-cdk-lib\'s own BucketNotificationsHandler: a singleton custom resource that only runs at deployment to call s3:PutBucketNotificationConfiguration; its code, runtime, role and settings are not configurable.';
    for (const rule of ['AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', 'AwsSolutions-IAM5[Resource::*]', 'AwsSolutions-L1',
      'Serverless-LambdaDLQ', 'Serverless-LambdaTracing', 'Serverless-LambdaDefaultMemorySize', 'Serverless-LambdaLatestVersion', 'Serverless-LambdaAsyncFailureDestination',
      'LambdaBlueprints-LambdaRuntimeNotNewest']) {
      NagAcknowledgements.add(child, rule, reason);
    }
  }
}
