/**
 * The Python, Java and Go consumer apps (consumers/<language>/), synthesized by consumers/run.sh from the
 * packages in dist/ into consumers/out/<language>/, make the same templates as the TypeScript examples they
 * mirror; the Python app ran the cdk-nag packs and LambdaBlueprintChecks with zero unacknowledged findings.
 * Run by `npx projen test:consumers` (part of `npx projen build`, after packaging), not by `npx projen test`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';

const root = path.join(__dirname, '..');
const out = path.join(__dirname, 'out');
/** The example each consumer app mirrors, and its stack. */
const EXAMPLES: Record<string, string> = { 'sqs-worker': 'SqsWorker', 'canary-release': 'CanaryRelease', 'vpc-worker': 'VpcWorker' };
const LANGUAGES = (process.env.CONSUMER_LANGUAGES ?? 'python java go').split(/\s+/).filter(l => l !== '');

/** Asset hashes depend on the staging path and the language's asset bundling: compare them as <hash>. */
function normalize(template: unknown): unknown {
  return JSON.parse(JSON.stringify(template).replace(/[0-9a-f]{64}/g, '<hash>'));
}

function typescriptTemplate(example: string, stackName: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.join(root, 'examples', example));
  const app: App = mod.buildApp(new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), `consumer-ts-${example}-`)) }));
  const stack = app.node.children.filter(Stack.isStack).find(s => s.stackName === stackName);
  if (!stack) throw new Error(`examples/${example}.ts has no stack ${stackName}`);
  return app.synth().getStackByName(stackName).template;
}

function readJson(file: string): any {
  if (!fs.existsSync(file)) throw new Error(`${path.relative(root, file)} is missing: run npx projen test:consumers`);
  return JSON.parse(fs.readFileSync(file, 'utf-8'));
}

test('the consumers to compare are python, java and go', () => {
  expect(LANGUAGES.length).toBeGreaterThan(0);
  for (const l of LANGUAGES) expect(['python', 'java', 'go']).toContain(l);
  if (process.env.CI === 'true') expect(LANGUAGES.sort()).toEqual(['go', 'java', 'python']);
});

describe.each(Object.entries(EXAMPLES))('examples/%s.ts (stack %s)', (example, stackName) => {
  const expected = normalize(typescriptTemplate(example, stackName));

  test('has resources to compare', () => {
    expect(Object.keys((expected as any).Resources).length).toBeGreaterThan(5);
  });

  test.each(LANGUAGES)('the %s app synthesizes the same template', (language) => {
    const actual = normalize(readJson(path.join(out, language, `${stackName}.template.json`)));
    expect(actual).toEqual(expected);
  });
});

describe('jsii\'s Node.js banner is silenced (JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION, README Other languages)', () => {
  test.each(LANGUAGES)('the %s app printed no banner to stderr (consumers/out/<language>.stderr)', (language) => {
    const file = path.join(out, `${language}.stderr`);
    if (!fs.existsSync(file)) throw new Error(`${path.relative(root, file)} is missing: run npx projen test:consumers`);
    expect(fs.readFileSync(file, 'utf-8')).not.toMatch(/end-of-life|not supported anymore by this software|has not been tested with node/);
  });
});

describe('the python app ran cdk-nag', () => {
  const run = LANGUAGES.includes('python') ? test : test.skip;

  run('AwsSolutions, Serverless and LambdaBlueprints found nothing unacknowledged in each stack', () => {
    const findings = readJson(path.join(out, 'python', 'nag-findings.json'));
    const stacks = Object.values(EXAMPLES).sort();
    expect(Object.keys(findings).sort()).toEqual(['AwsSolutions', 'LambdaBlueprints', 'Serverless']);
    for (const pack of Object.keys(findings)) {
      expect(Object.keys(findings[pack]).sort()).toEqual(stacks);
      for (const stack of stacks) expect({ pack, stack, findings: findings[pack][stack] }).toEqual({ pack, stack, findings: [] });
    }
  });
});

describe('a custom standard rule written in Python (consumers/python/custom_rule.py)', () => {
  const run = LANGUAGES.includes('python') ? test : test.skip;

  run('runs in the rule engine through the bindings: the compliant app synthesizes, the other is refused', () => {
    const result = readJson(path.join(out, 'python', 'custom-rule.json'));
    expect(result.compliant).toBe('');
    expect(result.violating).toContain('[PythonStandards/Plain/Resource] LambdaBlueprints-AcmePythonMemory: memory_size (MemorySize) is 2048 MB, allowed is at most 1024 MB, '
      + 'because the Python platform team says so (standard "acme-python" set at the app).');
  });
});

describe('the error a Python user sees (consumers/python/errors.py, README "Reading an error in Python, Java and Go")', () => {
  const run = LANGUAGES.includes('python') ? test : test.skip;

  run('app.synth() raises one RuntimeError with every problem on its own line, props in Python spelling beside the template property', () => {
    const result = readJson(path.join(out, 'python', 'errors.json'));
    expect(result.raised).toBe('RuntimeError');
    expect(result.message.split('\n')).toEqual([
      'ValidationFailedWithErrors: Validation failed with the following errors:',
      '  [Errors/Memory/Function/Resource] LambdaBlueprints-LambdaMemorySize: memory_size (MemorySize) is 20,000 MB, allowed is a whole number '
        + '128–10,240 MB, because Lambda allocates memory in whole MB from 128 to 10,240 MB (CPU scales with it).',
      '  [Errors/Millis/Function/Resource] LambdaBlueprints-LambdaTimeout: timeout (Timeout) is 1.5 s, allowed is a whole number 1–900 s, '
        + 'because a Lambda invocation runs at most 900 s (15 minutes); longer work belongs on Fargate or Step Functions.',
      '  [Errors/Jobs/Function/Function/SqsSourceErrorsSlow86C67F0C/Resource] LambdaBlueprints-LambdaSqsVisibilityBelowTimeout: visibility_timeout '
        + '(queue VisibilityTimeout) is 10 s (Errors/Slow/Resource), allowed is at least the function timeout (60 s), best 360 s, because Lambda '
        + 'refuses to create an SQS mapping whose queue visibility timeout is below the function timeout.',
    ]);
    // Python prints jsii's JavaScript stack first (the cause), then the RuntimeError with the same lines: the README says so.
    expect(result.traceback).toMatch(/^jsii\.errors\.JavaScriptError: [\s\S]*The above exception was the direct cause[\s\S]*\nRuntimeError: ValidationFailedWithErrors: /);
  });
});

describe('the README install lines are the ones the consumers use', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf-8');

  test('python: consumers/run.sh runs the README\'s pip line', () => {
    expect(readme).toMatch(/^pip install cdk-lambda-blueprints aws-cdk-lib==[\d.]+ constructs==[\d.]+ cdk-nag==[\d.]+$/m);
    expect(fs.readFileSync(path.join(__dirname, 'run.sh'), 'utf-8')).toContain("grep -m1 -E '^pip install cdk-lambda-blueprints ' README.md");
  });

  test('java: the README\'s Maven dependency is in consumers/java/pom.xml', () => {
    const dependency = /```xml\n(<dependency>[\s\S]*?<\/dependency>)\n```/.exec(readme);
    expect(dependency).not.toBeNull();
    const pom = fs.readFileSync(path.join(__dirname, 'java', 'pom.xml'), 'utf-8').replace(/^ {4}/gm, '');
    expect(pom).toContain(dependency![1]);
  });

  test('go: the README\'s go get module is required by consumers/go/go.mod', () => {
    const module = /^go get (\S+)$/m.exec(readme);
    expect(module).not.toBeNull();
    expect(fs.readFileSync(path.join(__dirname, 'go', 'go.mod'), 'utf-8')).toMatch(new RegExp(`^\\s+${module![1].replace(/\./g, '\\.')} v`, 'm'));
  });
});
