import { App, CfnParameter, Duration, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as fc from 'fast-check';
import { OUR_LINE } from './modes';
import { BlueprintFunction, QueueSource } from '../../src';


const number = fc.oneof(
  fc.integer({ min: -2_000, max: 20_000 }),
  fc.double({ min: -10, max: 20_000, noNaN: false }),
  fc.constantFrom(NaN, 0, -1, 1, 128, 900, 901, 10_240, 10_241, 0.5),
);
const name = fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('', 'orders', 'a'.repeat(64), 'a'.repeat(65), 'has space', 'AWS_REGION', 'A'));
const durationUnit = fc.constantFrom('seconds', 'minutes', 'millis', 'param');

interface Case {
  memorySize?: number;
  timeout?: [string, number];
  functionName?: string;
  handler?: string;
  env?: Array<[string, string]>;
  reserved?: number;
  accountLimit?: number;
  architecture?: string;
  batchSize?: number;
  visibility?: number;
  aliasDescription?: string;
  overrides?: Array<[string, unknown]>;
}

/** Mostly left out, so that some cases are entirely valid and the rules' silence is tested too. */
function maybe<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: 8 }, { arbitrary: arb, weight: 1 });
}

const caseArb: fc.Arbitrary<Case> = fc.record({
  memorySize: maybe(number),
  timeout: maybe(fc.tuple(durationUnit, number)),
  functionName: maybe(name),
  handler: maybe(fc.oneof(fc.constant('index.handler'), fc.string({ maxLength: 140 }))),
  env: maybe(fc.array(fc.tuple(name, fc.string({ maxLength: 50 })), { maxLength: 4 })),
  reserved: maybe(number),
  accountLimit: maybe(number),
  architecture: maybe(fc.constantFrom('arm64', 'x86_64', '', 'sparc')),
  batchSize: maybe(number),
  visibility: maybe(fc.integer({ min: 0, max: 43_200 })),
  aliasDescription: maybe(fc.string({ maxLength: 300 })),
  overrides: fc.option(fc.array(fc.tuple(fc.constantFrom('Timeout', 'MemorySize', 'Runtime', 'Handler', 'Environment.Variables.AWS_REGION', 'ReservedConcurrentExecutions'),
    fc.oneof(number, fc.string({ maxLength: 20 }), fc.constant({ Ref: 'AWS::NoValue' }))), { maxLength: 3 }), { nil: undefined }),
});

function duration(stack: Stack, [unit, n]: [string, number]): Duration {
  if (unit === 'param') return Duration.seconds(new CfnParameter(stack, 'T', { type: 'Number' }).valueAsNumber);
  if (unit === 'minutes') return Duration.minutes(Math.abs(n));
  if (unit === 'millis') return Duration.millis(Math.abs(n));
  return Duration.seconds(Math.abs(n));
}

function build(c: Case): Stack {
  const stack = new Stack(new App(), 'P', { env: { account: '123456789012', region: 'us-east-1' } });
  const fn = new BlueprintFunction(stack, 'Fn', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: c.handler ?? 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => 1;'),
    memorySize: c.memorySize,
    timeout: c.timeout ? duration(stack, c.timeout) : undefined,
    functionName: c.functionName,
    reservedConcurrentExecutions: c.reserved,
    accountConcurrencyLimit: c.accountLimit,
    architecture: c.architecture === undefined ? undefined : lambda.Architecture.custom(c.architecture),
    environment: c.env ? Object.fromEntries(c.env) : undefined,
    deployment: c.aliasDescription !== undefined ? { aliasDescription: c.aliasDescription } : undefined,
  });
  if (c.batchSize !== undefined || c.visibility !== undefined) {
    const queue = new sqs.Queue(stack, 'Queue', { visibilityTimeout: c.visibility === undefined ? undefined : Duration.seconds(c.visibility) });
    fn.addEventSource(new QueueSource(queue, { batchSize: c.batchSize }));
  }
  for (const [path, value] of c.overrides ?? []) fn.cfn.addPropertyOverride(path, value);
  return stack;
}

test('every generated blueprint synthesizes or fails with our messages only (path, prop, value, range, reason)', () => {
  const outcomes = { synthesized: 0, refused: 0 };
  fc.assert(fc.property(caseArb, c => {
    let stack: Stack;
    try {
      stack = build(c);
    } catch (e) {
      throw new Error(`construction threw ${(e as Error).constructor.name}: ${(e as Error).message} for ${JSON.stringify(c)}`);
    }
    try {
      (stack.node.root as App).synth();
      outcomes.synthesized++;
    } catch (e) {
      outcomes.refused++;
      const message = (e as Error).message;
      if (!message.startsWith('Validation failed with the following errors:')) {
        throw new Error(`synth threw something else than our report: ${message.split('\n')[0]} for ${JSON.stringify(c)}`);
      }
      const lines = message.split('\n').slice(1).map(l => l.trim()).filter(Boolean);
      for (const line of lines) {
        if (!OUR_LINE.test(line) || line.includes('[object Object]')) throw new Error(`not our message form: ${line} for ${JSON.stringify(c)}`);
      }
    }
  }), { numRuns: Number(process.env.PROPERTY_RUNS ?? 200), seed: Number(process.env.PROPERTY_SEED ?? 20261123) });
  // Both outcomes occur: the generator reaches the rules, and valid cases still synthesize.
  expect(outcomes.synthesized).toBeGreaterThan(0);
  expect(outcomes.refused).toBeGreaterThan(outcomes.synthesized);
});
