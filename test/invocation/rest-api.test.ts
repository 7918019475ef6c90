import { CfnParameter } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { newFunction } from './fixtures';
import { ApiAuthorization, ApiAuthorizationKind, RestApiToFunction } from '../../src';
import { expectErrors, nagFindings, newStack, synthErrors } from '../helpers';

describe('RestApiToFunction', () => {
  test('response streaming: the proxy integration streams (STREAM) through Lambda\'s response-streaming API', () => {
    const stack = newStack();
    new RestApiToFunction(stack, 'Api', { function: newFunction(stack), responseTransferMode: apigw.ResponseTransferMode.STREAM });
    const methods = Object.values(Template.fromStack(stack).findResources('AWS::ApiGateway::Method')).map((m: any) => m.Properties.Integration);
    expect(methods).toHaveLength(2);
    for (const integration of methods) {
      expect(integration.ResponseTransferMode).toBe('STREAM');
      expect(JSON.stringify(integration.Uri)).toContain('response-streaming-invocations');
    }
    expect(synthErrors(stack)).toEqual([]);
  });

  test('defaults pass cdk-nag: IAM auth, validator, JSON access logs, tracing, throttling, WAF (snapshot)', () => {
    const stack = newStack();
    const api = new RestApiToFunction(stack, 'Api', { function: newFunction(stack) });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'prod',
      TracingEnabled: true,
      AccessLogSetting: { DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiAccessLogs'), 'Arn'] }, Format: Match.stringLikeRegexp('^\\{"requestId"') },
      MethodSettings: [Match.objectLike({ HttpMethod: '*', ResourcePath: '/*', LoggingLevel: 'INFO', ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 })],
    });
    template.resourcePropertiesCountIs('AWS::ApiGateway::Method', { AuthorizationType: 'AWS_IAM', RequestValidatorId: Match.anyValue() }, 2);
    template.hasResourceProperties('AWS::ApiGateway::RequestValidator', { ValidateRequestBody: true, ValidateRequestParameters: true });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Principal: 'apigateway.amazonaws.com',
      SourceArn: { 'Fn::Join': ['', Match.arrayWith([':execute-api:us-east-1:123456789012:', { Ref: Match.stringLikeRegexp('^Api[0-9A-F]{8}$') }])] },
    });
    template.hasResourceProperties('AWS::WAFv2::WebACL', { Scope: 'REGIONAL' });
    template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
    expect(api.webAcl?.node.path).toBe('Test/Api/WebAcl');
    expect(api.url).toBe(api.api.url);
    expect(nagFindings(stack)).toEqual([]);
    expect(template.toJSON()).toMatchSnapshot();
  });

  test('Cognito authorization, an existing web ACL and custom throttling', () => {
    const stack = newStack();
    const pool = cognito.UserPool.fromUserPoolId(stack, 'Pool', 'us-east-1_abc');
    const auth = ApiAuthorization.cognito([pool]);
    expect(auth.kind).toBe(ApiAuthorizationKind.COGNITO);
    const api = new RestApiToFunction(stack, 'Api', {
      function: newFunction(stack),
      authorization: auth,
      webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/x/1',
      throttlingRateLimit: 10.5,
      throttlingBurstLimit: 20,
      stageName: 'v1',
    });
    const template = Template.fromStack(stack);
    template.resourcePropertiesCountIs('AWS::ApiGateway::Method', { AuthorizationType: 'COGNITO_USER_POOLS' }, 2);
    template.resourceCountIs('AWS::ApiGateway::Authorizer', 1);
    template.resourceCountIs('AWS::WAFv2::WebACL', 0);
    template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', { WebACLArn: 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/x/1' });
    template.hasResourceProperties('AWS::ApiGateway::Stage', { StageName: 'v1', MethodSettings: [Match.objectLike({ ThrottlingRateLimit: 10.5, ThrottlingBurstLimit: 20 })] });
    expect(api.webAcl).toBeUndefined();
    expect(nagFindings(stack)).toEqual([]);
  });

  test.each([[0, 0], [1_000_000, 1_000_000]])('throttling %d / %d is accepted', (rate, burst) => {
    const stack = newStack();
    new RestApiToFunction(stack, 'Api', { function: newFunction(stack), throttlingRateLimit: rate, throttlingBurstLimit: burst });
    expect(synthErrors(stack)).toEqual([]);
  });

  test('negative throttling and a fractional burst are refused; tokens are accepted', () => {
    const stack = newStack();
    new RestApiToFunction(stack, 'Api', { function: newFunction(stack), throttlingRateLimit: -1, throttlingBurstLimit: 1.5 });
    expectErrors(stack,
      /^\[Test\/Api\/Api\/DeploymentStage.prod\/Resource\] LambdaBlueprints-ApiGatewayStageThrottling: throttlingRateLimit \(MethodSettings.ThrottlingRateLimit\) is -1 requests per second, allowed is 0–1,000,000 requests per second, because API Gateway stage throttling takes a non-negative steady-state rate\./,
      /^\[Test\/Api\/Api\/DeploymentStage.prod\/Resource\] LambdaBlueprints-ApiGatewayStageThrottling: throttlingBurstLimit \(MethodSettings.ThrottlingBurstLimit\) is 1\.5 requests, allowed is a whole number 0–1,000,000 requests/);
    const stack2 = newStack();
    const n = new CfnParameter(stack2, 'N', { type: 'Number' }).valueAsNumber;
    new RestApiToFunction(stack2, 'Api', { function: newFunction(stack2), throttlingRateLimit: n, throttlingBurstLimit: n });
    expect(synthErrors(stack2)).toEqual([]);
  });
});
