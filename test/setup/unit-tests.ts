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
