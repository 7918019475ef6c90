import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { LambdaCodePackage } from '../../rules/inputs';
import { reportInput } from '../../rules/private/enforce';
import { Finding } from '../../rules/private/rule';

/**
 * Reports a code problem under the rule LambdaCodePackage at `scope` and returns placeholder code (a
 * versioned S3 object that no rule judges), so that the synth goes on and reports every problem together.
 */
export function refuseCode(scope: Construct, finding: Finding): lambda.Code {
  reportInput(scope, LambdaCodePackage, finding);
  return placeholderCode(scope);
}

/** Code that stands in for a package that cannot be used (reported elsewhere): a versioned S3 object no rule judges. */
export function placeholderCode(scope: Construct): lambda.Code {
  const id = 'UnusableCode';
  const bucket = (scope.node.tryFindChild(id) as s3.IBucket | undefined) ?? s3.Bucket.fromBucketName(scope, id, 'unusable-code');
  return lambda.Code.fromBucket(bucket, 'unusable.zip', 'unusable');
}

/** As `refuseCode`, for image functions: the placeholder is an image (by digest), so that aws-cdk-lib accepts the function. */
export function refuseImage(scope: Construct, finding: Finding): lambda.Code {
  reportInput(scope, LambdaCodePackage, finding);
  const repository = ecr.Repository.fromRepositoryName(scope, 'UnusableImage', 'unusable-image');
  return lambda.Code.fromEcrImage(repository, { tagOrDigest: `sha256:${'0'.repeat(64)}` });
}
