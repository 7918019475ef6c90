import * as crypto from 'crypto';
import { Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { EDGE_PROPS, edgeDistribution, edgeStack } from './fixtures';
import { BlueprintEdgeFunction, BlueprintEdgeFunctionProps } from '../../src';
import { expectErrors, nagFindings, synthErrors } from '../helpers';
import { packageDir } from '../rules/packages';

function edge(stack: Stack, props: Partial<BlueprintEdgeFunctionProps> = {}, id = 'Edge'): BlueprintEdgeFunction {
  const fn = new BlueprintEdgeFunction(stack, id, { ...EDGE_PROPS, ...props });
  edgeDistribution(stack, fn);
  return fn;
}

const FN = 'Test/Edge/Edge/Fn/Resource';

describe('BlueprintEdgeFunction (stack in us-east-1)', () => {
  test('defaults: x86_64, 128 MB, 5 s, JSON logs, a version, a role lambda and edgelambda may assume; zero cdk-nag findings', () => {
    const stack = edgeStack();
    const fn = edge(stack);
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::Function', { Architectures: ['x86_64'], MemorySize: 128, Timeout: 5, LoggingConfig: { LogFormat: 'JSON' } });
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'edgelambda.amazonaws.com' } })]) },
    });
    t.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({
          LambdaFunctionAssociations: [{ EventType: 'viewer-request', LambdaFunctionARN: { Ref: Match.stringLikeRegexp('CurrentVersion') } }],
        }),
      }),
    });
    expect(Object.keys(t.findResources('AWS::Lambda::Function', { Properties: { Environment: Match.anyValue() } }))).toEqual([]);
    expect(fn.edgeLambda().functionVersion).toBe(fn.currentVersion);
    expect(synthErrors(stack)).toEqual([]);
    expect(nagFindings(stack)).toEqual([]);
  });

  test('origin events default to 1,024 MB and 30 s', () => {
    const stack = edgeStack();
    edge(stack, { eventType: cloudfront.LambdaEdgeEventType.ORIGIN_RESPONSE });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', { MemorySize: 1024, Timeout: 30 });
    expect(synthErrors(stack)).toEqual([]);
  });

  test('a viewer function with more than 128 MB and 5 s fails the synth, each with property, value, allowed and why', () => {
    const stack = edgeStack();
    edge(stack, { memorySize: 256, timeout: Duration.seconds(10) });
    expectErrors(stack,
      new RegExp(`^\\[${FN}\\] LambdaBlueprints-LambdaEdgeViewerLimits: memorySize \\(MemorySize\\) is 256 MB \\(a Lambda@Edge "viewer-request" trigger\\), allowed is at most 128 MB, because a function triggered by viewer request or viewer response events gets at most 128 MB of memory\\.$`),
      new RegExp(`^\\[${FN}\\] LambdaBlueprints-LambdaEdgeViewerLimits: timeout \\(Timeout\\) is 10 s \\(a Lambda@Edge "viewer-request" trigger\\), allowed is at most 5 s, because a function triggered by viewer request or viewer response events runs at most 5 s\\.$`));
  });

  test('a viewer-response function is held to the viewer limits too', () => {
    const stack = edgeStack();
    edge(stack, { eventType: cloudfront.LambdaEdgeEventType.VIEWER_RESPONSE, timeout: Duration.seconds(6) });
    expectErrors(stack, /LambdaEdgeViewerLimits: timeout \(Timeout\) is 6 s \(a Lambda@Edge "viewer-response" trigger\), allowed is at most 5 s/);
  });

  test('an origin function with a timeout above 30 s fails the synth', () => {
    const stack = edgeStack();
    edge(stack, { eventType: cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST, timeout: Duration.seconds(31) });
    expectErrors(stack, /\] LambdaBlueprints-LambdaEdgeOriginTimeout: timeout \(Timeout\) is 31 s \(a Lambda@Edge "origin-request" trigger\), allowed is at most 30 s, because a function triggered by origin request or origin response events runs at most 30 s\.$/);
  });

  test('an origin function may have 10,240 MB', () => {
    const stack = edgeStack();
    edge(stack, { eventType: cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST, memorySize: 10_240 });
    expect(synthErrors(stack)).toEqual([]);
  });

  test('includeBody on a response event is refused at synth (not an aws-cdk-lib exception)', () => {
    const stack = edgeStack();
    const fn = edge(stack, { eventType: cloudfront.LambdaEdgeEventType.ORIGIN_RESPONSE, includeBody: true });
    expect(fn.edgeLambda().includeBody).toBeUndefined();
    expectErrors(stack, /^\[Test\/Edge\] LambdaBlueprints-LambdaEdgeIncludeBody: includeBody is true with eventType "origin-response", allowed is includeBody with "viewer-request" or "origin-request" only, because only request events carry a request body/);
  });

  test('includeBody on a request event reaches the association', () => {
    const stack = edgeStack();
    edge(stack, { includeBody: true });
    Template.fromStack(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({ LambdaFunctionAssociations: [Match.objectLike({ IncludeBody: true })] }),
      }),
    });
    expect(synthErrors(stack)).toEqual([]);
  });

  test('a runtime other than Node.js or Python fails the synth', () => {
    const stack = edgeStack();
    edge(stack, { runtime: lambda.Runtime.RUBY_3_4, handler: 'index.handler', code: lambda.Code.fromAsset(packageDir({ 'index.rb': 'def handler(event:, context:) = event' })) });
    expectErrors(stack, /\] LambdaBlueprints-LambdaEdgeRuntime: runtime \(Runtime\) is "ruby3.4" \(a Lambda@Edge "viewer-request" trigger\), allowed is a Node.js or Python runtime \(nodejs\*, python\*\), because Lambda@Edge supports the Node.js and Python runtimes only\.$/);
  });

  test('a viewer package above 1 MB compressed fails the synth', () => {
    const stack = edgeStack();
    const code = lambda.Code.fromAsset(packageDir({ 'index.js': 'exports.handler = async (e) => e.Records[0].cf.request;', 'table.bin': crypto.randomBytes(1_100_000) }));
    edge(stack, { code });
    expectErrors(stack, /\] LambdaBlueprints-LambdaEdgePackageSize: Code is about 1,1\d\d,\d\d\d bytes compressed .*allowed is at most 1,048,576 bytes \(1 MB\), because the compressed package of a Lambda@Edge function triggered by viewer events/);
  });

  test('environment variables, layers and VPC placement are no props at all', () => {
    const stack = edgeStack();
    // @ts-expect-error Lambda@Edge supports no environment variables
    new BlueprintEdgeFunction(stack, 'Env', { ...EDGE_PROPS, environment: { STAGE: 'prod' } });
    // @ts-expect-error Lambda@Edge supports no layers
    new BlueprintEdgeFunction(stack, 'Layers', { ...EDGE_PROPS, layers: [] });
    // @ts-expect-error Lambda@Edge supports no VPC
    new BlueprintEdgeFunction(stack, 'Vpc', { ...EDGE_PROPS, vpc: undefined });
    // @ts-expect-error Lambda@Edge runs on x86_64 only
    new BlueprintEdgeFunction(stack, 'Arm', { ...EDGE_PROPS, architecture: lambda.Architecture.ARM_64 });
    expect(Template.fromStack(stack).findResources('AWS::Lambda::Function', { Properties: { Environment: Match.anyValue() } })).toEqual({});
  });
});
