import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { EDGE_PROPS, edgeDistribution, edgeStack } from './fixtures';
import { BlueprintEdgeFunction } from '../../src';
import { nagFindings, synthErrors } from '../helpers';
import { packMode } from '../rules/modes';

function viewerAndOrigin(stack: Stack): BlueprintEdgeFunction[] {
  const viewer = new BlueprintEdgeFunction(stack, 'RewriteHeaders', EDGE_PROPS);
  const origin = new BlueprintEdgeFunction(stack, 'SecurityHeaders', {
    ...EDGE_PROPS,
    code: lambda.Code.fromInline('exports.handler = async (e) => e.Records[0].cf.response;'),
    eventType: cloudfront.LambdaEdgeEventType.ORIGIN_RESPONSE,
  });
  return [viewer, origin];
}

describe('an edge distribution', () => {
  test('in us-east-1: a viewer-request and an origin-response function (snapshot), no error, zero cdk-nag findings', () => {
    const stack = edgeStack();
    edgeDistribution(stack, ...viewerAndOrigin(stack));
    expect(synthErrors(stack)).toEqual([]);
    expect(nagFindings(stack)).toEqual([]);
    expect(packMode(stack)).toEqual([]);
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });

  test('in eu-west-1: the functions go to a us-east-1 support stack; the distribution reads their version ARNs across regions', () => {
    const app = new App();
    const stack = new Stack(app, 'Site', { env: { account: '123456789012', region: 'eu-west-1' } });
    const [viewer, origin] = viewerAndOrigin(stack);
    edgeDistribution(stack, viewer, origin);
    const support = app.node.children.filter(Stack.isStack).find(s => s !== stack)!;
    expect(support.region).toBe('us-east-1');
    expect(support.account).toBe('123456789012');
    expect(stack.dependencies).toContain(support);
    expect(Stack.of(viewer.function)).toBe(support);
    expect(Stack.of(viewer.role)).toBe(support);
    const fns = Template.fromStack(support);
    fns.resourceCountIs('AWS::Lambda::Function', 2);
    fns.resourceCountIs('AWS::Lambda::Version', 2);
    fns.resourceCountIs('AWS::SSM::Parameter', 2);
    fns.hasResourceProperties('AWS::Lambda::Function', { Timeout: 30, MemorySize: 1024, Architectures: ['x86_64'] });
    const site = Template.fromStack(stack);
    site.resourceCountIs('AWS::Lambda::Function', 1); // aws-cdk-lib's cross-region SSM reader
    site.resourceCountIs('Custom::CrossRegionStringParameterReader', 2);
    for (const s of [stack, support]) {
      expect(synthErrors(s)).toEqual([]);
      expect(nagFindings(s)).toEqual([]);
      expect(packMode(s)).toEqual([]);
    }
  });

  test('in eu-west-1: the rules run over the support stack for the blueprint function', () => {
    const app = new App();
    const stack = new Stack(app, 'Site', { env: { account: '123456789012', region: 'eu-west-1' } });
    const fn = new BlueprintEdgeFunction(stack, 'Viewer', { ...EDGE_PROPS, memorySize: 512 });
    edgeDistribution(stack, fn);
    const support = Stack.of(fn.function);
    expect(() => app.synth()).toThrow(new RegExp(`\\[${support.node.path}/\\w+/Resource\\] LambdaBlueprints-LambdaEdgeViewerLimits: memorySize \\(MemorySize\\) is 512 MB \\(a Lambda@Edge "viewer-request" trigger\\), allowed is at most 128 MB`));
  });

  test('an explicit support stack id is used and shared', () => {
    const app = new App();
    const stack = new Stack(app, 'Site', { env: { account: '123456789012', region: 'eu-west-1' } });
    const a = new BlueprintEdgeFunction(stack, 'A', { ...EDGE_PROPS, stackId: 'EdgeFunctions' });
    const b = new BlueprintEdgeFunction(stack, 'B', { ...EDGE_PROPS, stackId: 'EdgeFunctions' });
    expect(Stack.of(a.function).stackName).toBe('EdgeFunctions');
    expect(Stack.of(b.function)).toBe(Stack.of(a.function));
  });
});
