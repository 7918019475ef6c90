import * as path from 'path';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { newFunction } from './fixtures';
import { AlbToFunction, BlueprintFunctionUrl, SampleEvents } from '../../src';
import { expectErrors, nagFindings, newStack, synthErrors } from '../helpers';
import { ofRule, packMode } from '../rules/modes';

function vpcAndCert(stack: import('aws-cdk-lib').Stack) {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1, flowLogs: { all: {} } });
  const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:us-east-1:123456789012:certificate/abc');
  return { vpc, certificate };
}

describe('AlbToFunction', () => {
  test('an internal HTTPS ALB with a Lambda target group and access logs (snapshot)', () => {
    const stack = newStack();
    const { vpc, certificate } = vpcAndCert(stack);
    const alb = new AlbToFunction(stack, 'Web', { function: newFunction(stack), vpc, certificate, multiValueHeaders: true });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      TargetType: 'lambda',
      TargetGroupAttributes: [{ Key: 'lambda.multi_value_headers.enabled', Value: 'true' }],
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443, Protocol: 'HTTPS', SslPolicy: elbSslPolicy(), Certificates: [{ CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' }],
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internal',
      LoadBalancerAttributes: Match.arrayWith([{ Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' }, { Key: 'access_logs.s3.enabled', Value: 'true' }]),
    });
    // Closed to other accounts' load balancers (issue 28, CKV_AWS_364): the target group cannot be the SourceArn (it needs the permission first).
    template.hasResourceProperties('AWS::Lambda::Permission', { Principal: 'elasticloadbalancing.amazonaws.com', SourceAccount: '123456789012' });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [Match.objectLike({ FromPort: 443, CidrIp: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Vpc'), 'CidrBlock'] } })],
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      LoadBalancerAttributes: Match.arrayWith([{ Key: 'access_logs.s3.bucket', Value: { Ref: stack.getLogicalId(alb.accessLogsBucket.node.defaultChild as s3.CfnBucket) } }]),
    });
    expect(nagFindings(stack)).toEqual([]);
    expect(template.toJSON()).toMatchSnapshot();
  });

  test('internet-facing, single-value headers, given bucket and CIDR', () => {
    const stack = newStack();
    const { vpc, certificate } = vpcAndCert(stack);
    const bucket = s3.Bucket.fromBucketName(stack, 'Logs', 'my-alb-logs');
    new AlbToFunction(stack, 'Web', { function: newFunction(stack), vpc, certificate, multiValueHeaders: false, internetFacing: true, accessLogsBucket: bucket, allowedCidr: '203.0.113.0/24' });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { TargetGroupAttributes: [{ Key: 'lambda.multi_value_headers.enabled', Value: 'false' }] });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internet-facing' });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', { SecurityGroupIngress: [Match.objectLike({ CidrIp: '203.0.113.0/24' })] });
    template.resourceCountIs('AWS::S3::Bucket', 0);
  });

  test('internet-facing without a CIDR opens 443 to the internet, acknowledged', () => {
    const stack = newStack();
    const { vpc, certificate } = vpcAndCert(stack);
    new AlbToFunction(stack, 'Web', { function: newFunction(stack), vpc, certificate, multiValueHeaders: false, internetFacing: true });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroup', { SecurityGroupIngress: [Match.objectLike({ CidrIp: '0.0.0.0/0' })] });
    expect(nagFindings(stack)).toEqual([]);
  });
});

function elbSslPolicy(): string {
  return 'ELBSecurityPolicy-TLS13-1-2-2021-06';
}

describe('the example ALB handler on ALB events (SampleEvents.alb)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { handler } = require(path.join(__dirname, '..', '..', 'examples', 'handlers', 'alb-handler.js'));

  test('single-value headers in, headers out', async () => {
    const response = await handler(SampleEvents.alb({ query: { key: 'hello' } }));
    expect(response).toEqual({
      statusCode: 200,
      statusDescription: '200 OK',
      isBase64Encoded: false,
      headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
      body: JSON.stringify({ method: 'GET', path: '/', query: { key: 'hello' }, bodyLength: 0 }),
    });
    expect(response.multiValueHeaders).toBeUndefined();
  });

  test('multi-value headers in, multiValueHeaders out', async () => {
    const response = await handler(SampleEvents.alb({ query: { key: 'hello' }, multiValueHeaders: true }));
    expect(response.statusCode).toBe(200);
    expect(response.statusDescription).toBe('200 OK');
    expect(response.isBase64Encoded).toBe(false);
    expect(response.multiValueHeaders).toEqual({ 'Content-Type': ['application/json'], 'Cache-Control': ['no-store'] });
    expect(response.headers).toBeUndefined();
    expect(JSON.parse(response.body)).toEqual({ method: 'GET', path: '/', query: { key: ['hello'] }, bodyLength: 0 });
  });

  test('a base64 body is decoded; the response has the fields and types ALB documents', async () => {
    const response = await handler(SampleEvents.alb({ method: 'POST', body: 'hello', base64Body: true }));
    expect(JSON.parse(response.body).bodyLength).toBe(5);
    // https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html#respond-to-load-balancer
    const documented = { statusCode: 'number', statusDescription: 'string', headers: 'object', body: 'string', isBase64Encoded: 'boolean' };
    expect(Object.fromEntries(Object.keys(documented).map(k => [k, typeof response[k]]))).toEqual(documented);
  });
});

describe('BlueprintFunctionUrl', () => {
  test('IAM auth by default', () => {
    const stack = newStack();
    const url = new BlueprintFunctionUrl(stack, 'Url', { function: newFunction(stack) });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Url', { AuthType: 'AWS_IAM' });
    expect(stack.resolve(url.url)).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(url.functionUrl.node.defaultChild as lambda.CfnUrl), 'FunctionUrl'] });
    expect(nagFindings(stack)).toEqual([]);
  });

  test('response streaming: the URL streams (InvokeMode RESPONSE_STREAM) on a Node.js function, without a warning', () => {
    const stack = newStack();
    new BlueprintFunctionUrl(stack, 'Url', { function: newFunction(stack), invokeMode: lambda.InvokeMode.RESPONSE_STREAM });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Url', { AuthType: 'AWS_IAM', InvokeMode: 'RESPONSE_STREAM' });
    expect(synthErrors(stack)).toEqual([]);
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('LambdaStreaming'));
    expect(nagFindings(stack)).toEqual([]);
  });

  test('NONE without opt-in is refused', () => {
    const stack = newStack();
    new BlueprintFunctionUrl(stack, 'Url', { function: newFunction(stack), authType: lambda.FunctionUrlAuthType.NONE });
    expectErrors(stack, /^\[Test\/Url\/Url\/Resource\] LambdaBlueprints-LambdaFunctionUrlAuth: authType \(AuthType\) is "NONE", allowed is AWS_IAM, or NONE acknowledged with a reason \(BlueprintFunctionUrl: allowPublicAccess: true\), because a URL without authentication lets anyone on the internet invoke the function\.$/);
  });

  test('NONE with the opt-in is accepted: the rule is acknowledged on the URL with the reason, for both modes', () => {
    const stack = newStack();
    new BlueprintFunctionUrl(stack, 'Url', { function: newFunction(stack), authType: lambda.FunctionUrlAuthType.NONE, allowPublicAccess: true, cors: { allowedOrigins: ['https://example.com'] } });
    expect(synthErrors(stack)).toEqual([]);
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Url', { AuthType: 'NONE', Cors: { AllowOrigins: ['https://example.com'] } });
    const acknowledged = Template.fromStack(stack).toJSON().Metadata.cdk_lambda_blueprints_acknowledgements;
    expect(acknowledged).toContainEqual({
      id: 'LambdaBlueprints-LambdaFunctionUrlAuth',
      reason: expect.stringMatching(/^allowPublicAccess: true: the URL is public by decision/),
      resources: [expect.stringMatching(/^Url/)],
    });
    expect(ofRule(packMode(stack), 'LambdaFunctionUrlAuth')).toEqual([]);
  });
});
