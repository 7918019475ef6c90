/**
 * The basic-function example as a CDK CLI app: `cd examples/cdk-cli && npx cdk synth` (the cdk.json
 * beside this file names the app). The test suite runs exactly that and compares the template with the
 * one `npx projen synth:examples` writes for basic-function.
 */
import { buildApp } from '../basic-function';

buildApp().synth();
