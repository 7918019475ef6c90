/**
 * Example: streaming-url
 *
 * A Node.js handler that streams its response (`awslambda.streamifyResponse`, examples/handlers/
 * streaming-report.js) behind an IAM-authenticated Function URL in `RESPONSE_STREAM` mode: the status and
 * headers leave first, then each NDJSON row as the function writes it, up to 200 MB (a buffered URL returns
 * at most 6 MB, after the function ends). The time to first byte is that of the first row, not of the whole
 * report. Rule LambdaStreamingRuntime checks that the runtime can stream (Node.js managed runtimes; other
 * runtimes need a custom runtime or the Lambda Web Adapter).
 *
 * Locally (`LocalApi`, `npx cdk-lambda-blueprints serve`), the emulator serves the URL chunk by chunk too
 * (IAM authorization is not enforced locally, and says so).
 *
 * Run: `npx projen synth:examples streaming-url` — the template lands in cdk.out/streaming-url/.
 */
import * as path from 'path';
import { App, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { BlueprintCode, BlueprintFunction, BlueprintFunctionUrl } from '../src';

export function buildApp(app: App = new App()): App {
  const stack = new Stack(app, 'StreamingUrl', { env: { account: '123456789012', region: 'us-east-1' } });

  const report = new BlueprintFunction(stack, 'Report', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: BlueprintCode.fromFile(path.join(__dirname, 'handlers', 'streaming-report.js')),
    timeout: Duration.seconds(30),
    description: 'Streams a report as NDJSON rows through a RESPONSE_STREAM Function URL',
  });
  new BlueprintFunctionUrl(stack, 'Url', { function: report, invokeMode: lambda.InvokeMode.RESPONSE_STREAM });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

if (require.main === module) buildApp().synth();
