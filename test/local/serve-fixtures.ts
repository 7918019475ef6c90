import { App, Duration, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as authorizers from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as integrations from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';

/** Node.js handlers behind the front doors of `frontDoorsApp` (inlined into the template). */
export const FRONT_DOOR_HANDLERS = {
  // The query's `mode` picks the answer: echo (default), binary, raw (no statusCode), throw, sleep.
  echo: `exports.handler = async (event) => {
  const q = event.queryStringParameters || {};
  const mode = q.mode || (event.multiValueQueryStringParameters && event.multiValueQueryStringParameters.mode && event.multiValueQueryStringParameters.mode[0]);
  if (mode === 'throw') throw new Error('echo failed');
  if (mode === 'raw') return { hello: 'raw' };
  if (mode === 'binary') return { statusCode: 201, headers: { 'content-type': 'image/png' }, body: Buffer.from([0, 1, 2, 255]).toString('base64'), isBase64Encoded: true };
  if (mode === 'sleep') await new Promise(r => setTimeout(r, 300));
  return { statusCode: 200, statusDescription: '200 OK', headers: { 'content-type': 'application/json', 'x-echo': '1' },
    multiValueHeaders: { 'x-multi': ['a', 'b'] }, cookies: ['a=1', 'b=2'], body: JSON.stringify({ event, pid: process.pid }) };
};`,
  tokenAuthorizer: `exports.handler = async (event) => {
  const token = event.authorizationToken;
  if (token === 'throw') throw new Error('Unauthorized');
  if (token === 'bad') throw new Error('authorizer bug');
  return { principalId: 'user-1', context: { user: 'alice' },
    policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: token === 'allow' ? 'Allow' : 'Deny', Resource: event.methodArn }] } };
};`,
  simpleAuthorizer: 'exports.handler = async (event) => ({ isAuthorized: event.headers.authorization === \'allow\', context: { user: \'bob\' } });',
};

/** One stack with every front door: a REST API (stage v1), an HTTP API, a Function URL and an ALB listener. */
export function frontDoorsApp(app: App): Stack {
  const stack = new Stack(app, 'Doors', { env: { account: '111111111111', region: 'eu-west-1' } });
  const node = (id: string, code: string): lambda.Function => new lambda.Function(stack, id, {
    runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline(code), timeout: Duration.seconds(5),
  });
  const echo = node('Echo', FRONT_DOOR_HANDLERS.echo);

  // REST API: root, /items, /items/{id} (TOKEN authorizer), {proxy+}, a mock integration; image/png is binary.
  const rest = new apigateway.RestApi(stack, 'Rest', { deployOptions: { stageName: 'v1' }, binaryMediaTypes: ['image/png'] });
  const proxy = new apigateway.LambdaIntegration(echo);
  const authorizer = new apigateway.TokenAuthorizer(stack, 'TokenAuth', { handler: node('TokenAuthFn', FRONT_DOOR_HANDLERS.tokenAuthorizer), resultsCacheTtl: Duration.seconds(0) });
  rest.root.addMethod('GET', proxy);
  const items = rest.root.addResource('items');
  items.addMethod('GET', proxy);
  const item = items.addResource('{id}');
  item.addMethod('GET', proxy, { authorizer, authorizationType: apigateway.AuthorizationType.CUSTOM });
  item.addMethod('POST', proxy);
  rest.root.addResource('{proxy+}').addMethod('ANY', proxy);
  rest.root.addResource('mock').addMethod('GET', new apigateway.MockIntegration());

  // HTTP API ($default stage): payload 2.0 with a simple-response Lambda authorizer, payload 1.0 on {proxy+}.
  const http = new apigwv2.HttpApi(stack, 'Http');
  const simple = new authorizers.HttpLambdaAuthorizer('SimpleAuth', node('SimpleAuthFn', FRONT_DOOR_HANDLERS.simpleAuthorizer), {
    responseTypes: [authorizers.HttpLambdaResponseType.SIMPLE], resultsCacheTtl: Duration.seconds(0),
  });
  http.addRoutes({ path: '/items/{id}', methods: [apigwv2.HttpMethod.GET], integration: new integrations.HttpLambdaIntegration('Item', echo), authorizer: simple });
  http.addRoutes({ path: '/open', methods: [apigwv2.HttpMethod.GET], integration: new integrations.HttpLambdaIntegration('Open', echo) });
  http.addRoutes({
    path: '/{proxy+}',
    methods: [apigwv2.HttpMethod.ANY],
    integration: new integrations.HttpLambdaIntegration('V1', echo, { payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_1_0 }),
  });

  // Function URL.
  echo.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });

  // ALB: /api/* to the function (single-value headers), header x-multi: yes to a multi-value target group,
  // /old redirected, anything else a fixed 404.
  const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, maxAzs: 2 });
  const listener = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc }).addListener('Http', {
    port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(404, { contentType: 'text/plain', messageBody: 'nothing here' }),
  });
  listener.addTargets('Api', { priority: 10, conditions: [elbv2.ListenerCondition.pathPatterns(['/api/*'])], targets: [new targets.LambdaTarget(echo)] });
  const multi = listener.addTargets('Multi', { priority: 5, conditions: [elbv2.ListenerCondition.httpHeader('x-multi', ['yes'])], targets: [new targets.LambdaTarget(echo)] });
  multi.setAttribute('lambda.multi_value_headers.enabled', 'true');
  listener.addAction('Old', { priority: 20, conditions: [elbv2.ListenerCondition.pathPatterns(['/old'])], action: elbv2.ListenerAction.redirect({ path: '/new', permanent: true }) });
  return stack;
}

/** A Node.js handler that streams its response (`awslambda.streamifyResponse`); the query's `mode` picks how. */
export const STREAMING_HANDLER = `exports.handler = awslambda.streamifyResponse(async (event, responseStream) => {
  const mode = (event.queryStringParameters || {}).mode;
  const pause = () => new Promise(r => setTimeout(r, 300));
  if (mode === 'early') throw new Error('before any byte');
  if (mode === 'plain') {
    responseStream.setContentType('text/plain');
    responseStream.write('a');
    await pause();
    responseStream.end('b');
    return;
  }
  const stream = awslambda.HttpResponseStream.from(responseStream, { statusCode: 201, headers: { 'content-type': 'text/plain', 'x-s': '1' }, cookies: ['s=1'] });
  stream.write('first;');
  await pause();
  if (mode === 'late') throw new Error('mid-stream');
  stream.end('second');
});`;

/** A function behind a Function URL in RESPONSE_STREAM mode. */
export function streamingApp(app: App): Stack {
  const stack = new Stack(app, 'Streaming', { env: { account: '111111111111', region: 'eu-west-1' } });
  new lambda.Function(stack, 'Streamer', {
    runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline(STREAMING_HANDLER), timeout: Duration.seconds(5),
  }).addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE, invokeMode: lambda.InvokeMode.RESPONSE_STREAM });
  return stack;
}
