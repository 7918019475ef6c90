import { FUNCTION, Rule, Severity, show } from '../private/rule';
import { isObject, knownString } from '../private/template-index';

/** What CDK names asset objects: a content hash, so a new package is a new key. */
const ASSET_KEY = /^[0-9a-f]{64}\.(zip|jar)$/;

/** Code from a plain S3 key carries an object version, so that CloudFormation sees a new package. */
export const LambdaBucketCodeVersion: Rule = {
  id: 'LambdaBucketCodeVersion',
  severity: Severity.WARNING,
  summary: 'Code from an S3 key that is not a content-hashed asset names an object version.',
  types: [FUNCTION],
  check: e => {
    const code = e.properties.Code;
    if (!isObject(code) || code.S3Key === undefined || code.S3ObjectVersion !== undefined) return [];
    const key = knownString(code.S3Key);
    if (key === undefined || ASSET_KEY.test(key)) return [];
    return [{ property: 'Code.S3ObjectVersion', value: `not set for key ${show(key)}`, allowed: 'the object version (Code.fromBucket(bucket, key, version))', reason: 'CloudFormation does not update the function when a new object is uploaded under the same key' }];
  },
};
