import { App, CfnParameter, Duration, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as fc from 'fast-check';
import { OUR_LINE } from './modes';
import { BlueprintFunction, QueueSource, QueueToFunction, S3ToFunction } from '../../src';

// The inputs issue 28 listed as wrong answers, drawn together at random: whatever the mix, a synth either
// passes or fails with every line under a rule id in our message form, the valid ones among them are never
// refused, and the wrong ones are always reported (so they stay fixed).


interface Case {
  /** A valid handler form AWS documents (must never be refused). */
  readonly handler: 'dotnet-exe' | 'ruby-class' | 'node';
  /** accountConcurrencyLimit, valid from 1 (new accounts get reduced quotas). */
  readonly accountLimit?: number;
  /** QueueToFunction's maxReceiveCount (5–1,000 for a queue it creates). */
  readonly maxReceiveCount?: number;
  /** messageAgeThreshold in ms (CloudWatch takes fractions of a second). */
  readonly messageAgeMillis?: number;
  /** An imported FIFO queue (known by its .fifo ARN) with this batch size and window. */
  readonly fifo?: { readonly batchSize: number; readonly windowSeconds: number };
  /** Provisioned concurrency from a CfnParameter together with weighted routing. */
  readonly paramProvisionedWithWeights: boolean;
  /** A plain lambda.Function that may write the bucket an S3ToFunction notifies it from. */
  readonly selfTrigger?: boolean;
}

const caseArb: fc.Arbitrary<Case> = fc.record({
  handler: fc.constantFrom<Case['handler']>('dotnet-exe', 'ruby-class', 'node'),
  accountLimit: fc.option(fc.oneof(fc.integer({ min: -5, max: 2_000 }), fc.constantFrom(0, 1, 10, 1.5)), { nil: undefined }),
  maxReceiveCount: fc.option(fc.oneof(fc.integer({ min: -2, max: 1_100 }), fc.constantFrom(0, 4, 5, 2.5, NaN)), { nil: undefined }),
  messageAgeMillis: fc.option(fc.constantFrom(500, 1_500, 60_000, 90_500), { nil: undefined }),
  fifo: fc.option(fc.record({ batchSize: fc.constantFrom(1, 10, 11, 100), windowSeconds: fc.constantFrom(0, 30) }), { nil: undefined }),
  paramProvisionedWithWeights: fc.boolean(),
  selfTrigger: fc.option(fc.boolean(), { nil: undefined }),
}, { requiredKeys: ['handler', 'paramProvisionedWithWeights'] });

const HANDLERS = {
  'dotnet-exe': { runtime: lambda.Runtime.DOTNET_8, handler: 'GetProductHandler' },
  'ruby-class': { runtime: lambda.Runtime.RUBY_3_4, handler: 'source.LambdaFunctions::Handler.process' },
  'node': { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler' },
};

function build(c: Case): Stack {
  const stack = new Stack(new App(), 'P', { env: { account: '123456789012', region: 'us-east-1' } });
  const code = lambda.Code.fromBucket(s3.Bucket.fromBucketName(stack, 'CodeBucket', 'code-bucket'), 'k.zip', 'v1');
  const fn = new BlueprintFunction(stack, 'Fn', {
    ...HANDLERS[c.handler],
    code,
    accountConcurrencyLimit: c.accountLimit,
    deployment: c.paramProvisionedWithWeights ? {
      provisionedConcurrency: new CfnParameter(stack, 'Provisioned', { type: 'Number' }).valueAsNumber,
      weightedRouting: { version: lambda.Version.fromVersionArn(stack, 'V', 'arn:aws:lambda:us-east-1:123456789012:function:f:1'), weight: 0.1 },
    } : undefined,
  });
  if (c.maxReceiveCount !== undefined || c.messageAgeMillis !== undefined) {
    new QueueToFunction(stack, 'Jobs', {
      function: fn,
      maxReceiveCount: c.maxReceiveCount,
      sourceOptions: c.messageAgeMillis === undefined ? undefined : { messageAgeThreshold: Duration.millis(c.messageAgeMillis) },
    });
  }
  if (c.fifo) {
    const queue = sqs.Queue.fromQueueArn(stack, 'Fifo', 'arn:aws:sqs:us-east-1:123456789012:jobs.fifo');
    fn.addEventSource(new QueueSource(queue, { batchSize: c.fifo.batchSize, maxBatchingWindow: Duration.seconds(c.fifo.windowSeconds) }));
  }
  if (c.selfTrigger !== undefined) {
    const plain = new lambda.Function(stack, 'Plain', { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => 1;') });
    const bucket = new s3.Bucket(stack, 'Bucket', { versioned: true, enforceSSL: true });
    if (c.selfTrigger) bucket.grantWrite(plain);
    new S3ToFunction(stack, 'Trigger', { function: plain, bucket });
  }
  return stack;
}

function synthLines(stack: Stack): string[] {
  try {
    (stack.node.root as App).synth();
    return [];
  } catch (e) {
    const message = (e as Error).message;
    if (!message.startsWith('Validation failed with the following errors:')) throw new Error(`synth threw something else than our report: ${message.split('\n')[0]}`);
    return message.split('\n').slice(1).map(l => l.trim()).filter(Boolean);
  }
}

test('issue 28\'s inputs, mixed at random: our message form with a rule id, valid ones accepted, wrong ones always reported', () => {
  fc.assert(fc.property(caseArb, c => {
    const lines = synthLines(build(c));
    const context = ` for ${JSON.stringify(c)}:\n${lines.join('\n')}`;
    for (const line of lines) {
      if (!OUR_LINE.test(line) || line.includes('[object Object]')) throw new Error(`not our message form: ${line}${context}`);
    }
    const has = (id: string) => lines.some(l => l.includes(`LambdaBlueprints-${id}:`));
    // Valid input is never refused.
    if (has('LambdaHandler')) throw new Error(`a documented handler form was refused${context}`);
    const limitValid = c.accountLimit === undefined || (Number.isInteger(c.accountLimit) && c.accountLimit >= 1 && c.accountLimit <= 1_000_000);
    if (limitValid && lines.some(l => l.includes('accountConcurrencyLimit'))) throw new Error(`a valid accountConcurrencyLimit was refused${context}`);
    if (lines.some(l => /messageAgeThreshold/.test(l))) throw new Error(`a messageAgeThreshold CloudWatch takes was refused${context}`);
    // Wrong input is always reported, under its rule.
    const n = c.maxReceiveCount;
    const receiveValid = n === undefined || (Number.isInteger(n) && n >= 5 && n <= 1_000);
    if (!receiveValid && !has('SqsSourceMaxReceiveCount')) {
      throw new Error(`maxReceiveCount ${c.maxReceiveCount} was not reported${context}`);
    }
    if (!limitValid && !lines.some(l => l.includes('accountConcurrencyLimit'))) throw new Error(`accountConcurrencyLimit ${c.accountLimit} was not reported${context}`);
    if (c.fifo && (c.fifo.batchSize > 10 || c.fifo.windowSeconds > 0) && !lines.some(l => /jobs\.fifo|FIFO|fifo/.test(l))) {
      throw new Error(`an imported FIFO queue's batch ${c.fifo.batchSize} / window ${c.fifo.windowSeconds} s was not reported${context}`);
    }
    if (c.paramProvisionedWithWeights && !has('LambdaAliasRouting')) throw new Error(`provisioned concurrency with weighted routing was not reported${context}`);
    if (c.selfTrigger === true && !has('S3NotificationSelfTrigger')) throw new Error(`the self-triggering bucket was not reported${context}`);
    if (c.selfTrigger !== undefined && !has('LambdaAsyncFailurePath')) throw new Error(`the plain function's missing failure path was not reported${context}`);
  }), { numRuns: Number(process.env.PROPERTY_RUNS ?? 60), seed: Number(process.env.PROPERTY_SEED ?? 20261206) });
});
