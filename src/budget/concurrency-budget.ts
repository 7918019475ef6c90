import { CfnResource, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { fmt } from '../core/private/format';
import { spellProp } from '../core/private/language';
import { within } from '../core/private/within';
import { DEFAULTS, LIMITS, SERVICE_DEFAULTS } from '../limits';
import { describeRange } from '../rules/private/rule';
import { CfnEntry, StackIndexes, TemplateIndex, knownNumber } from '../rules/private/template-index';

/** Options of the concurrency budget. */
export interface ConcurrencyBudgetOptions {
  /**
   * The Lambda concurrency limit of every account and region the app deploys to. At most this limit minus
   * the 100 executions that must stay unreserved can be reserved across all functions of one environment.
   *
   * Between 100 and 1,000,000, whole executions.
   *
   * @default 1000 - the default account limit per region
   * @see https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html
   */
  readonly accountConcurrencyLimit?: number;
}

/** The concurrency one function reserves and the concurrency its stream sources need. */
export interface FunctionConcurrency {
  /** Construct path of the function's `AWS::Lambda::Function` resource. */
  readonly functionPath: string;
  /** The environment it deploys to, `aws://<account>/<region>` (`unknown-account`/`unknown-region` when agnostic). */
  readonly environment: string;
  /**
   * Reserved concurrent executions.
   * @default - none reserved, or a value unknown at synth (a token)
   */
  readonly reservedConcurrency?: number;
  /** Whether the reservation is a token (unknown at synth, left out of the budget). */
  readonly reservedIsToken: boolean;
  /** Sum over the function's Kinesis sources of active shards × parallelization factor (known sources only). */
  readonly streamConcurrency: number;
  /** Stream sources whose shard count is unknown at synth (DynamoDB Streams, on-demand or imported streams, tokens). */
  readonly streamSourcesWithUnknownShards: number;
}

/** Reserved concurrency summed over one account/region environment. */
export interface EnvironmentConcurrency {
  /** `aws://<account>/<region>`. */
  readonly environment: string;
  /** Sum of the known reservations. */
  readonly reservedConcurrency: number;
  /** The most that may be reserved: account limit − 100. */
  readonly maxReservable: number;
  /** Construct paths of the functions that reserve concurrency (known values only). */
  readonly reservingFunctions: string[];
}

const FUNCTION = 'AWS::Lambda::Function';
const MAPPING = 'AWS::Lambda::EventSourceMapping';

/**
 * The concurrency budget of an app: reserved concurrency summed per account/region environment over every
 * `AWS::Lambda::Function` (built with the blueprints or not), and the stream concurrency each function needs.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html
 */
export class ConcurrencyBudget {
  /**
   * Refuses, at synth, an app whose functions reserve more than the account limit − 100 in one environment.
   * (A function that reserves less than its streams need is the rule library's LambdaStreamConcurrency.)
   *
   * @param scope the app (or a stage): every function under it counts
   */
  public static enforce(scope: IConstruct, options: ConcurrencyBudgetOptions = {}): void {
    const limit = ConcurrencyBudget.limitOf(options);
    scope.node.addValidation({ validate: () => ConcurrencyBudget.check(scope, { accountConcurrencyLimit: limit }) });
  }

  /** The problems `enforce` would report, one message per environment over budget. */
  public static check(scope: IConstruct, options: ConcurrencyBudgetOptions = {}): string[] {
    const limit = ConcurrencyBudget.limitOf(options);
    return ConcurrencyBudget.environments(scope, options)
      .filter(e => e.reservedConcurrency > e.maxReservable)
      .map(e => `${e.environment}: reserved concurrency is ${fmt(e.reservedConcurrency)} executions, allowed is at most ${fmt(e.maxReservable)} (account limit ${fmt(limit)} − ${fmt(LIMITS.unreservedConcurrencyFloor.min)}), because ${LIMITS.unreservedConcurrencyFloor.reason}; reserved by ${e.reservingFunctions.join(', ')}.`);
  }

  /** Reserved concurrency summed per environment. */
  public static environments(scope: IConstruct, options: ConcurrencyBudgetOptions = {}): EnvironmentConcurrency[] {
    const maxReservable = ConcurrencyBudget.limitOf(options) - LIMITS.unreservedConcurrencyFloor.min;
    const byEnv = new Map<string, { total: number; paths: string[] }>();
    for (const f of ConcurrencyBudget.report(scope)) {
      const env = byEnv.get(f.environment) ?? { total: 0, paths: [] };
      byEnv.set(f.environment, env);
      if (f.reservedConcurrency === undefined) continue;
      env.total += f.reservedConcurrency;
      env.paths.push(f.functionPath);
    }
    return [...byEnv.entries()].map(([environment, e]) => ({
      environment, reservedConcurrency: e.total, maxReservable, reservingFunctions: e.paths,
    }));
  }

  /** The reserved and stream concurrency of every function under `scope`. */
  public static report(scope: IConstruct): FunctionConcurrency[] {
    return collect(scope).map(([, f]) => f);
  }

  private static limitOf(options: ConcurrencyBudgetOptions): number {
    const limit = options.accountConcurrencyLimit ?? DEFAULTS.accountConcurrencyLimit;
    const spec = LIMITS.accountConcurrency;
    if (!within(limit, spec)) {
      throw new Error(`ConcurrencyBudget: ${spellProp('accountConcurrencyLimit')} is ${fmt(limit)}, allowed is a whole number in ${describeRange(spec)}, because ${spec.reason}.`);
    }
    return limit;
  }

  private constructor() {}
}

/** Every function resource under `scope` with its concurrency facts. */
function collect(scope: IConstruct): Array<[CfnResource, FunctionConcurrency]> {
  const indexes = new StackIndexes();
  const functions = scope.node.findAll()
    .filter((c): c is CfnResource => CfnResource.isCfnResource(c) && c.cfnResourceType === FUNCTION)
    .map(c => indexes.entryOf(c));
  const streams = streamNeeds(scope, indexes);
  return functions.map(fn => {
    const reserved = fn.properties.ReservedConcurrentExecutions;
    const need = streams.get(fn.resource) ?? { concurrency: 0, unknown: 0 };
    return [fn.resource, {
      functionPath: fn.resource.node.path,
      environment: environmentOf(fn.resource),
      reservedConcurrency: knownNumber(reserved),
      reservedIsToken: reserved !== undefined && knownNumber(reserved) === undefined,
      streamConcurrency: need.concurrency,
      streamSourcesWithUnknownShards: need.unknown,
    }];
  });
}

/** `aws://<account>/<region>` of the stack of a resource. */
function environmentOf(resource: IConstruct): string {
  const stack = Stack.of(resource);
  const account = Token.isUnresolved(stack.account) ? 'unknown-account' : stack.account;
  const region = Token.isUnresolved(stack.region) ? 'unknown-region' : stack.region;
  return `aws://${account}/${region}`;
}

/** Stream concurrency (shards × parallelization factor) each function resource needs. */
function streamNeeds(scope: IConstruct, indexes: StackIndexes): Map<CfnResource, { concurrency: number; unknown: number }> {
  const needs = new Map<CfnResource, { concurrency: number; unknown: number }>();
  const mappings = scope.node.findAll().filter((c): c is CfnResource => CfnResource.isCfnResource(c) && c.cfnResourceType === MAPPING);
  for (const m of mappings) {
    const mapping = indexes.entryOf(m);
    const index = indexes.of(m);
    const fn = index.functionOf(mapping.properties.FunctionName);
    const shards = shardsOf(index, mapping);
    if (!fn || shards === null) continue;
    const need = needs.get(fn.resource) ?? { concurrency: 0, unknown: 0 };
    needs.set(fn.resource, need);
    const factorValue = mapping.properties.ParallelizationFactor;
    const factor = factorValue === undefined ? SERVICE_DEFAULTS.parallelizationFactor : knownNumber(factorValue);
    if (shards === undefined || factor === undefined) need.unknown += 1;
    else need.concurrency += shards * factor;
  }
  return needs;
}

const DYNAMODB_STREAM = /^arn:[^:]+:dynamodb:.*\/stream\//;
const KINESIS_STREAM = /^arn:[^:]+:kinesis:/;

/** Shards of a mapping's stream: a number, `undefined` when unknown, `null` when the source is no stream. */
function shardsOf(index: TemplateIndex, mapping: CfnEntry): number | undefined | null {
  const arn = mapping.properties.EventSourceArn;
  let target = index.target(arn);
  if (target?.type === 'AWS::Kinesis::StreamConsumer') {
    target = index.target(target.properties.StreamARN);
    if (!target) return undefined;
  }
  if (target?.type === 'AWS::Kinesis::Stream') return knownNumber(target.properties.ShardCount);
  if (target?.type === 'AWS::DynamoDB::Table' || target?.type === 'AWS::DynamoDB::GlobalTable') return undefined;
  if (target) return null;
  if (typeof arn === 'string' && (KINESIS_STREAM.test(arn) || DYNAMODB_STREAM.test(arn))) return undefined;
  return null;
}
