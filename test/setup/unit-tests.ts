import * as path from 'path';

/**
 * Runs before every test file (jest `setupFiles`, issue 29). Unit tests synthesize without aws-cdk-lib's
 * built-in CloudFormation validation (a WebAssembly rule engine that costs 4–7× a synth and checks
 * aws-cdk-lib's output, not ours); the library's own rule engine still runs on every synth. The tests that
 * show what a user gets (the examples with cdk-nag and cfn-lint, the aws-cdk CLI) call
 * `withBuiltinValidation()` from `test/helpers.ts` and synthesize with it on.
 *
 * jest gives each test file its own copy of `process.env`, so this never leaks between files.
 */
process.env.CDK_VALIDATION = 'false';

/**
 * Go builds in tests (BlueprintCode.fromGoModule, the Go examples) download modules only through the Go
 * module proxy into the project's caches under .cache/ (which .ci/run links to the machine's cache), never
 * into the user's, and never fetch another toolchain.
 */
const repoRoot = path.resolve(__dirname, '..', '..');
process.env.GOMODCACHE = `${repoRoot}/.cache/go-mod`;
process.env.GOCACHE = `${repoRoot}/.cache/go-build`;
process.env.GOFLAGS = '-modcacherw -buildvcs=false';
process.env.GOTOOLCHAIN = 'local';
// Maven builds in tests (BlueprintCode.fromMavenProject) use the project's repository, .cache/m2.
process.env.MAVEN_OPTS = `-Dmaven.repo.local=${repoRoot}/.cache/m2`;
