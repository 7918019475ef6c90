import { CfnParameter, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { BlueprintFunction, FunctionNetwork } from '../../../src';
import { l1Function } from '../l1';
import { both, FN_PROPS, newStack, ofRule, packMode } from '../modes';

const PYTHON = { runtime: lambda.Runtime.PYTHON_3_13, code: lambda.Code.fromInline('def handler(event, context):\n    return 1\n') };
const STREAM = { invokeMode: lambda.InvokeMode.RESPONSE_STREAM };

function messages(stack: Stack, rule: string): string[] {
  return ofRule(packMode(stack), rule).map(r => r.message);
}

describe('LambdaStreamingRuntime', () => {
  const TAIL = 'allowed is a Node.js managed runtime, a custom runtime (provided.*) or a container image, or "BUFFERED", because Lambda streams responses natively only on Node.js managed runtimes; other languages stream through a custom runtime or the Lambda Web Adapter (acknowledge this warning when the function uses the adapter).';
  test('construct mode: a streaming URL on a Python blueprint is warned at the URL', () => {
    const s = newStack();
    new BlueprintFunction(s, 'Fn', { ...FN_PROPS, ...PYTHON }).addFunctionUrl(STREAM);
    expect(both(s, 'LambdaStreamingRuntime')).toEqual([{
      id: 'LambdaBlueprints-LambdaStreamingRuntime',
      severity: 'warning',
      path: 'Test/Fn/Function/FunctionUrl/Resource',
      message: `invokeMode (InvokeMode) is "RESPONSE_STREAM" for Test/Fn/Function/Resource, whose Runtime is "python3.13", ${TAIL}`,
    }]);
  });
  test('pack mode: an L1 URL on an alias of a Java function', () => {
    const s = newStack();
    const fn = l1Function(s, 'Fn', { Runtime: 'java21', Handler: 'a.B::handle', Code: { S3Bucket: 'code-bucket', S3Key: 'app.zip', S3ObjectVersion: '1', ZipFile: undefined } });
    const alias = new lambda.CfnAlias(s, 'Live', { functionName: fn.ref, functionVersion: '1', name: 'live' });
    new lambda.CfnUrl(s, 'Url', { targetFunctionArn: alias.ref, authType: 'AWS_IAM', invokeMode: 'RESPONSE_STREAM' });
    expect(messages(s, 'LambdaStreamingRuntime')).toEqual([`invokeMode (InvokeMode) is "RESPONSE_STREAM" for Test/Fn, whose Runtime is "java21", ${TAIL}`]);
  });
  test('compliant: Node.js, a custom runtime, a container image, and a buffered URL on Python', () => {
    const s = newStack();
    new BlueprintFunction(s, 'Node', FN_PROPS).addFunctionUrl(STREAM);
    new lambda.CfnUrl(s, 'Custom', { targetFunctionArn: l1Function(s, 'Rust', { Runtime: 'provided.al2023', Handler: 'bootstrap' }).attrArn, authType: 'AWS_IAM', invokeMode: 'RESPONSE_STREAM' });
    const image = l1Function(s, 'Image', { PackageType: 'Image', Runtime: undefined, Handler: undefined, Code: { ImageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha256:${'a'.repeat(64)}`, ZipFile: undefined } });
    new lambda.CfnUrl(s, 'ImageUrl', { targetFunctionArn: image.attrArn, authType: 'AWS_IAM', invokeMode: 'RESPONSE_STREAM' });
    new BlueprintFunction(s, 'Buffered', { ...FN_PROPS, ...PYTHON }).addFunctionUrl();
    expect(both(s, 'LambdaStreamingRuntime')).toEqual([]);
  });
  test('tokens are not judged: the invoke mode or the runtime from a parameter', () => {
    const s = newStack();
    new lambda.CfnUrl(s, 'A', { targetFunctionArn: l1Function(s, 'Py', { Runtime: 'python3.13' }).attrArn, authType: 'AWS_IAM', invokeMode: new CfnParameter(s, 'Mode').valueAsString });
    new lambda.CfnUrl(s, 'B', { targetFunctionArn: l1Function(s, 'Any', { Runtime: new CfnParameter(s, 'Runtime').valueAsString }).attrArn, authType: 'AWS_IAM', invokeMode: 'RESPONSE_STREAM' });
    expect(messages(s, 'LambdaStreamingRuntime')).toEqual([]);
  });
});

describe('LambdaStreamingUrlVpc', () => {
  const TAIL = 'allowed is "BUFFERED" for a function in a VPC, or InvokeWithResponseStream through an interface VPC endpoint for Lambda, because Lambda function URLs do not support response streaming for functions in a VPC environment.';
  test('construct mode: a streaming URL on a blueprint placed in a VPC is warned', () => {
    const s = newStack();
    const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 1 });
    new BlueprintFunction(s, 'Fn', { ...FN_PROPS, network: FunctionNetwork.privateEgress(vpc) }).addFunctionUrl(STREAM);
    expect(both(s, 'LambdaStreamingUrlVpc')).toEqual([{
      id: 'LambdaBlueprints-LambdaStreamingUrlVpc',
      severity: 'warning',
      path: 'Test/Fn/Function/FunctionUrl/Resource',
      message: `invokeMode (InvokeMode) is "RESPONSE_STREAM" for Test/Fn/Function/Resource, which is in a VPC (VpcConfig.SubnetIds), ${TAIL}`,
    }]);
  });
  test('pack mode: an L1 function with subnets; a buffered URL and a function outside a VPC are compliant', () => {
    const s = newStack();
    const inVpc = l1Function(s, 'Fn', { VpcConfig: { SubnetIds: ['subnet-1', 'subnet-2'], SecurityGroupIds: ['sg-1'] } });
    new lambda.CfnUrl(s, 'Buffered', { targetFunctionArn: inVpc.attrArn, authType: 'AWS_IAM' });
    new lambda.CfnUrl(s, 'Outside', { targetFunctionArn: l1Function(s, 'Out').attrArn, authType: 'AWS_IAM', invokeMode: 'RESPONSE_STREAM' });
    expect(messages(s, 'LambdaStreamingUrlVpc')).toEqual([]);
    new lambda.CfnUrl(s, 'Stream', { targetFunctionArn: inVpc.attrArn, authType: 'AWS_IAM', invokeMode: 'RESPONSE_STREAM' });
    expect(messages(s, 'LambdaStreamingUrlVpc')).toEqual([`invokeMode (InvokeMode) is "RESPONSE_STREAM" for Test/Fn, which is in a VPC (VpcConfig.SubnetIds), ${TAIL}`]);
  });
  test('subnets from a parameter (a token list) are not judged', () => {
    const s = newStack();
    const subnets = new CfnParameter(s, 'Subnets', { type: 'List<AWS::EC2::Subnet::Id>' }).valueAsList;
    const fn = l1Function(s, 'Fn', { VpcConfig: { SubnetIds: subnets, SecurityGroupIds: ['sg-1'] } });
    new lambda.CfnUrl(s, 'Stream', { targetFunctionArn: fn.attrArn, authType: 'AWS_IAM', invokeMode: 'RESPONSE_STREAM' });
    expect(messages(s, 'LambdaStreamingUrlVpc')).toEqual([]);
  });
});
