/**
 * Example: container-image
 *
 * Two container image functions (images up to 10 GB uncompressed, from Amazon ECR in the same account):
 *
 * - `FromDockerfile`: `BlueprintCode.fromImageAsset` points at container-image/Dockerfile. Synth needs no
 *   Docker engine; `cdk deploy` builds the image for the function's architecture (linux/arm64 here) and
 *   pushes it to the bootstrap repository, tagged with its content hash (so a change is a new tag).
 * - `FromEcr`: `BlueprintCode.fromEcr` takes an image already in a repository of the account, by digest
 *   (a tag would be warned: CloudFormation does not update the function when the tag moves).
 *
 * Both use `Runtime.FROM_IMAGE` and `Handler.FROM_IMAGE` (the image's CMD names the handler) and no
 * layers: anything else is refused at synth, as is an image outside ECR or in another account.
 *
 * Run: `npx projen synth:examples` (all examples) — the template lands in cdk.out/container-image/.
 */
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { BlueprintCode, BlueprintFunction } from '../src';

/** The digest of the image the platform team published (sha256 of its manifest). */
const REPORTS_IMAGE_DIGEST = 'sha256:5b1b3c6f0d2f4e8a9c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b';

export function buildApp(app: App = new App()): App {
  const stack = new Stack(app, 'ContainerImage', { env: { account: '123456789012', region: 'us-east-1' } });

  new BlueprintFunction(stack, 'FromDockerfile', {
    runtime: lambda.Runtime.FROM_IMAGE,
    handler: lambda.Handler.FROM_IMAGE,
    code: BlueprintCode.fromImageAsset(path.join(__dirname, 'container-image')),
    description: 'A function image built from the Dockerfile at deploy time',
  });

  const reports = ecr.Repository.fromRepositoryName(stack, 'ReportsRepository', 'reports');
  new BlueprintFunction(stack, 'FromEcr', {
    runtime: lambda.Runtime.FROM_IMAGE,
    handler: lambda.Handler.FROM_IMAGE,
    code: BlueprintCode.fromEcr(reports, REPORTS_IMAGE_DIGEST),
    memorySize: 2048,
    description: 'A function image from the account\'s ECR repository, pinned by digest',
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

if (require.main === module) buildApp().synth();
