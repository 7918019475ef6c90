import { Aspects, CfnResource, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { fmt } from '../core/private/format';
import { enclosingStack } from '../core/private/stack-registry';
import { isToken } from '../core/private/tokens';
import { DEFAULTS, LIMITS, SERVICE_DEFAULTS } from '../limits';
import { LambdaAccountConcurrencyBudget } from '../rules/inputs';
import { reportAtSynth, reportStackAtSynth } from '../rules/private/enforce';
import { fullId } from '../rules/private/engine';
import { checkLimit, Finding, messageOf } from '../rules/private/rule';
import { CfnEntry, StackIndexes, TemplateIndex, knownNumber } from '../rules/private/template-index';

/** Options of the concurrency budget. */
export interface ConcurrencyBudgetOptions {
  /**
   * The Lambda concurrency limit of every account and region the app deploys to. At most this limit minus
   * the 100 executions that must stay unreserved can be reserved across all functions of one environment.
   *
   * Between 1 and 1,000,000, whole executions (new accounts may start below 100: then nothing can be reserved).
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
  /** The most that may be reserved: account limit − 100 (never below 0). */
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
   * Refuses, at synth, an app whose functions reserve more than the account limit − 100 in one environment,
   * under the rule `LambdaBlueprints-LambdaAccountConcurrencyBudget`: reported at the first stack of the
   * environment (at `scope` itself for the stacks of a stage added after this call), and acknowledged there.
   * An `accountConcurrencyLimit` out of range is reported under the same rule (and the budget is not judged);
   * a token is never judged.
   * (A function that reserves less than its streams need is the rule library's LambdaStreamConcurrency.)
   *
   * @param scope the app (or a stage): every function under it counts
   */
  public static enforce(scope: IConstruct, options: ConcurrencyBudgetOptions = {}): void {
    const hooked = new Set<Stack>();
    const hook = (stack: Stack) => {
      if (hooked.has(stack)) return;
      hooked.add(stack);
      reportStackAtSynth(stack, LambdaAccountConcurrencyBudget, () => budgetFindings(scope, options, hooked, stack));
    };
    stacksUnder(scope).forEach(hook);
    // Stacks added later (aspects run before validation; they stop at nested stages).
    Aspects.of(scope).add({ visit: c => { if (Stack.isStack(c)) hook(c); } });
    // What no hooked stack reports (no stack at all, or only those of a stage added later): at the scope.
    reportAtSynth(scope, LambdaAccountConcurrencyBudget, () => budgetFindings(scope, options, hooked, undefined));
  }

  /**
   * The problems `enforce` reports, as the synth prints them after the path
   * (`LambdaBlueprints-LambdaAccountConcurrencyBudget: reserved concurrency in aws://… is …`): one per
   * environment over budget, or the account limit's when it is out of range.
   */
  public static check(scope: IConstruct, options: ConcurrencyBudgetOptions = {}): string[] {
    const limit = usableLimit(options);
    const findings = [...limitFindings(options), ...(limit === undefined ? [] : ConcurrencyBudget.environments(scope, options)
      .filter(e => e.reservedConcurrency > e.maxReservable).map(e => overBudget(e, limit)))];
    return findings.map(f => `${fullId(LambdaAccountConcurrencyBudget)}: ${messageOf(f)}`);
  }

  /**
   * Reserved concurrency summed per environment (against the default account limit when the one given is
   * a token or out of range).
   */
  public static environments(scope: IConstruct, options: ConcurrencyBudgetOptions = {}): EnvironmentConcurrency[] {
    return sumByEnvironment(ConcurrencyBudget.report(scope), usableLimit(options) ?? DEFAULTS.accountConcurrencyLimit);
  }

  /** The reserved and stream concurrency of every function under `scope`. */
  public static report(scope: IConstruct): FunctionConcurrency[] {
    return collect(scope).map(([, f]) => f);
  }

  private constructor() {}
}

/** The account limit to judge the budget against: none when it is a token (unknown) or out of range (reported). */
function usableLimit(options: ConcurrencyBudgetOptions): number | undefined {
  const limit = options.accountConcurrencyLimit ?? DEFAULTS.accountConcurrencyLimit;
  return isToken(limit) || limitFindings(options).length > 0 ? undefined : limit;
}

/** The account limit's problem, in the rule library's form (a token passes). */
function limitFindings(options: ConcurrencyBudgetOptions): Finding[] {
  const spec = LIMITS.accountConcurrency;
  return checkLimit('accountConcurrencyLimit', options.accountConcurrencyLimit, spec)
    .map(f => ({ ...f, reason: `${spec.reason}; the concurrency budget is judged against it` }));
}

/** The finding of an environment over budget. */
function overBudget(e: EnvironmentConcurrency, limit: number): Finding {
  const floor = LIMITS.unreservedConcurrencyFloor;
  return {
    property: `reserved concurrency in ${e.environment}`,
    value: `${fmt(e.reservedConcurrency)} executions`,
    allowed: `at most ${fmt(e.maxReservable)} executions (account limit ${fmt(limit)} − ${fmt(floor.min)})`,
    reason: `${floor.reason}; reserved by ${e.reservingFunctions.join(', ')}`,
  };
}

/** Reserved concurrency summed per environment (`maxReservable`: the limit − 100, never below 0). */
function sumByEnvironment(functions: FunctionConcurrency[], limit: number): EnvironmentConcurrency[] {
  const maxReservable = Math.max(0, limit - LIMITS.unreservedConcurrencyFloor.min);
  const byEnv = new Map<string, { total: number; paths: string[] }>();
  for (const f of functions) {
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

/**
 * The findings `enforce` reports at `at` (a stack; undefined: the scope itself): the limit's at the first
 * hooked stack, each environment's at the first hooked stack that deploys to it. Only the functions of
 * the environments reported here are read.
 */
function budgetFindings(scope: IConstruct, options: ConcurrencyBudgetOptions, hooked: ReadonlySet<Stack>, at: Stack | undefined): Finding[] {
  const stacks = stacksUnder(scope);
  const reporter = (group: Stack[]) => group.find(s => hooked.has(s));
  const out = reporter(stacks) === at ? limitFindings(options) : [];
  const limit = usableLimit(options);
  if (limit === undefined) return out;
  const environments = new Map<string, Stack[]>();
  for (const stack of stacks) {
    const env = environmentOf(stack);
    environments.set(env, [...environments.get(env) ?? [], stack]);
  }
  const mine = new Set([...environments.values()].filter(group => reporter(group) === at).flat());
  if (mine.size === 0) return out;
  const indexes = new StackIndexes();
  const functions = functionsUnder(scope).filter(fn => mine.has(Stack.of(fn))).map(fn => facts(fn, indexes.entryOf(fn), NO_STREAMS));
  for (const e of sumByEnvironment(functions, limit)) if (e.reservedConcurrency > e.maxReservable) out.push(overBudget(e, limit));
  return out;
}

/** The stacks that hold the functions under `scope`: the one it is in, and those under it. */
function stacksUnder(scope: IConstruct): Stack[] {
  const own = enclosingStack(scope);
  const out: Stack[] = own ? [own] : [];
  for (const c of scope.node.findAll()) if (Stack.isStack(c) && c !== own) out.push(c);
  return out;
}

/** The function resources under `scope`. */
function functionsUnder(scope: IConstruct): CfnResource[] {
  return scope.node.findAll().filter((c): c is CfnResource => CfnResource.isCfnResource(c) && c.cfnResourceType === FUNCTION);
}

const NO_STREAMS = { concurrency: 0, unknown: 0 };

/** One function's concurrency facts. */
function facts(resource: CfnResource, fn: CfnEntry, need: { concurrency: number; unknown: number }): FunctionConcurrency {
  const reserved = fn.properties.ReservedConcurrentExecutions;
  return {
    functionPath: resource.node.path,
    environment: environmentOf(resource),
    reservedConcurrency: knownNumber(reserved),
    reservedIsToken: reserved !== undefined && knownNumber(reserved) === undefined,
    streamConcurrency: need.concurrency,
    streamSourcesWithUnknownShards: need.unknown,
  };
}

/** Every function resource under `scope` with its concurrency facts. */
function collect(scope: IConstruct): Array<[CfnResource, FunctionConcurrency]> {
  const indexes = new StackIndexes();
  const streams = streamNeeds(scope, indexes);
  return functionsUnder(scope).map(fn => [fn, facts(fn, indexes.entryOf(fn), streams.get(fn) ?? NO_STREAMS)]);
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
