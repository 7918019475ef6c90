import { SizeRoundingBehavior } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { usableCode, usableFunctionName, usableTimeout, writeRefusedValues } from './function-inputs';
import { FunctionSettings } from './standard-settings';
import { codeKindProblem, isImageCode } from '../../code/private/image-code';
import { TargetedCode } from '../../code/private/targeted-code';
import { FunctionLayers } from '../../layers/private/function-layers';
import { LOGGING_FACTS } from '../../limits';
import { PlacedNetwork } from '../../network/private/placement';
import { LambdaLoggingConfig } from '../../rules/function/logging-config';
import { LambdaNetworkPlacement, LambdaSnapStartRuntime } from '../../rules/inputs';
import { SNAPSTART_RUNTIMES } from '../../rules/inputs/snapstart-runtime';
import { LambdaImageUri } from '../../rules/package/image-uri';
import { reportInput } from '../../rules/private/enforce';
import { BlueprintFunctionProps } from '../blueprint-function-props';

/** What a BlueprintFunction's `lambda.Function` is built from, besides its props and settings. */
export interface LambdaFunctionParts {
  readonly role: iam.IRole;
  readonly logGroup: logs.ILogGroup;
  readonly placed: PlacedNetwork;
  readonly deadLetterQueue?: sqs.IQueue;
  readonly deadLetterTopic?: sns.ITopic;
}

/** The built function, its layers, and whether its code is a bundle with a source map (BlueprintCode.fromEntry). */
export interface BuiltLambdaFunction {
  readonly function: lambda.Function;
  readonly layers: FunctionLayers;
  readonly sourceMapped: boolean;
}

/** The execution role (given, or the function's own) and the log group (given, or the function's own). */
export function createRoleAndLogGroup(
  scope: Construct, std: FunctionSettings, props: BlueprintFunctionProps): { role: iam.IRole; ownRole: boolean; logGroup: logs.ILogGroup } {
  let role: iam.IRole;
  if (props.role) {
    role = props.role;
    // A role of the app takes the standard's boundary too (an imported role has no template to carry it).
    if (std.permissionsBoundary.value) iam.PermissionsBoundary.of(role).apply(std.permissionsBoundary.value);
  } else {
    role = new iam.Role(scope, 'ServiceRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      permissionsBoundary: std.permissionsBoundary.value,
      description: `Execution role of ${scope.node.path} (inline least-privilege statements only)`,
    });
  }
  if (props.logGroup && props.logRetention !== undefined) {
    reportInput(scope, LambdaLoggingConfig, {
      property: 'logRetention',
      value: `${props.logRetention} days with a logGroup of your own`,
      allowed: 'logRetention without logGroup, or the retention set on your log group',
      reason: 'logRetention applies to the log group the blueprint creates, which logGroup replaces',
    });
  }
  const logGroup = props.logGroup ?? new logs.LogGroup(scope, 'LogGroup', {
    retention: std.logRetention.value,
    encryptionKey: std.logGroupEncryptionKey.value,
  });
  return { role, ownRole: !props.role, logGroup };
}

/**
 * Creates the `lambda.Function` (id `Function`) under `scope`, then its layers. Values aws-cdk-lib would
 * throw on are written into the template afterwards, where the rules report them with the others.
 */
export function createLambdaFunction(
  scope: Construct, props: BlueprintFunctionProps, std: FunctionSettings, parts: LambdaFunctionParts): BuiltLambdaFunction {
  const { code, sourceMapped } = usableCode(scope, props);
  // A runtime or handler of the wrong kind of code: reported at synth (rule LambdaImageUri); aws-cdk-lib, which would
  // throw, gets values that fit the code.
  const image = isImageCode(code);
  const kindProblem = codeKindProblem(image, std.runtime.value, props.handler);
  if (kindProblem) reportInput(scope, LambdaImageUri, kindProblem);
  const timeout = usableTimeout(scope, std.timeout.value);
  const functionName = usableFunctionName(props.functionName);
  const runtime = !kindProblem ? std.runtime.value : image ? lambda.Runtime.FROM_IMAGE : lambda.Runtime.NODEJS_LATEST;
  const snapStart = props.snapStart && (runtime === lambda.Runtime.FROM_IMAGE || runtime.supportsSnapStart) ? props.snapStart : undefined;
  if (props.snapStart && !snapStart) {
    reportInput(scope, LambdaSnapStartRuntime, {
      property: 'snapStart',
      value: `set on runtime ${JSON.stringify(runtime.name)}`,
      allowed: `a runtime with SnapStart (${SNAPSTART_RUNTIMES})`,
      reason: 'Lambda refuses SnapStart on other runtimes',
    });
  }
  const fn = new lambda.Function(scope, 'Function', {
    ...parts.placed.functionProps,
    snapStart,
    runtime,
    handler: !kindProblem ? props.handler : image ? lambda.Handler.FROM_IMAGE : 'index.handler',
    code,
    memorySize: std.memorySize.value,
    timeout: timeout.timeout,
    architecture: std.architecture.value,
    description: props.description,
    functionName: functionName.name,
    reservedConcurrentExecutions: std.reservedConcurrentExecutions.value,
    tracing: std.tracing.value,
    role: parts.role,
    logGroup: parts.logGroup,
    ...loggingSettings(scope, props, runtime),
    recursiveLoop: props.recursiveLoop ?? lambda.RecursiveLoop.TERMINATE,
    // An image's runtime changes only when it is rebuilt: runtime management is not written for it.
    runtimeManagementMode: props.runtimeManagementMode ?? (runtime === lambda.Runtime.FROM_IMAGE ? undefined : lambda.RuntimeManagementMode.AUTO),
    paramsAndSecrets: props.paramsAndSecrets,
    insightsVersion: props.insightsVersion,
    adotInstrumentation: props.adotInstrumentation,
    profiling: props.profiling,
    profilingGroup: props.profilingGroup,
    ipv6AllowedForDualStack: parts.placed.functionProps.vpc ? props.ipv6AllowedForDualStack : undefined,
    currentVersionOptions: props.currentVersionOptions,
    tenancyConfig: props.tenancyConfig,
    durableConfig: props.durableConfig,
    environmentEncryption: std.environmentEncryption.value,
    codeSigningConfig: std.codeSigningConfig.value,
    initialPolicy: props.initialPolicy,
    deadLetterQueue: parts.deadLetterQueue,
    deadLetterTopic: parts.deadLetterTopic,
  });
  if (props.ipv6AllowedForDualStack !== undefined && !std.network.value) {
    reportInput(scope, LambdaNetworkPlacement, {
      property: 'ipv6AllowedForDualStack',
      value: `${props.ipv6AllowedForDualStack} without network`,
      allowed: 'ipv6AllowedForDualStack with network (FunctionNetwork.privateEgress(vpc) or .isolated(vpc)) in dual-stack subnets',
      reason: 'it lets the function\'s ENIs send IPv6 traffic, and only a function in a VPC has ENIs',
    });
  }
  const cfn = fn.node.defaultChild as lambda.CfnFunction;
  writeRefusedValues(scope, cfn, props, { timeout: timeout.refused, functionName: functionName.refused });
  const layers = new FunctionLayers(scope, fn, props.code instanceof TargetedCode ? code : props.code);
  layers.add(props.layers ?? []);
  // Ephemeral storage goes straight to the template so that a bad value is reported with the others.
  if (props.ephemeralStorageSize) {
    cfn.ephemeralStorage = { size: props.ephemeralStorageSize.toMebibytes({ rounding: SizeRoundingBehavior.NONE }) };
  }
  return { function: fn, layers, sourceMapped };
}

/**
 * The logging settings: JSON by default, with application level INFO on runtimes whose built-in logger
 * writes JSON and system level INFO. A level with TEXT (aws-cdk-lib would throw) is reported at synth.
 */
function loggingSettings(scope: Construct, props: BlueprintFunctionProps, runtime: lambda.Runtime): Partial<lambda.FunctionProps> {
  const loggingFormat = props.loggingFormat ?? lambda.LoggingFormat.JSON;
  if (loggingFormat !== lambda.LoggingFormat.JSON) {
    const levels = [['applicationLogLevelV2', props.applicationLogLevelV2], ['systemLogLevelV2', props.systemLogLevelV2]].filter(([, v]) => v !== undefined);
    // aws-cdk-lib would throw on a level with TEXT: reported with the rule of the logging settings instead.
    for (const [name, value] of levels) {
      reportInput(scope, LambdaLoggingConfig, {
        property: name!,
        value: `${value} with loggingFormat ${loggingFormat}`,
        allowed: 'a log level with LoggingFormat.JSON, or no level with TEXT',
        reason: 'Lambda filters logs by level only when they are JSON',
      });
    }
    return { loggingFormat };
  }
  const jsonLogger = LOGGING_FACTS.jsonApplicationLogRuntimes.test(runtime.name);
  return {
    loggingFormat,
    applicationLogLevelV2: props.applicationLogLevelV2 ?? (jsonLogger ? lambda.ApplicationLogLevel.INFO : undefined),
    systemLogLevelV2: props.systemLogLevelV2 ?? lambda.SystemLogLevel.INFO,
  };
}
