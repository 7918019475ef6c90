import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import { Construct, IConstruct } from 'constructs';
import { requireFailurePath } from './common';
import { invokeTargetOf } from '../../function/invoke-target';
import { NagAcknowledgements } from '../../nag/acknowledge';
import { isToken, Problems, validateAtSynth, warn } from '../../validation/problems';

/**
 * Options of an S3 trigger.
 *
 * S3 invokes the function asynchronously, once per object event. Filter by prefix and/or suffix; when the
 * function writes to the same bucket, declare where (`writesToPrefix` / `writesToSuffix`) so that what it
 * writes can never trigger it again.
 */
export interface S3TriggerOptions {
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

  /**
   * The key prefix under which the function writes to this bucket, when it does. Must not overlap
   * `prefix` (neither may start with the other).
   * @default - the function does not write to the bucket (checked against its role at synth)
   */
  readonly writesToPrefix?: string;

  /**
   * The key suffix of what the function writes to this bucket, when it does. Must differ from `suffix`
   * (neither may end with the other).
   * @default - the function does not write to the bucket (checked against its role at synth)
   */
  readonly writesToSuffix?: string;
}

/** Properties of an `S3Trigger`. */
export interface S3TriggerProps extends S3TriggerOptions {
  /** The function S3 invokes (through its alias when it has one). */
  readonly function: lambda.IFunction;

  /** The bucket whose object events invoke the function. */
  readonly bucket: s3.IBucket;
}

const WRITE_ACTION = /^(\*|s3:\*|s3:Put\*|s3:PutObject\*?|s3:PutObject)$/;

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
export class S3Trigger extends Construct {
  /** The events that invoke the function. */
  public readonly events: s3.EventType[];

  constructor(scope: Construct, id: string, props: S3TriggerProps) {
    super(scope, id);
    this.events = props.events ?? [s3.EventType.OBJECT_CREATED];
    const filter: s3.NotificationKeyFilter = { prefix: props.prefix, suffix: props.suffix };
    const destination = new s3n.LambdaDestination(invokeTargetOf(props.function));
    for (const event of this.events) {
      if (props.prefix !== undefined || props.suffix !== undefined) props.bucket.addEventNotification(event, destination, filter);
      else props.bucket.addEventNotification(event, destination);
    }
    acknowledgeNotificationHandler(this);
    this.warnWithoutVersioning(props.bucket);
    validateAtSynth(this, p => {
      requireFailurePath(p, props.function, 'S3');
      checkSelfTrigger(p, props);
    });
  }

  private warnWithoutVersioning(bucket: s3.IBucket): void {
    const cfn = bucket.node.defaultChild;
    const status = cfn instanceof s3.CfnBucket ? Stack.of(this).resolve(cfn.versioningConfiguration)?.status : undefined;
    if (status !== 'Enabled') {
      warn(this, 'S3TriggerVersioning', `bucket ${bucket.node.path} has no versioning (or it is not known here): enable it so that every write is one object version and one event, and overwrites are not lost.`);
    }
  }
}

function checkSelfTrigger(p: Problems, props: S3TriggerProps): void {
  const role = props.function.role;
  if (!role || !mayWrite(role, props.bucket)) return;
  const separatedByPrefix = disjoint(props.prefix, props.writesToPrefix, (a, b) => a.startsWith(b));
  const separatedBySuffix = disjoint(props.suffix, props.writesToSuffix, (a, b) => a.endsWith(b));
  p.when(!separatedByPrefix && !separatedBySuffix, 'bucket', `${props.bucket.node.path} (which the function may write to)`,
    'filters that separate what the function writes (writesToPrefix / writesToSuffix) from what triggers it (prefix / suffix, neither starting or ending with the other)',
    'each object the function writes would trigger it again, in an endless loop');
}

/** Both given, known and neither contains the other at the compared end. */
function disjoint(trigger: string | undefined, written: string | undefined, covers: (a: string, b: string) => boolean): boolean {
  if (trigger === undefined || written === undefined) return false;
  if (isToken(trigger) || isToken(written)) return true;
  return trigger !== '' && written !== '' && !covers(trigger, written) && !covers(written, trigger);
}

/** Whether a statement of the role's policies allows writing objects to the bucket. */
function mayWrite(role: iam.IRole, bucket: s3.IBucket): boolean {
  const stack = Stack.of(role);
  const arn = JSON.stringify(stack.resolve(bucket.bucketArn));
  const name = stack.resolve(bucket.bucketName);
  const roleRef = JSON.stringify(stack.resolve((role.node.defaultChild as iam.CfnRole | undefined)?.ref ?? role.roleName));
  const documents: unknown[] = [];
  for (const c of stack.node.findAll()) {
    if (c instanceof iam.CfnPolicy && JSON.stringify(stack.resolve(c.roles) ?? []).includes(roleRef)) documents.push(stack.resolve(c.policyDocument));
  }
  const cfnRole = role.node.defaultChild;
  if (cfnRole instanceof iam.CfnRole) {
    for (const inline of (stack.resolve(cfnRole.policies) ?? []) as Array<{ policyDocument: unknown }>) documents.push(inline.policyDocument);
  }
  for (const doc of documents as Array<{ Statement?: any[] }>) {
    for (const st of doc.Statement ?? []) {
      if (st.Effect !== 'Allow') continue;
      const actions: string[] = [st.Action].flat();
      if (!actions.some(a => typeof a === 'string' && WRITE_ACTION.test(a))) continue;
      for (const resource of [st.Resource].flat()) {
        const text = JSON.stringify(resource);
        if (resource === '*' || text.includes(arn) || (typeof name === 'string' && text.includes(`:::${name}`))) return true;
      }
    }
  }
  return false;
}

/** The bucket notifications custom resource handler (one per stack) gets acknowledgements it cannot avoid. */
function acknowledgeNotificationHandler(scope: IConstruct): void {
  const stack = Stack.of(scope);
  for (const child of stack.node.children) {
    if (!child.node.id.startsWith('BucketNotificationsHandler')) continue;
    const reason = 'aws-cdk-lib\'s own BucketNotificationsHandler: a singleton custom resource that only runs at deployment to call s3:PutBucketNotificationConfiguration; its code, runtime, role and settings are not configurable.';
    for (const rule of ['AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', 'AwsSolutions-IAM5[Resource::*]', 'AwsSolutions-L1',
      'Serverless-LambdaDLQ', 'Serverless-LambdaTracing', 'Serverless-LambdaDefaultMemorySize', 'Serverless-LambdaLatestVersion', 'Serverless-LambdaAsyncFailureDestination']) {
      NagAcknowledgements.add(child, rule, reason);
    }
  }
}
