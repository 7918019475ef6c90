import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';
import { BlueprintFunctionProps, LambdaBlueprintChecks, LambdaBlueprintChecksProps } from '../../src';

/** One finding as a runner reports it. */
export interface Reported {
  readonly id: string;
  readonly severity: string;
  readonly path: string;
  readonly message: string;
}

const ERROR_LINE = /^\[([^\]]+)\] (LambdaBlueprints-\w+): (.*)$/;
const WARNING_DATA = /^(.*) \[ack: (LambdaBlueprints-\w+)\]$/;

/** What the constructs report at synth: their validation errors and their rule warnings. */
export function constructMode(stack: Stack): Reported[] {
  const out: Reported[] = [];
  try {
    (stack.node.root as App).synth({ force: true });
  } catch (e) {
    const message = (e as Error).message;
    if (!message.includes('Validation failed')) throw e;
    for (const line of message.split('\n').slice(1).map(l => l.trim())) {
      const m = ERROR_LINE.exec(line);
      if (m) out.push({ id: m[2], severity: 'error', path: m[1], message: m[3] });
    }
  }
  for (const c of stack.node.findAll()) {
    for (const entry of c.node.metadata) {
      if (entry.type !== 'aws:cdk:warning' || typeof entry.data !== 'string') continue;
      const m = WARNING_DATA.exec(entry.data);
      if (m) out.push({ id: m[2], severity: 'warning', path: c.node.path, message: m[1] });
    }
  }
  return sorted(out);
}

/** What the LambdaBlueprintChecks pack reports over the same scope. */
export function packMode(scope: IConstruct, props?: LambdaBlueprintChecksProps): Reported[] {
  const out: Reported[] = [];
  for (const v of new LambdaBlueprintChecks(undefined, props).validateScope(scope).violations) {
    for (const r of v.violatingResources) out.push({ id: v.ruleName, severity: v.severity ?? '', path: r.constructPath ?? '', message: v.description });
  }
  return sorted(out);
}

/**
 * A line of a failed synth in our form: every check reports through the rule engine, under a rule id:
 * `[path] LambdaBlueprints-<Id>: <prop> is <value>, allowed is <allowed>, because <reason>.`
 */
export const OUR_LINE = /^\[[^\]]+\] LambdaBlueprints-\w+: .+ is .+, allowed is .+, because .+\.$/;

/** Findings of one rule (id without the pack prefix). */
export function ofRule(list: Reported[], rule: string): Reported[] {
  return list.filter(r => r.id === `LambdaBlueprints-${rule}`);
}

function sorted(list: Reported[]): Reported[] {
  return [...list].sort((a, b) => `${a.id} ${a.path} ${a.message}`.localeCompare(`${b.id} ${b.path} ${b.message}`));
}

/** A small inline Node.js function's props. */
export const FN_PROPS: BlueprintFunctionProps & { readonly runtime: lambda.Runtime } = {
  runtime: lambda.Runtime.NODEJS_24_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => 1;'),
};

/** A stack `Test` in a fresh app, in account 123456789012 / us-east-1. */
export function newStack(): Stack {
  return new Stack(new App(), 'Test', { env: { account: '123456789012', region: 'us-east-1' } });
}

/** Both runners' findings of one rule; asserts that they are the same (id, severity, path, message). */
export function both(stack: Stack, rule: string): Reported[] {
  const pack = ofRule(packMode(stack), rule);
  const constructs = ofRule(constructMode(stack), rule);
  expect(constructs).toEqual(pack);
  return constructs;
}
