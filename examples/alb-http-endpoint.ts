/**
 * Example: alb-http-endpoint
 *
 * An HTTP endpoint behind an internal Application Load Balancer: HTTPS listener (recommended TLS policy),
 * a Lambda target group with multi-value headers on, access logs in S3 (AlbToFunction). The handler
 * (`handlers/alb-handler.js`) answers with statusCode, statusDescription, multiValueHeaders, body and
 * isBase64Encoded. Failure path: synchronous — the ALB returns 502 to the caller; errors are alarmed.
 */
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { AlbToFunction, BlueprintCode, BlueprintFunction, BlueprintVpc } from '../src';

export function buildApp(app: App = new App()): App {
  // The region is fixed (ALB access logs are written by the region's load-balancing account); the account
  // is not, so the VPC's zones stay Fn::GetAZs of the deployment region instead of placeholder names.
  const stack = new Stack(app, 'AlbHttpEndpoint', { env: { region: 'us-east-1' } });
  const { vpc } = new BlueprintVpc(stack, 'Network', { natGateways: 1, isolatedSubnets: false });
  const certificate = acm.Certificate.fromCertificateArn(stack, 'Certificate', 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555');

  const fn = new BlueprintFunction(stack, 'Endpoint', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: BlueprintCode.fromFile(path.join(__dirname, 'handlers', 'alb-handler.js')),
  });
  new AlbToFunction(stack, 'Web', { function: fn, vpc, certificate, multiValueHeaders: true });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

if (require.main === module) buildApp().synth();
