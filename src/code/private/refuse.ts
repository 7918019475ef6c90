import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/**
 * Reports a code problem as a synth error on `scope` (CDK prints the construct path in front of it) and
 * returns placeholder code (a versioned S3 object that no rule judges), so that the synth goes on and
 * reports every problem together.
 *
 * @param message one sentence in the form `<property> is <value>, allowed is <allowed>, because <reason>`
 */
export function refuseCode(scope: Construct, message: string): lambda.Code {
  scope.node.addValidation({ validate: () => [`${message}.`] });
  const id = 'UnusableCode';
  const bucket = (scope.node.tryFindChild(id) as s3.IBucket | undefined) ?? s3.Bucket.fromBucketName(scope, id, 'unusable-code');
  return lambda.Code.fromBucket(bucket, 'unusable.zip', 'unusable');
}

/** As `refuseCode`, for image functions: the placeholder is an image (by digest), so that aws-cdk-lib accepts the function. */
export function refuseImage(scope: Construct, message: string): lambda.Code {
  scope.node.addValidation({ validate: () => [`${message}.`] });
  const repository = ecr.Repository.fromRepositoryName(scope, 'UnusableImage', 'unusable-image');
  return lambda.Code.fromEcrImage(repository, { tagOrDigest: `sha256:${'0'.repeat(64)}` });
}
