import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { IConstruct } from 'constructs';
import { FunctionDeploymentOptions } from '../../deployment/options';
import { isHookFunction } from '../../deployment/private/hook-function';
import { DEFAULT_ALIAS_NAME } from '../../deployment/release';
import { DEFAULTS, MANAGED_INSTANCES_FACTS } from '../../limits';
import { FunctionNetwork } from '../../network/function-network';
import { LambdaHandler } from '../../rules/function/handler';
import { reportInput } from '../../rules/private/enforce';
import { PROVENANCE_METADATA, Provenance, resolve, standardLabel, standardsInForce } from '../../standards/private/registry';
import { BlueprintFunctionProps } from '../blueprint-function-props';

/** The template metadata key under which a function records its standards and where its values came from. */

/** The settings of a BlueprintFunction after props, standards and library defaults, each with its origin. */
export interface FunctionSettings {
  readonly runtime: Provenance<lambda.Runtime>;
  readonly memorySize: Provenance<number>;
  readonly timeout: Provenance<Duration>;
  readonly architecture: Provenance<lambda.Architecture>;
  readonly logRetention: Provenance<logs.RetentionDays>;
  readonly tracing: Provenance<lambda.Tracing>;
  readonly environmentEncryption: Provenance<kms.IKey | undefined>;
  readonly logGroupEncryptionKey: Provenance<kms.IKey | undefined>;
  readonly reservedConcurrentExecutions: Provenance<number | undefined>;
  readonly network: Provenance<FunctionNetwork | undefined>;
  readonly deployment: Provenance<FunctionDeploymentOptions | undefined>;
  readonly codeSigningConfig: Provenance<lambda.ICodeSigningConfig | undefined>;
  readonly permissionsBoundary: Provenance<iam.IManagedPolicy | undefined>;
}

/**
 * Resolves a BlueprintFunction's settings: the prop when given, else the nearest standard's default,
 * else the library's default. A deployment hook's own function takes no standard release (it runs during
 * the release of another function).
 */
export function functionSettings(fn: IConstruct, props: BlueprintFunctionProps): FunctionSettings {
  const hook = isHookFunction(fn);
  return {
    runtime: runtimeOf(fn, props),
    // On Lambda Managed Instances the library's default is the smallest size they run (2,048 MB).
    memorySize: resolve(fn, 'memorySize', props.memorySize, props.capacityProvider ? MANAGED_INSTANCES_FACTS.minMemoryMb : DEFAULTS.memorySize) as Provenance<number>,
    timeout: resolve(fn, 'timeout', props.timeout, Duration.seconds(DEFAULTS.timeoutSeconds)) as Provenance<Duration>,
    architecture: resolve(fn, 'architecture', props.architecture, lambda.Architecture.ARM_64) as Provenance<lambda.Architecture>,
    logRetention: resolve(fn, 'logRetention', props.logRetention, logs.RetentionDays.ONE_MONTH) as Provenance<logs.RetentionDays>,
    tracing: resolve(fn, 'tracing', props.tracing, lambda.Tracing.ACTIVE) as Provenance<lambda.Tracing>,
    environmentEncryption: resolve(fn, 'environmentEncryptionKey', props.environmentEncryption, undefined),
    logGroupEncryptionKey: resolve(fn, 'logGroupEncryptionKey', undefined, undefined),
    reservedConcurrentExecutions: resolve(fn, 'reservedConcurrentExecutions', props.reservedConcurrentExecutions, undefined),
    network: resolve(fn, 'network', props.network, undefined),
    // A durable function is released through an alias by default: its triggers then invoke a qualified ARN.
    deployment: hook ? { value: props.deployment, source: props.deployment ? 'prop' : 'library default' } : resolve(fn, 'deployment', props.deployment, props.durableConfig ? {} : undefined),
    codeSigningConfig: resolve(fn, 'codeSigningConfig', props.codeSigningConfig, undefined),
    permissionsBoundary: resolve(fn, 'permissionsBoundary', undefined, undefined),
  };
}

/** The runtime: the prop, else the nearest standard's; without either, reported (a placeholder keeps aws-cdk-lib going). */
function runtimeOf(fn: IConstruct, props: BlueprintFunctionProps): Provenance<lambda.Runtime> {
  const r = resolve(fn, 'runtime', props.runtime, undefined);
  if (r.value !== undefined) return r as Provenance<lambda.Runtime>;
  reportInput(fn, LambdaHandler, {
    property: 'runtime',
    value: 'not set',
    allowed: 'a lambda.Runtime, given as a prop or as a BlueprintStandards default',
    reason: 'Lambda runs the handler on the runtime the function names',
  });
  return { value: lambda.Runtime.NODEJS_LATEST, source: 'missing' };
}

/**
 * Records, on the function's template resource, the standards in force and where each setting came from
 * (read by the blueprint report and the synth summary). Only functions under a standard carry it, so that
 * templates without standards stay as they were.
 */
export function recordProvenance(fn: IConstruct, cfn: lambda.CfnFunction, settings: FunctionSettings): void {
  const standards = standardsInForce(fn);
  if (!standards.length) return;
  const values: Record<string, { value: string; source: string }> = {};
  for (const [key, p] of Object.entries(settings) as Array<[string, Provenance<unknown>]>) {
    values[key] = { value: printed(p.value, UNITS[key]), source: p.source };
  }
  cfn.addMetadata(PROVENANCE_METADATA, { standards: standards.map(standardLabel), settings: values });
}

const UNITS: Record<string, string> = { memorySize: 'MB', logRetention: 'days' };

function printed(value: unknown, unit?: string): string {
  if (value === undefined) return 'not set';
  if (typeof value === 'number' && unit) return `${value} ${unit}`;
  if (value instanceof Duration) return value.toHumanString();
  if (value instanceof lambda.Architecture || value instanceof lambda.Runtime) return value.name;
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  const path = (value as { node?: { path?: string } }).node?.path;
  if (path !== undefined) return path;
  if (value instanceof FunctionNetwork) return 'VPC placement';
  const release = value as FunctionDeploymentOptions;
  if (typeof release === 'object' && ('strategy' in release || 'aliasName' in release)) {
    return `alias ${release.aliasName ?? DEFAULT_ALIAS_NAME}${release.strategy ? `, CodeDeploy ${release.strategy.name}` : ''}`;
  }
  return 'set';
}
