import { NagMessageLevel } from 'cdk-nag';
import { CfnEntry, TemplateIndex, isObject, knownString, refId, referencedIds } from '../../template-index';
import { BlueprintRule, COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE } from '../rule';
import { asArray, iamMatch, roleStatements } from './iam';

const BUCKET = 'AWS::S3::Bucket';
const CUSTOM_NOTIFICATIONS = 'Custom::S3BucketNotifications';
const WRITE_ACTION = 's3:PutObject';

/** One Lambda notification of a bucket: the function it invokes and its key filter rules. */
interface LambdaNotification {
  readonly functionArn: unknown;
  readonly filterRules: unknown[];
}

function notifications(e: CfnEntry): { bucketId?: string; items: LambdaNotification[] } {
  const config = e.properties.NotificationConfiguration;
  if (!isObject(config)) return { items: [] };
  if (e.type === BUCKET) {
    return {
      bucketId: e.logicalId,
      items: asArray(config.LambdaConfigurations).filter(isObject).map(c => ({
        functionArn: c.Function,
        filterRules: asArray(isObject(c.Filter) && isObject(c.Filter.S3Key) ? c.Filter.S3Key.Rules : undefined),
      })),
    };
  }
  return {
    bucketId: refId(e.properties.BucketName),
    items: asArray(config.LambdaFunctionConfigurations).filter(isObject).map(c => ({
      functionArn: c.LambdaFunctionArn,
      filterRules: asArray(isObject(c.Filter) && isObject(c.Filter.Key) ? c.Filter.Key.FilterRules : undefined),
    })),
  };
}

/** Whether the function's role may write objects into the bucket (by logical id). */
export function mayWriteTo(index: TemplateIndex, fn: CfnEntry, bucketId: string): boolean {
  const roleId = refId(fn.properties.Role);
  if (roleId === undefined) return false;
  const bucket = index.get(bucketId);
  const name = bucket ? knownString(bucket.properties.BucketName) : undefined;
  return roleStatements(index, roleId).some(st => {
    if (st.Effect !== 'Allow') return false;
    if (!asArray(st.Action).some(a => typeof a === 'string' && iamMatch(a, WRITE_ACTION))) return false;
    return asArray(st.Resource).some(r => {
      const s = knownString(r);
      if (s !== undefined) return s === '*' || (name !== undefined && iamMatch(s, `arn:aws:s3:::${name}/key`));
      return referencedIds(r).has(bucketId);
    });
  });
}

/** An S3 notification to a function that can write to the same bucket separates the keys with a filter. */
export const S3NotificationSelfTrigger: BlueprintRule = {
  name: 'S3NotificationSelfTrigger',
  info: 'The S3 bucket notifies a Lambda function that may write to the same bucket, without a prefix or suffix filter.',
  explanation: 'Every object the function writes triggers it again: an endless, costly loop. Filter the notification by prefix or suffix so the function\'s own output keys cannot match, or write to another bucket.',
  level: NagMessageLevel.ERROR,
  check: (e, index) => {
    if (e.type !== BUCKET && e.type !== CUSTOM_NOTIFICATIONS) return NOT_APPLICABLE;
    const { bucketId, items } = notifications(e);
    if (bucketId === undefined || items.length === 0) return NOT_APPLICABLE;
    const looping = items.some(item => {
      if (item.filterRules.length > 0) return false;
      const fn = index.functionOf(item.functionArn);
      return fn !== undefined && mayWriteTo(index, fn, bucketId);
    });
    return looping ? NON_COMPLIANT : COMPLIANT;
  },
};
