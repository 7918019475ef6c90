import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { BlueprintFunction } from '../../src';
import { newStack, synthErrors } from '../helpers';

function withSnapStart(stack: Stack, runtime: lambda.Runtime, handler: string): void {
  const bucket = s3.Bucket.fromBucketName(stack, 'Code', 'my-code-bucket');
  new BlueprintFunction(stack, 'Fn', {
    runtime,
    handler,
    code: lambda.Code.fromBucket(bucket, 'app.zip', '3HL4kqtJlcpXroDTDmJ'),
    snapStart: lambda.SnapStartConf.ON_PUBLISHED_VERSIONS,
  });
}

describe('BlueprintFunction snapStart', () => {
  test('on java21 the function snapshots its published versions', () => {
    const stack = newStack();
    withSnapStart(stack, lambda.Runtime.JAVA_21, 'com.example.Handler::handleRequest');
    expect(synthErrors(stack)).toEqual([]);
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', { SnapStart: { ApplyOn: 'PublishedVersions' } });
  });

  test('a runtime without SnapStart is refused at synth, not thrown', () => {
    const stack = newStack();
    withSnapStart(stack, lambda.Runtime.NODEJS_24_X, 'index.handler');
    expect(synthErrors(stack)).toEqual([
      '[Test/Fn] LambdaBlueprints-LambdaSnapStartRuntime: snapStart is set on runtime "nodejs24.x", allowed is a runtime with SnapStart (Java 11+, Python 3.12+, .NET 8+), because Lambda refuses SnapStart on other runtimes.',
    ]);
  });
});
