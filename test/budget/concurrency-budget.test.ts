import { App, Annotations as CoreAnnotations, CfnParameter, Stack, Stage, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { LambdaBlueprintChecks } from '../../src';
import { ConcurrencyBudget } from '../../src/budget';

const ENV = { account: '123456789012', region: 'us-east-1' };

function fn(stack: Stack, id: string, reservedConcurrentExecutions?: number): lambda.CfnFunction {
  return new lambda.CfnFunction(stack, id, {
    role: 'arn:aws:iam::123456789012:role/r', code: { zipFile: 'x' }, runtime: 'nodejs22.x', handler: 'index.h', reservedConcurrentExecutions,
  });
}

function synthError(app: App): string | undefined {
  try {
    app.synth();
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('ConcurrencyBudget.enforce', () => {
  test('accepts 900 reserved across the stacks of one environment', () => {
    const app = new App();
    fn(new Stack(app, 'A', { env: ENV }), 'F1', 500);
    fn(new Stack(app, 'B', { env: ENV }), 'F2', 400);
    ConcurrencyBudget.enforce(app);
    expect(synthError(app)).toBeUndefined();
  });

  test('refuses 901 under LambdaAccountConcurrencyBudget, at the first stack of the environment, naming the total, the limit and every reserving function', () => {
    const app = new App();
    const a = new Stack(app, 'A', { env: ENV });
    fn(a, 'F1', 500);
    fn(a, 'Free');
    fn(new Stack(app, 'B', { env: ENV }), 'F2', 401);
    ConcurrencyBudget.enforce(app);
    const message = 'LambdaBlueprints-LambdaAccountConcurrencyBudget: reserved concurrency in aws://123456789012/us-east-1 is 901 executions, '
      + 'allowed is at most 900 executions (account limit 1,000 − 100), because Lambda keeps 100 executions unreserved for functions without reserved concurrency; '
      + 'reserved by A/F1, B/F2.';
    expect(synthError(app)).toBe(`Validation failed with the following errors:\n  [A] ${message}`);
    // The same id and message from the API.
    expect(ConcurrencyBudget.check(app)).toEqual([message]);
  });

  test('acknowledged at the stack it is reported at', () => {
    const app = new App();
    const a = new Stack(app, 'A', { env: ENV });
    fn(a, 'F1', 901);
    Validations.of(a).acknowledge({ id: 'LambdaBlueprints-LambdaAccountConcurrencyBudget', reason: 'the account limit is raised in a later release' });
    ConcurrencyBudget.enforce(app);
    expect(synthError(app)).toBeUndefined();
  });

  test('a stack added after enforce is counted, and an environment is reported once', () => {
    const app = new App();
    ConcurrencyBudget.enforce(app);
    fn(new Stack(app, 'A', { env: ENV }), 'F1', 600);
    fn(new Stack(app, 'B', { env: ENV }), 'F2', 600);
    expect(synthError(app)).toBe('Validation failed with the following errors:\n  [A] LambdaBlueprints-LambdaAccountConcurrencyBudget: '
      + 'reserved concurrency in aws://123456789012/us-east-1 is 1,200 executions, allowed is at most 900 executions (account limit 1,000 − 100), '
      + 'because Lambda keeps 100 executions unreserved for functions without reserved concurrency; reserved by A/F1, B/F2.');
  });

  test('a stage added after enforce (no aspect reaches it) is reported at the scope', () => {
    const app = new App();
    ConcurrencyBudget.enforce(app);
    fn(new Stack(new Stage(app, 'Prod'), 'A', { env: ENV }), 'F1', 901);
    expect(synthError(app)).toBe('Validation failed with the following errors:\n  [] LambdaBlueprints-LambdaAccountConcurrencyBudget: '
      + 'reserved concurrency in aws://123456789012/us-east-1 is 901 executions, allowed is at most 900 executions (account limit 1,000 − 100), '
      + 'because Lambda keeps 100 executions unreserved for functions without reserved concurrency; reserved by Prod/A/F1.');
  });

  test('a stage of the app at enforce: reported at its stack', () => {
    const app = new App();
    fn(new Stack(new Stage(app, 'Prod'), 'A', { env: ENV }), 'F1', 901);
    ConcurrencyBudget.enforce(app);
    expect(synthError(app)).toMatch(/^Validation failed with the following errors:\n {2}\[Prod\/A\] LambdaBlueprints-LambdaAccountConcurrencyBudget: reserved concurrency in aws:\/\/123456789012\/us-east-1 is 901 executions, /);
  });

  test('counts two environments separately, and agnostic stacks as their own one', () => {
    const app = new App();
    fn(new Stack(app, 'East', { env: ENV }), 'F', 900);
    fn(new Stack(app, 'West', { env: { ...ENV, region: 'us-west-2' } }), 'F', 900);
    fn(new Stack(app, 'Agnostic'), 'F', 900);
    ConcurrencyBudget.enforce(app);
    expect(synthError(app)).toBeUndefined();
    expect(ConcurrencyBudget.environments(app).map(e => [e.environment, e.reservedConcurrency])).toEqual([
      ['aws://123456789012/us-east-1', 900], ['aws://123456789012/us-west-2', 900], ['aws://unknown-account/unknown-region', 900],
    ]);
  });

  test('skips tokens', () => {
    const app = new App();
    const stack = new Stack(app, 'A', { env: ENV });
    fn(stack, 'F1', 900);
    fn(stack, 'F2', new CfnParameter(stack, 'P', { type: 'Number' }).valueAsNumber);
    ConcurrencyBudget.enforce(app);
    expect(synthError(app)).toBeUndefined();
    expect(ConcurrencyBudget.report(app).find(f => f.functionPath === 'A/F2')).toMatchObject({ reservedIsToken: true, reservedConcurrency: undefined });
  });

  test('a raised account limit raises the budget', () => {
    const app = new App();
    fn(new Stack(app, 'A', { env: ENV }), 'F', 4_900);
    expect(ConcurrencyBudget.check(app, { accountConcurrencyLimit: 5_000 })).toEqual([]);
    expect(ConcurrencyBudget.check(app, { accountConcurrencyLimit: 4_999 })).toHaveLength(1);
  });

  test.each([
    [0, '0 executions'], [1_000_001, '1,000,001 executions'], [1_000.5, '1000.5 executions'],
  ])('refuses an account limit of %s under the same rule, in the library\'s form, and does not judge the budget with it', (accountConcurrencyLimit, shown) => {
    const app = new App();
    fn(new Stack(app, 'A', { env: ENV }), 'F1', 2_000_000);
    ConcurrencyBudget.enforce(app, { accountConcurrencyLimit });
    const message = `LambdaBlueprints-LambdaAccountConcurrencyBudget: accountConcurrencyLimit is ${shown}, allowed is a whole number 1–1,000,000 executions, `
      + 'because the account concurrency limit is 1,000 per region unless raised (new accounts may start lower); the concurrency budget is judged against it.';
    expect(synthError(app)).toBe(`Validation failed with the following errors:\n  [A] ${message}`);
    expect(ConcurrencyBudget.check(app, { accountConcurrencyLimit })).toEqual([message]);
  });

  test('an account limit out of range on an app without stacks: reported at the app, never thrown', () => {
    const app = new App();
    expect(() => ConcurrencyBudget.enforce(app, { accountConcurrencyLimit: 0 })).not.toThrow();
    expect(synthError(app)).toMatch(/^Validation failed with the following errors:\n {2}\[\] LambdaBlueprints-LambdaAccountConcurrencyBudget: accountConcurrencyLimit is 0 executions, /);
  });

  test('an account limit that is a token is never judged (nor the budget against it)', () => {
    const app = new App();
    const stack = new Stack(app, 'A', { env: ENV });
    fn(stack, 'F1', 5_000);
    const accountConcurrencyLimit = new CfnParameter(stack, 'Limit', { type: 'Number' }).valueAsNumber;
    ConcurrencyBudget.enforce(app, { accountConcurrencyLimit });
    expect(synthError(app)).toBeUndefined();
    expect(ConcurrencyBudget.check(app, { accountConcurrencyLimit })).toEqual([]);
    expect(ConcurrencyBudget.environments(app, { accountConcurrencyLimit })[0].maxReservable).toBe(900);
  });

  test('an account limit below 100 leaves nothing to reserve: an environment without reservations passes', () => {
    const app = new App();
    const stack = new Stack(app, 'A', { env: ENV });
    fn(stack, 'Free');
    expect(ConcurrencyBudget.check(app, { accountConcurrencyLimit: 50 })).toEqual([]);
    fn(stack, 'F1', 1);
    expect(ConcurrencyBudget.check(app, { accountConcurrencyLimit: 50 })).toEqual([expect.stringContaining('is 1 executions, allowed is at most 0 executions (account limit 50 − 100)')]);
  });

  test('counts L2 functions too', () => {
    const app = new App();
    const stack = new Stack(app, 'A', { env: ENV });
    new lambda.Function(stack, 'L2', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.h', code: lambda.Code.fromInline('x'), reservedConcurrentExecutions: 901 });
    expect(ConcurrencyBudget.check(app)).toEqual([expect.stringContaining('; reserved by A/L2/Resource.')]);
  });
});

describe('stream concurrency', () => {
  function streamApp(reserved?: number): { app: App; stack: Stack } {
    const app = new App();
    const stack = new Stack(app, 'A', { env: ENV });
    const f = fn(stack, 'F', reserved);
    const stream = new kinesis.CfnStream(stack, 'S', { shardCount: 4 });
    new lambda.CfnEventSourceMapping(stack, 'M', { functionName: f.ref, eventSourceArn: stream.attrArn, startingPosition: 'LATEST', parallelizationFactor: 3 });
    const consumer = new kinesis.CfnStreamConsumer(stack, 'C', { consumerName: 'c', streamArn: stream.attrArn });
    new lambda.CfnEventSourceMapping(stack, 'Efo', { functionName: f.ref, eventSourceArn: consumer.attrConsumerArn, startingPosition: 'LATEST' });
    new lambda.CfnEventSourceMapping(stack, 'Ddb', {
      functionName: f.ref, startingPosition: 'LATEST', eventSourceArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/x',
    });
    new lambda.CfnEventSourceMapping(stack, 'Q', { functionName: f.ref, eventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:q' });
    return { app, stack };
  }

  test('reports shards x parallelization factor per function (default factor 1), and unknown shard counts', () => {
    const { app } = streamApp();
    expect(ConcurrencyBudget.report(app)).toEqual([{
      functionPath: 'A/F',
      environment: 'aws://123456789012/us-east-1',
      reservedConcurrency: undefined,
      reservedIsToken: false,
      streamConcurrency: 4 * 3 + 4,
      streamSourcesWithUnknownShards: 1,
    }]);
  });

  test('reserved concurrency below the stream concurrency is the rule library\'s warning (reported once), not the budget\'s', () => {
    const { app, stack } = streamApp(15);
    ConcurrencyBudget.enforce(app);
    app.synth();
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
    const found = new LambdaBlueprintChecks().validateScope(app).violations.filter(v => v.ruleName === 'LambdaBlueprints-LambdaStreamConcurrency');
    expect(found.map(v => [v.description, v.violatingResources.map(r => r.constructPath)])).toEqual([[
      'reservedConcurrentExecutions (ReservedConcurrentExecutions) is 15, allowed is at least 16 (4 shards x ParallelizationFactor 3 + 4 shards x ParallelizationFactor 1), because batches beyond the reservation are throttled and the iterator age grows.',
      ['A/F'],
    ]]);
  });

  test('no warning at exactly the stream concurrency, or when acknowledged', () => {
    const a = streamApp(16);
    ConcurrencyBudget.enforce(a.app);
    a.app.synth();
    const b = streamApp(1);
    CoreAnnotations.of(b.stack).acknowledgeWarning('cdk-lambda-blueprints:ReservedBelowStreamConcurrency', 'drained slowly on purpose');
    ConcurrencyBudget.enforce(b.app);
    b.app.synth();
    for (const s of [a.stack, b.stack]) Annotations.fromStack(s).hasNoWarning('*', Match.anyValue());
  });
});
