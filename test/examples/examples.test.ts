import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { exampleNames, synthExample } from '../../build-tools/synth-examples';
import { nagFindings, withBuiltinValidation } from '../helpers';
import { CFN_LINT_VERSION, cfnLint, unexpectedFindings } from './cfn-lint';
import { blueprintFindings } from '../nag/nag-helpers';

/**
 * Every app in examples/, synthesized once per test run exactly as `npx projen synth:examples` does (with
 * aws-cdk-lib's built-in validation on, as a user's `cdk synth`), then read by every check a user would run
 * on it: the resources, cdk-nag's packs, LambdaBlueprintChecks, cfn-lint over the written templates, and the
 * aws-cdk CLI on the same app (issue 29: one synth where there were four).
 */
withBuiltinValidation();

const root = path.join(__dirname, '..', '..');
const examplesDir = path.join(root, 'examples');
const examples = exampleNames();
const outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'examples-'));

interface Synthesized { readonly app: App; readonly stacks: Stack[]; readonly templates: Record<string, string> }
const synthesized = new Map<string, Synthesized>();

/** The example's synthesis (once per run): its app, its stacks and each stack's template file. */
function example(name: string): Synthesized {
  let s = synthesized.get(name);
  if (!s) {
    const outdir = path.join(outRoot, name);
    const { app, assembly } = synthExample(name, outdir);
    const templates = Object.fromEntries(assembly.stacks.map(st => [st.stackName, path.join(outdir, st.templateFile)]));
    s = { app, stacks: app.node.children.filter(Stack.isStack), templates };
    synthesized.set(name, s);
  }
  return s;
}

test('there are examples', () => {
  expect(examples.length).toBeGreaterThan(0);
});

describe.each(examples)('example %s', (name) => {
  test('synthesizes, every stack with a function', () => {
    const { stacks } = example(name);
    expect(stacks.length).toBeGreaterThan(0);
    for (const stack of stacks) {
      expect(Object.keys(Template.fromStack(stack).findResources('AWS::Lambda::Function')).length).toBeGreaterThan(0);
    }
  });

  test('has zero unacknowledged cdk-nag findings (AwsSolutions + Serverless)', () => {
    expect(example(name).stacks.flatMap(s => nagFindings(s))).toEqual([]);
  });

  test('LambdaBlueprintChecks reports zero findings', () => {
    expect(blueprintFindings(example(name).app)).toEqual([]);
  });

  test('every SNS topic is encrypted with a KMS key (issue 28: an alarm topic was not)', () => {
    const topics = example(name).stacks.flatMap(s => Object.entries(Template.fromStack(s).findResources('AWS::SNS::Topic')));
    expect(topics.filter(([, t]) => t.Properties?.KmsMasterKeyId === undefined).map(([id]) => id)).toEqual([]);
  });
});

describe(`cfn-lint ${CFN_LINT_VERSION} over every example template`, () => {
  let templates: string[] = [];
  let report: ReturnType<typeof cfnLint> = [];
  beforeAll(() => {
    templates = examples.flatMap(name => Object.values(example(name).templates));
    report = cfnLint(templates);
  }, 240_000);

  test('every example has a template', () => {
    expect(templates.length).toBeGreaterThanOrEqual(examples.length);
  });

  test('no errors and no warnings beyond the documented list', () => {
    expect(unexpectedFindings(report)).toEqual([]);
  });

  test('no placeholder availability zones (W3010) anywhere', () => {
    expect(report.filter(f => f.Rule.Id === 'W3010')).toEqual([]);
    for (const t of templates) expect(fs.readFileSync(t, 'utf-8')).not.toMatch(/dummy1[a-z]/);
  });
});

describe('the real CDK CLI (aws-cdk) on the basic-function example', () => {
  test('`cdk synth` with the example\'s cdk.json writes the same template as synth:examples', () => {
    const cliOut = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-cli-'));
    const cdk = path.join(root, 'node_modules', 'aws-cdk', 'bin', 'cdk');
    execFileSync(process.execPath, [cdk, 'synth', '--quiet', '--output', cliOut], {
      cwd: path.join(examplesDir, 'cdk-cli'),
      encoding: 'utf-8',
      stdio: 'pipe',
      env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1', CDK_DISABLE_CLI_TELEMETRY: 'true', CI: 'true' },
    });
    const fromCli = JSON.parse(fs.readFileSync(path.join(cliOut, 'BasicFunction.template.json'), 'utf-8'));
    const fromSynthExamples = JSON.parse(fs.readFileSync(example('basic-function').templates.BasicFunction, 'utf-8'));
    expect(Object.keys(fromCli.Resources).length).toBeGreaterThan(0);
    expect(fromCli).toEqual(fromSynthExamples);
  }, 180_000);
});
