import { App, Stack, StackProps } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { IConstruct } from 'constructs';

/**
 * Synthesize this test file with aws-cdk-lib's built-in CloudFormation validation on, as a user's
 * `cdk synth` does (unit tests run with `CDK_VALIDATION=false`: see `test/setup/unit-tests.ts`). For the
 * tests that show what users get: examples, cfn-lint, the aws-cdk CLI. Child processes inherit it.
 */
export function withBuiltinValidation(): void {
  delete process.env.CDK_VALIDATION;
}

/** A fresh app and stack in us-east-1 / account 123456789012 (environment-agnostic stacks hide AZs). */
export function newStack(id = 'Test', props: StackProps = {}): Stack {
  const app = new App();
  return new Stack(app, id, { env: { account: '123456789012', region: 'us-east-1' }, ...props });
}

/** Unacknowledged cdk-nag findings (AwsSolutions + Serverless) under `scope`, as `rule @ path` lines. */
export function nagFindings(scope: IConstruct): string[] {
  const out: string[] = [];
  for (const pack of [new AwsSolutionsChecks(), new ServerlessChecks()]) {
    for (const v of pack.validateScope(scope).violations) {
      for (const r of v.violatingResources) out.push(`${v.ruleName} @ ${r.constructPath}`);
    }
  }
  return out.sort();
}

/**
 * The synth-time validation errors of a stack (the messages `node.addValidation` reported), or []
 * when it synthesizes. Every problem of the synth is reported at once by CDK; this splits them.
 */
export function synthErrors(stack: Stack): string[] {
  try {
    Template.fromStack(stack);
    return [];
  } catch (e) {
    const msg = (e as Error).message;
    if (!msg.includes('Validation failed')) throw e;
    return failureLines(msg);
  }
}

/**
 * The lines of a whole app's failed synth (every stage and stack of it), or [] when it synthesizes: the
 * construct validation errors, or the report of the app's validation plugins (cdk-nag packs), which run after them.
 */
export function appSynthErrors(app: App): string[] {
  try {
    app.synth();
    return [];
  } catch (e) {
    return failureLines((e as Error).message);
  }
}

/** The lines after the first of a synth's failure message, trimmed, blank ones left out. */
function failureLines(message: string): string[] {
  return message.split('\n').slice(1).map(l => l.trim()).filter(Boolean);
}

/** Expects exactly one synth error matching each of `patterns` (and no other errors). */
export function expectErrors(stack: Stack, ...patterns: RegExp[]): void {
  const errors = synthErrors(stack);
  // On a mismatch, the message lists every error of the synth (what the patterns were matched against).
  const unmatched = patterns.filter(p => errors.filter(e => p.test(e)).length !== 1);
  if (unmatched.length || errors.length !== patterns.length) {
    throw new Error(`expected exactly one error per pattern and no other:\n  patterns: ${patterns.map(String).join('\n            ')}\n  errors:\n    ${errors.join('\n    ')}`);
  }
}

/** Every IAM policy statement of a template, flattened (actions always as an array). */
export function allStatements(template: Template): Array<{ [key: string]: any }> {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .flatMap((p: any) => p.Properties.PolicyDocument.Statement)
    .map((s: any) => ({ ...s, Action: ([] as string[]).concat(s.Action) }));
}

/** The statements whose actions belong to one of `services` (e.g. `['sqs']`): for "exactly these" checks. */
export function statementsFor(template: Template, ...services: string[]): Array<{ [key: string]: any }> {
  return allStatements(template).filter(s => s.Action.some((a: string) => services.includes(a.split(':')[0])));
}

/** Runs `body` with environment variables set (undefined: unset), then puts them back as they were. */
export function withEnv<T>(values: Record<string, string | undefined>, body: () => T): T {
  const before = Object.fromEntries(Object.keys(values).map(k => [k, process.env[k]]));
  const set = (v: Record<string, string | undefined>) => {
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined) delete process.env[k];
      else process.env[k] = x;
    }
  };
  set(values);
  try {
    return body();
  } finally {
    set(before);
  }
}
