import { SizeRoundingBehavior } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { usableCode, usableFunctionName, usableTimeout, writeRefusedValues } from './function-inputs';
import { codeKindProblem, isImageCode } from '../../code/private/image-code';
import { TargetedCode } from '../../code/private/targeted-code';
import { FunctionLayers } from '../../layers/private/function-layers';
import { PlacedNetwork } from '../../network/private/placement';
import { LambdaImageUri } from '../../rules/package/image-uri';
import { reportInput } from '../../rules/private/enforce';
import { FunctionSettings } from '../../standards/private/function-settings';
import type { BlueprintFunctionProps } from '../blueprint-function-props';

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

/** The function's own execution role and its log group. */
export function createRoleAndLogGroup(scope: Construct, std: FunctionSettings): { role: iam.Role; logGroup: logs.LogGroup } {
  const role = new iam.Role(scope, 'ServiceRole', {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    permissionsBoundary: std.permissionsBoundary.value,
    description: `Execution role of ${scope.node.path} (inline least-privilege statements only)`,
  });
  const logGroup = new logs.LogGroup(scope, 'LogGroup', {
    retention: std.logRetention.value,
    encryptionKey: std.logGroupEncryptionKey.value,
  });
  return { role, logGroup };
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
    scope.node.addValidation({ validate: () => [`snapStart is set on runtime ${JSON.stringify(runtime.name)}, allowed is a runtime with SnapStart (Java 11+, Python 3.12+, .NET 8+), because Lambda refuses SnapStart on other runtimes.`] });
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
    loggingFormat: lambda.LoggingFormat.JSON,
    environmentEncryption: std.environmentEncryption.value,
    codeSigningConfig: std.codeSigningConfig.value,
    initialPolicy: props.initialPolicy,
    deadLetterQueue: parts.deadLetterQueue,
    deadLetterTopic: parts.deadLetterTopic,
  });
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
