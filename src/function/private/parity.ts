import { IConstruct } from 'constructs';
import { LambdaFunctionPropsRefused } from '../../rules/inputs';
import { checkInputs } from '../../rules/private/inputs';

/**
 * How a `lambda.FunctionProps` prop (aws-cdk-lib 2.276, with `FunctionOptions` and
 * `EventInvokeConfigOptions`) is reached from `BlueprintFunctionProps`:
 * - `supported`: a `BlueprintFunctionProps` prop of the same name (`note`: what the blueprint adds);
 * - `replaced`: not a prop of the blueprint; `use` names what to use instead;
 * - `refused`: not reachable by design; `use` names the nearest way, `note` why.
 * test/function/parity.test.ts fails when aws-cdk-lib has a prop this table does not name, and the README
 * table "lambda.Function prop → BlueprintFunction" is rendered from it.
 */
export type ParityKind = 'supported' | 'replaced' | 'refused';

/** One row of the parity table. */
export interface PropParity {
  readonly kind: ParityKind;
  /** For `replaced` and `refused`: what to use instead. */
  readonly use?: string;
  /** Why, or what the blueprint does differently. */
  readonly note: string;
}

const S = (note: string): PropParity => ({ kind: 'supported', note });
const R = (use: string, note: string): PropParity => ({ kind: 'replaced', use, note });
const X = (use: string, note: string): PropParity => ({ kind: 'refused', use, note });

const ASYNC = 'asyncInvoke';
const ASYNC_NOTE = 'the blueprint applies asynchronous settings to what callers invoke (the alias once released), checked at synth';
const NETWORK = 'network (FunctionNetwork.privateEgress(vpc) / .isolated(vpc))';
const LOG_GROUP_NOTE = 'the blueprint creates a real log group (no LogRetention custom resource): pass your own in logGroup to change it';

/** Every prop of `lambda.FunctionProps` (aws-cdk-lib 2.276), in the .d.ts order. */
export const FUNCTION_PROP_PARITY: Readonly<Record<string, PropParity>> = {
  onFailure: R(ASYNC, ASYNC_NOTE),
  onSuccess: R(ASYNC, ASYNC_NOTE),
  maxEventAge: R(ASYNC, ASYNC_NOTE),
  retryAttempts: R(ASYNC, ASYNC_NOTE),
  description: S('≤ 256 characters'),
  timeout: S('default 30 s, written; whole seconds 1–900'),
  environment: S('keys and reserved names checked; ≤ 4 KB with the variables the construct adds'),
  functionName: S('1–64 characters, checked at synth'),
  memorySize: S('default 1,024 MB, written; 128–10,240'),
  ephemeralStorageSize: S('512–10,240 MB'),
  initialPolicy: S('added to the function\'s role'),
  role: S('default: its own role with inline least-privilege statements; a given role gets the same grants, and the rules read them from the template'),
  vpc: R(NETWORK, 'private subnets in two AZs or more, endpoints and explicit-egress security groups'),
  ipv6AllowedForDualStack: S('requires network (dual-stack subnets)'),
  vpcSubnets: R('network (FunctionNetworkOptions.subnets)', 'public subnets and subnets of another VPC are refused'),
  securityGroups: R('network (FunctionNetworkOptions.securityGroups)', 'at most 5, of the function\'s VPC'),
  allowAllOutbound: X('network with connectTo / fn.connectTo(target, port)', 'the blueprint\'s security group has explicit egress only'),
  allowAllIpv6Outbound: X('network with connectTo / fn.connectTo(target, port)', 'the blueprint\'s security group has explicit egress only'),
  deadLetterQueueEnabled: R('deadLetterQueueMode', 'a DLQ is always on: shared by the stack or one per function'),
  deadLetterQueue: S('default: the stack\'s shared encrypted, alarmed DLQ'),
  deadLetterTopic: S('instead of the DLQ queue'),
  tracing: S('default Tracing.ACTIVE'),
  snapStart: S('runtime checked at synth; use with deployment (published versions)'),
  profiling: S('CodeGuru Profiler; Java or Python runtimes'),
  profilingGroup: S('CodeGuru Profiler group the function publishes to'),
  insightsVersion: S('Lambda Insights layer and its AWS managed policy (acknowledged for cdk-nag)'),
  adotInstrumentation: S('ADOT layer and exec wrapper'),
  paramsAndSecrets: S('Parameters and Secrets extension layer (counted in the 5 layers)'),
  layers: S('kept in order; count, runtimes, architectures and 250 MB checked at synth'),
  reservedConcurrentExecutions: S('0 … accountConcurrencyLimit − 100'),
  events: S('bound to what callers invoke (the alias once released)'),
  logRetention: S('default one month, on the blueprint\'s own log group (no custom resource)'),
  logRemovalPolicy: R('logGroup, or applyRemovalPolicy()', 'deprecated in aws-cdk-lib; ' + LOG_GROUP_NOTE),
  logRetentionRole: X('logGroup', 'deprecated LogRetention custom resource; ' + LOG_GROUP_NOTE),
  logRetentionRetryOptions: X('logGroup', 'deprecated LogRetention custom resource; ' + LOG_GROUP_NOTE),
  currentVersionOptions: S('options of the version deployment publishes'),
  filesystem: R('fileSystem (FunctionFileSystem)', 'EFS access point in the network\'s VPC, NFS opened at synth'),
  allowPublicSubnet: X('network (private subnets)', 'a function in a public subnet has no internet access: refused'),
  environmentEncryption: S('a kms.IKey'),
  codeSigningConfig: S('or a BlueprintStandards default'),
  architecture: S('default arm64'),
  runtimeManagementMode: S('default Auto, written (not for container images)'),
  tenancyConfig: S('no SnapStart, function URLs, provisioned concurrency or non-API event sources'),
  durableConfig: S('the role gets checkpoint permissions on the function\'s versions; released through an alias by default, so triggers invoke a qualified ARN'),
  logGroup: S('default: the blueprint\'s own log group, written as LoggingConfig.LogGroup'),
  logFormat: R('loggingFormat', 'deprecated in aws-cdk-lib'),
  loggingFormat: S('default JSON'),
  recursiveLoop: S('default Terminate, written'),
  applicationLogLevel: R('applicationLogLevelV2', 'deprecated in aws-cdk-lib'),
  applicationLogLevelV2: S('default INFO on runtimes whose logger writes JSON'),
  systemLogLevel: R('systemLogLevelV2', 'deprecated in aws-cdk-lib'),
  systemLogLevelV2: S('default INFO'),
  runtime: S('or a BlueprintStandards default; deprecated runtimes refused'),
  code: S('BlueprintCode or any lambda.Code'),
  handler: S('format checked per runtime'),
};

/** The props a BlueprintFunction refuses, with what to use instead (replaced and refused rows). */
export function refusedFunctionProps(): Array<[string, PropParity]> {
  return Object.entries(FUNCTION_PROP_PARITY).filter(([, p]) => p.kind !== 'supported');
}

/**
 * A JavaScript or Python user can pass keys `BlueprintFunctionProps` does not declare: a `lambda.Function`
 * prop the blueprint replaces or refuses is reported at synth instead of being silently dropped.
 */
export function refuseFunctionProps(scope: IConstruct, props: object): void {
  const given = refusedFunctionProps().filter(([name]) => (props as Record<string, unknown>)[name] !== undefined);
  if (!given.length) return;
  checkInputs(scope, LambdaFunctionPropsRefused, p => {
    for (const [name, parity] of given) {
      p.add(name, 'set (a lambda.Function prop that BlueprintFunction does not take)', `${parity.use} instead`, parity.note);
    }
  });
}

/** The README table "lambda.Function prop → BlueprintFunction", rendered from FUNCTION_PROP_PARITY. */
export function parityTableMarkdown(): string {
  const rows = Object.entries(FUNCTION_PROP_PARITY).map(([name, p]) => {
    const how = p.kind === 'supported' ? 'supported' : `${p.kind === 'replaced' ? 'replaced by' : 'refused, use'} \`${p.use}\``;
    return `| \`${name}\` | ${how} | ${p.note} |`;
  });
  return ['| lambda.Function prop | BlueprintFunction | notes |', '|---|---|---|', ...rows].join('\n');
}
