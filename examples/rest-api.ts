/**
 * Example: rest-api
 *
 * A REST API in front of a BlueprintFunction (RestApiToFunction): IAM authorization, request validation,
 * structured JSON access logs, execution logging, X-Ray, explicit stage throttling (50 rps, burst 100) and
 * a WAF web ACL. Failure path: synchronous — API Gateway returns 5xx to the caller; errors are alarmed.
 */
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { BlueprintCode, BlueprintFunction, RestApiToFunction } from '../src';

export function buildApp(app: App = new App()): App {
  const stack = new Stack(app, 'RestApi', { env: { account: '123456789012', region: 'us-east-1' } });
  const fn = new BlueprintFunction(stack, 'Handler', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: BlueprintCode.fromFile(path.join(__dirname, 'handlers', 'rest-handler.js')),
  });
  new RestApiToFunction(stack, 'Api', { function: fn, throttlingRateLimit: 50, throttlingBurstLimit: 100 });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

if (require.main === module) buildApp().synth();
