import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { BlueprintFunction, Powertools } from '../../src';
import { nagFindings, synthErrors } from '../helpers';

// Powertools for AWS Lambda as a typed option (issue 25): the layer of the function's region, runtime and architecture.

function stackIn(region?: string): Stack {
  return new Stack(new App(), 'Test', region ? { env: { account: '123456789012', region } } : undefined);
}

function fnProps(stack: Stack, runtime: lambda.Runtime): { runtime: lambda.Runtime; handler: string; code: lambda.Code } {
  const code = runtime.family === lambda.RuntimeFamily.NODEJS ? lambda.Code.fromInline('exports.handler = async () => 1;')
    : lambda.Code.fromBucket(s3.Bucket.fromBucketName(stack, 'CodeBucket', 'code-bucket'), 'k.zip', 'v1');
  return { runtime, handler: runtime.family === lambda.RuntimeFamily.NODEJS ? 'index.handler' : 'app.handler', code };
}

function layersAndEnv(stack: Stack): { layers: unknown; env: Record<string, unknown> } {
  const fn = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function'))[0] as any;
  return { layers: fn.Properties.Layers, env: fn.Properties.Environment.Variables };
}

test('TypeScript in a known region: the v2 layer (one for both architectures), the service name, nag-clean', () => {
  const stack = stackIn('eu-west-1');
  new BlueprintFunction(stack, 'Orders', { ...fnProps(stack, lambda.Runtime.NODEJS_24_X), powertools: Powertools.typeScript({ serviceName: 'orders' }) });
  expect(synthErrors(stack)).toEqual([]);
  const { layers, env } = layersAndEnv(stack);
  expect(stack.resolve(layers)).toEqual(['arn:aws:lambda:eu-west-1:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:44']);
  expect(env.POWERTOOLS_SERVICE_NAME).toBe('orders');
  expect(nagFindings(stack)).toEqual([]);
});

test('a deploy-time region stays a reference in the ARN; the service name defaults to the construct path', () => {
  const stack = stackIn();
  new BlueprintFunction(stack, 'Orders', { ...fnProps(stack, lambda.Runtime.NODEJS_22_X), powertools: Powertools.typeScript({ version: 40 }) });
  const { layers, env } = layersAndEnv(stack);
  expect(stack.resolve(layers)).toEqual([{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':lambda:', { Ref: 'AWS::Region' }, ':094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:40']] }]);
  expect(env.POWERTOOLS_SERVICE_NAME).toBe('Test/Orders');
});

test.each([
  [lambda.Runtime.PYTHON_3_13, lambda.Architecture.ARM_64, 'AWSLambdaPowertoolsPythonV3-python313-arm64:18'],
  [lambda.Runtime.PYTHON_3_12, lambda.Architecture.X86_64, 'AWSLambdaPowertoolsPythonV3-python312-x86_64:18'],
])('Python: the layer of %s on %s', (runtime, architecture, layer) => {
  const stack = stackIn('us-east-1');
  new BlueprintFunction(stack, 'Fn', { ...fnProps(stack, runtime), architecture, powertools: Powertools.python({ version: 18 }) });
  expect(synthErrors(stack)).toEqual([]);
  expect(stack.resolve(layersAndEnv(stack).layers)).toEqual([`arn:aws:lambda:us-east-1:017000801446:layer:${layer}`]);
});

test.each([
  ['TypeScript on Python', lambda.Runtime.PYTHON_3_13, Powertools.typeScript(),
    'powertools is Powertools.typeScript() on python3.13, allowed is a Node.js runtime, because the TypeScript layer holds Node.js modules.'],
  ['Python on Node.js', lambda.Runtime.NODEJS_24_X, Powertools.python({ version: 18 }),
    'powertools is Powertools.python() on nodejs24.x, allowed is Python 3.9 or later, because AWS publishes the Python v3 layer for Python 3.9 and later only.'],
  ['a fractional version', lambda.Runtime.NODEJS_24_X, Powertools.typeScript({ version: 1.5 }),
    'powertools is Powertools.typeScript({ version: 1.5 }), allowed is a whole layer version from 1, because AWS publishes the layer in numbered versions.'],
])('%s is refused at synth, under LambdaLayers', (_name, runtime, powertools, message) => {
  const stack = stackIn('us-east-1');
  new BlueprintFunction(stack, 'Fn', { ...fnProps(stack, runtime), powertools });
  expect(synthErrors(stack)).toEqual([`[Test/Fn] LambdaBlueprints-LambdaLayers: ${message}`]);
});
