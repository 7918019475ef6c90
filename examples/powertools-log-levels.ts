/**
 * Example: powertools-log-levels
 *
 * A Node.js function with Powertools for AWS Lambda (TypeScript) and Lambda's advanced logging controls.
 * `powertools: Powertools.typeScript(...)` adds the AWS-published layer of the stack's region
 * (`arn:aws:lambda:us-east-1:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:<version>`, one layer for
 * both architectures) and sets `POWERTOOLS_SERVICE_NAME`. The function logs JSON with an application log
 * level of INFO (the handler's debug lines are not written, and are not billed) and a system log level of
 * WARN (Lambda's own START/END/REPORT records are not written either; errors and timeouts still are). Lambda
 * passes the levels to the code as `AWS_LAMBDA_LOG_FORMAT` and `AWS_LAMBDA_LOG_LEVEL`, which Powertools
 * Logger reads: one setting in the template governs both.
 *
 * At synth the rules check that the levels come with the JSON format (LambdaLoggingConfig) and that the
 * Powertools flavour fits the runtime (LambdaLayers).
 *
 * Locally (`LocalLambda`) the handler runs with the same environment and level filtering; the AWS-published
 * layer is not downloaded (said in a warning), so the handler falls back to console.
 *
 * Run: `npx projen synth:examples powertools-log-levels` — the template lands in
 * cdk.out/powertools-log-levels/.
 */
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { BlueprintCode, BlueprintFunction, Powertools } from '../src';

export function buildApp(app: App = new App()): App {
  const stack = new Stack(app, 'PowertoolsLogLevels', { env: { account: '123456789012', region: 'us-east-1' } });

  new BlueprintFunction(stack, 'Orders', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: BlueprintCode.fromFile(path.join(__dirname, 'handlers', 'powertools-orders.js')),
    description: 'Orders with Powertools Logger; JSON logs at INFO (application) and WARN (system)',
    powertools: Powertools.typeScript({ serviceName: 'orders' }),
    loggingFormat: lambda.LoggingFormat.JSON,
    applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
    systemLogLevelV2: lambda.SystemLogLevel.WARN,
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

if (require.main === module) buildApp().synth();
