/**
 * Example: java-snapstart-worker
 *
 * A Java 21 SQS worker with SnapStart, released by a canary: `BlueprintCode.fromMavenProject` runs the
 * project's own build (`mvn -B -q package`, the maven-shade-plugin's fat jar in target/) without Docker, and
 * the jar is cached by the hash of the project's files. SnapStart snapshots each published version's
 * initialized environment; the `live` alias (which the queue's event source mapping invokes, never $LATEST)
 * moves to a new version through CodeDeploy: 10 % of the traffic for 5 minutes, rolled back by the alias's
 * Errors and Throttles alarms. Failed messages come back one by one (partial batch responses), then go to the
 * dead-letter queue.
 *
 * At synth the rule library reads the jar: the handler class must be in it (LambdaHandlerPresent) and no
 * class file may be newer than Java 21 (LambdaJavaClassVersion).
 *
 * Locally (`LocalLambda`, `npx cdk-lambda-blueprints deliver`), the worker runs through AWS's
 * aws-lambda-java-runtime-interface-client (CDK_LAMBDA_BLUEPRINTS_JAVA_RIC) on the host's Java.
 *
 * Needs Maven and a JDK (17+) and access to Maven Central at synth (the first time; then the caches).
 * Run: `npx projen synth:examples` (all examples) — the template lands in cdk.out/java-snapstart-worker/.
 */
import * as path from 'path';
import { App, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { BlueprintCode, BlueprintFunction, DeploymentStrategy, NagAcknowledgements, QueueToFunction } from '../src';

export function buildApp(app: App = new App()): App {
  const stack = new Stack(app, 'JavaSnapStartWorker', { env: { account: '123456789012', region: 'us-east-1' } });

  const worker = new BlueprintFunction(stack, 'Worker', {
    runtime: lambda.Runtime.JAVA_21,
    handler: 'com.example.Worker::handleRequest',
    code: BlueprintCode.fromMavenProject(path.join(__dirname, 'java-snapstart-worker')),
    memorySize: 1_024,
    timeout: Duration.seconds(60),
    snapStart: lambda.SnapStartConf.ON_PUBLISHED_VERSIONS,
    deployment: { aliasName: 'live', strategy: DeploymentStrategy.CANARY_10_PERCENT_5_MINUTES },
  });
  new QueueToFunction(stack, 'Orders', { function: worker, sourceOptions: { batchSize: 10 } });
  // Java 21 is the LTS release this worker targets; java25 is the newest Java runtime.
  const reason = 'Java 21 is the LTS release the worker is built and tested for; it moves to java25 with its dependencies';
  NagAcknowledgements.add(worker.cfn, 'AwsSolutions-L1', reason);
  NagAcknowledgements.add(worker.cfn, 'Serverless-LambdaLatestVersion', reason);
  NagAcknowledgements.add(worker.cfn, 'LambdaBlueprints-LambdaRuntimeNotNewest', reason);

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

if (require.main === module) buildApp().synth();
