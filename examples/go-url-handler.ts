/**
 * Example: go-url-handler
 *
 * A Go HTTP API handler on arm64 (Graviton) behind an IAM-authenticated Function URL, built without
 * Docker: `BlueprintCode.fromGoModule` runs `go build` with `GOOS=linux GOARCH=arm64 CGO_ENABLED=0
 * -tags lambda.norpc -trimpath` on examples/go-url-handler/ (github.com/aws/aws-lambda-go) into the
 * `bootstrap` that the OS-only runtime provided.al2023 starts. The binary is cached by the hash of the
 * module's files: an unchanged module does not run go again.
 *
 * At synth the rule library reads the package: an x86_64 bootstrap in this arm64 function would be refused
 * (LambdaNativeArchitecture), so would a bootstrap that needs a newer glibc than Amazon Linux 2023's 2.34
 * (LambdaNativeGlibc, e.g. built with cgo on a newer distribution) or one that is not executable or not at
 * the root (LambdaBootstrap).
 *
 * Locally (`LocalLambda`, `npx cdk-lambda-blueprints invoke`), on an x86_64 host the emulator runs a
 * host-architecture twin: the same module built with GOARCH=amd64 (see the README, "Go and Java handlers").
 *
 * Needs the Go toolchain (1.26+) and access to the Go module proxy at synth (the first time; then the caches).
 * Run: `npx projen synth:examples` (all examples) — the template lands in cdk.out/go-url-handler/.
 */
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { BlueprintCode, BlueprintFunction, BlueprintFunctionUrl } from '../src';

export function buildApp(app: App = new App()): App {
  const stack = new Stack(app, 'GoUrlHandler', { env: { account: '123456789012', region: 'us-east-1' } });

  const api = new BlueprintFunction(stack, 'Api', {
    runtime: lambda.Runtime.PROVIDED_AL2023,
    architecture: lambda.Architecture.ARM_64,
    handler: 'bootstrap',
    code: BlueprintCode.fromGoModule(path.join(__dirname, 'go-url-handler')),
    description: 'Go HTTP API behind a Function URL (arm64, provided.al2023)',
  });
  new BlueprintFunctionUrl(stack, 'Url', { function: api });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

if (require.main === module) buildApp().synth();
