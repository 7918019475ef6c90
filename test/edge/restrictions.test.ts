import { App, Stack } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { EDGE_PROPS, edgeDistribution, edgeStack } from './fixtures';
import { BlueprintEdgeFunction } from '../../src';
import { expectErrors } from '../helpers';
import { ofRule, packMode } from '../rules/modes';

/** A blueprint edge function behind a distribution, its L1 function changed through the escape hatch. */
function hatched(stack: Stack, change: (fn: BlueprintEdgeFunction, cfn: lambda.CfnFunction) => void): BlueprintEdgeFunction {
  const fn = new BlueprintEdgeFunction(stack, 'Edge', EDGE_PROPS);
  edgeDistribution(stack, fn);
  change(fn, fn.function.node.defaultChild as lambda.CfnFunction);
  return fn;
}

const AT = /^\[Test\/Edge\/Edge\/Fn\/Resource\] /;

describe('what Lambda@Edge does not support, set through escape hatches, fails the synth', () => {
  test('environment variables', () => {
    const stack = edgeStack();
    hatched(stack, (_, cfn) => cfn.addPropertyOverride('Environment.Variables.STAGE', 'prod'));
    expectErrors(stack, new RegExp(`${AT.source}LambdaBlueprints-LambdaEdgeEnvironment: environment \\(Environment.Variables\\) is "STAGE" \\(a Lambda@Edge "viewer-request" trigger\\), allowed is no variables .*, because Lambda@Edge does not support environment variables other than those Lambda reserves\\.$`));
  });

  test('layers', () => {
    const stack = edgeStack();
    hatched(stack, (_, cfn) => cfn.addPropertyOverride('Layers', ['arn:aws:lambda:us-east-1:123456789012:layer:deps:1']));
    expectErrors(stack, /LambdaBlueprints-LambdaEdgeLayers: layers \(Layers\) is \["arn:aws:lambda:us-east-1:123456789012:layer:deps:1"\] \(a Lambda@Edge "viewer-request" trigger\), allowed is no layers .*, because Lambda@Edge does not support functions with layers\.$/);
  });

  test('VPC placement', () => {
    const stack = edgeStack();
    hatched(stack, (_, cfn) => cfn.addPropertyOverride('VpcConfig', { SubnetIds: ['subnet-1', 'subnet-2'], SecurityGroupIds: ['sg-1'] }));
    expectErrors(stack, /LambdaBlueprints-LambdaEdgeVpc: VpcConfig is .*"subnet-1".* \(a Lambda@Edge "viewer-request" trigger\), allowed is no VpcConfig, because Lambda@Edge runs the function at CloudFront edge locations and does not support access to resources inside a VPC\.$/);
  });

  test('more than 512 MB of ephemeral storage', () => {
    const stack = edgeStack();
    hatched(stack, (_, cfn) => cfn.addPropertyOverride('EphemeralStorage.Size', 1024));
    expectErrors(stack, /LambdaBlueprints-LambdaEdgeEphemeralStorage: ephemeralStorageSize \(EphemeralStorage.Size\) is 1,024 MB \(a Lambda@Edge "viewer-request" trigger\), allowed is a whole number 512–512 MB, because Lambda@Edge does not support functions configured with more than 512 MB of ephemeral storage\.$/);
  });

  test('arm64', () => {
    const stack = edgeStack();
    hatched(stack, (_, cfn) => cfn.addPropertyOverride('Architectures', ['arm64']));
    expectErrors(stack, /LambdaBlueprints-LambdaEdgeArchitecture: architecture \(Architectures\) is \["arm64"\] \(a Lambda@Edge "viewer-request" trigger\), allowed is \["x86_64"\] \(or unset\), because Lambda@Edge does not support functions that use the arm64 architecture\.$/);
  });

  test('a container image', () => {
    const stack = edgeStack();
    hatched(stack, (_, cfn) => {
      cfn.addPropertyOverride('PackageType', 'Image');
      cfn.addPropertyOverride('Code', { ImageUri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/edge@sha256:' + 'a'.repeat(64) });
      cfn.addPropertyDeletionOverride('Runtime');
      cfn.addPropertyDeletionOverride('Handler');
    });
    expect(ofRule(packMode(stack), 'LambdaEdgeRuntime').map(f => f.message)).toEqual([
      'PackageType is "Image" (a Lambda@Edge "viewer-request" trigger), allowed is "Zip", because Lambda@Edge does not support functions defined as container images.',
    ]);
  });

  test('a runtime management configuration other than Auto', () => {
    const stack = edgeStack();
    hatched(stack, (_, cfn) => cfn.addPropertyOverride('RuntimeManagementConfig', { UpdateRuntimeOn: 'FunctionUpdate' }));
    expectErrors(stack, /LambdaBlueprints-LambdaEdgeRuntime: runtimeManagementMode \(RuntimeManagementConfig.UpdateRuntimeOn\) is "FunctionUpdate" \(a Lambda@Edge "viewer-request" trigger\), allowed is "Auto" \(or unset\), because Lambda@Edge does not support runtime management configurations other than Auto\.$/);
  });

  test('provisioned concurrency on an alias of the function', () => {
    const stack = edgeStack();
    hatched(stack, (fn) => new lambda.Alias(stack, 'Live', { aliasName: 'live', version: fn.function.currentVersion, provisionedConcurrentExecutions: 1 }));
    expectErrors(stack, /^\[Test\/Live\/Resource\] LambdaBlueprints-LambdaEdgeProvisionedConcurrency: provisionedConcurrentExecutions \(ProvisionedConcurrencyConfig\) is \{"ProvisionedConcurrentExecutions":1\} \(on Test\/Edge\/Edge\/Fn\/Resource, a Lambda@Edge "viewer-request" trigger\), allowed is no provisioned concurrency, because Lambda@Edge does not support provisioned concurrency/);
  });

  test('a role edgelambda.amazonaws.com may not assume', () => {
    const stack = edgeStack();
    hatched(stack, (fn) => (fn.role.node.defaultChild as any).addPropertyOverride('AssumeRolePolicyDocument.Statement', [
      { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } },
    ]));
    expectErrors(stack, /LambdaBlueprints-LambdaEdgeRole: Role is Test\/Edge\/ServiceRole\/Resource \(trusts "lambda.amazonaws.com"; missing "edgelambda.amazonaws.com"\), allowed is a role that "lambda.amazonaws.com" and "edgelambda.amazonaws.com" may assume, because CloudFront assumes the execution role through edgelambda.amazonaws.com/);
  });

  test.each([
    ['$LATEST', (cfn: lambda.CfnFunction) => ({ 'Fn::Join': ['', [cfn.getAtt('Arn'), ':$LATEST']] }), '$LATEST'],
    ['the unqualified function ARN', (cfn: lambda.CfnFunction) => cfn.getAtt('Arn'), 'the unqualified function'],
    ['an alias', (cfn: lambda.CfnFunction) => ({ 'Fn::Join': ['', [cfn.getAtt('Arn'), ':live']] }), 'an alias'],
  ])('an association naming %s instead of a numbered version', (_, arn, named) => {
    const stack = edgeStack();
    let distribution: cloudfront.Distribution | undefined;
    const fn = new BlueprintEdgeFunction(stack, 'Edge', EDGE_PROPS);
    distribution = edgeDistribution(stack, fn);
    const cfn = fn.function.node.defaultChild as lambda.CfnFunction;
    (distribution.node.defaultChild as cloudfront.CfnDistribution)
      .addPropertyOverride('DistributionConfig.DefaultCacheBehavior.LambdaFunctionAssociations.0.LambdaFunctionARN', arn(cfn));
    const errors = expectErrors;
    errors(stack, new RegExp(`^\\[Test/Distribution/Resource\\] LambdaBlueprints-LambdaEdgeVersion: DistributionConfig.DefaultCacheBehavior.LambdaFunctionAssociations\\[0\\].LambdaFunctionARN is .* \\(${named.replace('$', '\\$')}\\), allowed is the ARN of a numbered version \\(e.g. fn.currentVersion\\), because CloudFront replicates a published, immutable version`));
  });

  test('a plain cloudfront.experimental.EdgeFunction of another region: its us-east-1 function is checked too', () => {
    const app = new App();
    const stack = new Stack(app, 'Site', { env: { account: '123456789012', region: 'eu-west-1' } });
    const fn = new cloudfront.experimental.EdgeFunction(stack, 'Plain', { ...EDGE_PROPS, architecture: lambda.Architecture.ARM_64 });
    expect(ofRule(packMode(Stack.of(fn.lambda)), 'LambdaEdgeArchitecture').map(f => f.message)).toEqual([
      'architecture (Architectures) is ["arm64"] (a Lambda@Edge CloudFront trigger), allowed is ["x86_64"] (or unset), because Lambda@Edge does not support functions that use the arm64 architecture.',
    ]);
  });

  test('a plain function of a stack outside us-east-1 triggered by a distribution of that stack', () => {
    const stack = new Stack(new App(), 'Test', { env: { account: '123456789012', region: 'eu-west-1' } });
    const fn = new lambda.Function(stack, 'Fn', { ...EDGE_PROPS, architecture: lambda.Architecture.X86_64 });
    new cloudfront.CfnDistribution(stack, 'Dist', {
      distributionConfig: {
        enabled: true,
        origins: [{ id: 'o', domainName: 'example.com', customOriginConfig: { originProtocolPolicy: 'https-only' } }],
        defaultCacheBehavior: { targetOriginId: 'o', viewerProtocolPolicy: 'redirect-to-https', lambdaFunctionAssociations: [{ eventType: 'origin-request', lambdaFunctionArn: fn.currentVersion.functionArn }] },
      },
    });
    expect(ofRule(packMode(stack), 'LambdaEdgeRegion').map(f => f.message)).toEqual([
      'stack region is "eu-west-1" (the function is a Lambda@Edge "origin-request" trigger), allowed is "us-east-1" (cloudfront.experimental.EdgeFunction or BlueprintEdgeFunction create it there from any stack), because Lambda@Edge functions are created in US East (N. Virginia), from where CloudFront replicates them.',
    ]);
  });
});
