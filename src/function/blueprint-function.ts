import { Duration, RemovalPolicy, Resource, Size, SizeRoundingBehavior, Stack, Tokenization, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct, Node } from 'constructs';
import { ResourceBudget } from '../budget/resource-budget';
import { imageHandlerProblem, isImageCode } from '../code/private/image-code';
import { TargetedCode } from '../code/private/targeted-code';
import { ALARM_PERIOD, createAlarm } from '../core/alarms';
import { DurableQueue } from '../core/durable-queue';
import { stackSingleton } from '../core/private/stack-registry';
import { ASYNC_DROPPED_ALARM_ID, registerMonitoredFunction } from '../dashboard/private/registry';
import { FunctionDeploymentOptions } from '../deployment/options';
import { registerHookFunction } from '../deployment/private/hook-function';
import { FunctionRelease } from '../deployment/release';
import { AsyncInvokeOptions } from '../invocation/async-invoke';
import { ASYNC_INVOKE_CONFIG_ID, configureAsyncInvoke } from '../invocation/private/async-invoke-config';
import { DEFAULTS, FUNCTION_NAME_PATTERN, LIMITS, MONITORING, RESERVED_ENVIRONMENT_KEYS, RESERVED_ENVIRONMENT_PREFIXES } from '../limits';
import { isDeprecatedRuntime } from './private/runtime-rules';
import { BlueprintSecret } from './secret';
import { FunctionLayers } from '../layers/private/function-layers';
import { NagAcknowledgements } from '../nag/acknowledge';
import { FunctionFileSystem, FunctionNetwork, NetworkPlacement } from '../network';
import { NoVpcConnections } from '../network/private/no-vpc-connections';
import { connectTo, ENI_WILDCARD_REASON, placeNetwork, refuseConnectWithoutVpc } from '../network/private/placement';
import { LambdaReservedConcurrency } from '../rules/function/reserved-concurrency';
import { LambdaRuntimeDeprecated } from '../rules/function/runtime-deprecated';
import { LambdaTimeout } from '../rules/function/timeout';
import { enforceRules, reportInput } from '../rules/private/enforce';
import { fullId } from '../rules/private/engine';
import { allowedRange, show } from '../rules/private/rule';
import { functionSettings, recordProvenance } from '../standards/private/function-settings';
import { isToken } from '../validation/private/problems';

/**
 * Where asynchronous invocations that fail for good end up when no destination is configured.
 */
export enum DeadLetterQueueMode {
  /** One encrypted, alarmed DLQ per stack, shared by every BlueprintFunction in it (fewest resources). */
  SHARED = 'SHARED',
  /** One encrypted, alarmed DLQ per function. */
  PER_FUNCTION = 'PER_FUNCTION',
}

/**
 * Properties of a `BlueprintFunction`.
 */
export interface BlueprintFunctionProps {
  /**
   * The runtime. Deprecated runtimes are refused (see `allowDeprecatedRuntime`); a runtime that is not the
   * newest of its family gets a warning.
   * @default - the nearest `BlueprintStandards` runtime; without one, a missing runtime is refused at synth
   */
  readonly runtime?: lambda.Runtime;

  /**
   * The handler: `file.export` for Node.js, `module.function` for Python, `package.Class::method` for Java,
   * `Assembly::Namespace.Class::Method` for .NET; `Handler.FROM_IMAGE` for container images.
   * @see https://docs.aws.amazon.com/lambda/latest/dg/foundation-progmodel.html
   */
  readonly handler: string;

  /**
   * The code. `BlueprintCode.fromFile` inlines small dependency-free handlers and otherwise builds a
   * content-hashed asset. Inline code is accepted for Node.js and Python only. `Code.fromBucket` without
   * an object version gets a warning (CloudFormation does not see a new object under the same key).
   */
  readonly code: lambda.Code;

  /**
   * Memory in whole MB, 128–10,240. CPU scales with memory (about 1 vCPU at 1,769 MB).
   * @default - the nearest `BlueprintStandards` default, else 1024
   * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html
   */
  readonly memorySize?: number;

  /**
   * Timeout, whole seconds from 1 to 900.
   * @default - the nearest `BlueprintStandards` default, else Duration.seconds(30)
   */
  readonly timeout?: Duration;

  /**
   * Size of /tmp, 512–10,240 MB. Not durable: use S3 or EFS for data that must survive.
   * @default Size.mebibytes(512)
   */
  readonly ephemeralStorageSize?: Size;

  /**
   * Instruction set. arm64 (Graviton) costs about 20 % less per GB-second.
   * @default - the nearest `BlueprintStandards` default, else Architecture.ARM_64
   */
  readonly architecture?: lambda.Architecture;

  /**
   * Environment variables. Keys match `[a-zA-Z][a-zA-Z0-9_]*` and are not reserved by Lambda; keys and
   * values (UTF-8), including variables the construct adds itself, total at most 4 KB.
   * @default - no variables
   */
  readonly environment?: { [key: string]: string };

  /**
   * Secrets passed by reference: the variable holds the parameter name or secret ARN and the role gets
   * read access. Counted in the 4 KB environment budget.
   * @default - none
   */
  readonly secrets?: { [key: string]: BlueprintSecret };

  /**
   * Encrypt the environment variables with this customer-managed key.
   * @default - the nearest `BlueprintStandards` default, else the AWS managed key for Lambda
   */
  readonly environmentEncryption?: kms.IKey;

  /**
   * A description of the function.
   * @default - none
   */
  readonly description?: string;

  /**
   * A name for the function.
   * @default - generated by CloudFormation
   */
  readonly functionName?: string;

  /**
   * Reserved concurrency: a whole number from 0 to `accountConcurrencyLimit - 100`.
   * @default - the nearest `BlueprintStandards` default, else no reservation (the unreserved pool)
   * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html
   */
  readonly reservedConcurrentExecutions?: number;

  /**
   * The account's concurrency limit in this region; reserved concurrency may take all but 100 of it.
   * @default 1000
   */
  readonly accountConcurrencyLimit?: number;

  /**
   * X-Ray tracing.
   * @default - the nearest `BlueprintStandards` default, else Tracing.ACTIVE
   */
  readonly tracing?: lambda.Tracing;

  /**
   * Retention of the function's log group (JSON log format).
   * @default - the nearest `BlueprintStandards` default, else RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;

  /**
   * Layers, kept in the order given: Lambda extracts them to /opt in that order, a later layer
   * overwriting an earlier one's files. At most 5 (with those added by `addLayers`); each must declare the
   * function's runtime and architecture when it declares any; code plus layers at most 250 MB unzipped
   * (measured at synth for local assets and `BlueprintLayer`s). All checked at synth.
   * @default - none
   * @see https://docs.aws.amazon.com/lambda/latest/dg/chapter-layers.html
   */
  readonly layers?: lambda.ILayerVersion[];

  /**
   * Extra statements for the function's own role (least privilege: scope them to resources).
   * @default - only the statements the blueprint needs
   */
  readonly initialPolicy?: iam.PolicyStatement[];

  /**
   * Where failed asynchronous invocations land: this queue as the function's DLQ.
   * @default - a DLQ chosen by `deadLetterQueueMode`
   */
  readonly deadLetterQueue?: sqs.IQueue;

  /**
   * Where failed asynchronous invocations land: this topic as the function's DLQ.
   * @default - a DLQ chosen by `deadLetterQueueMode`
   */
  readonly deadLetterTopic?: sns.ITopic;

  /**
   * Shared stack DLQ or one per function, when neither `deadLetterQueue` nor `deadLetterTopic` is given.
   * @default DeadLetterQueueMode.SHARED
   */
  readonly deadLetterQueueMode?: DeadLetterQueueMode;

  /**
   * Create the function's alarms: Errors, Throttles, p99 Duration at 90 % of the timeout and, for a
   * function invoked asynchronously, AsyncEventsDropped.
   * @default true
   */
  readonly alarms?: boolean;

  /**
   * Accept a deprecated runtime (AWS no longer patches it). Opt-out for legacy code only.
   * @default false
   */
  readonly allowDeprecatedRuntime?: boolean;

  /**
   * VPC placement: ENIs in private subnets (at least two AZs), with internet egress through NAT
   * (`FunctionNetwork.privateEgress(vpc)`) or without (`FunctionNetwork.isolated(vpc)`), shared S3 and
   * DynamoDB gateway endpoints, optional shared interface endpoints, and a security group with explicit
   * egress only. Public subnets, subnets or groups of another VPC and more than 5 groups are refused.
   * @default - the nearest `BlueprintStandards` default, else outside any VPC (internet and AWS APIs reachable)
   * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html
   */
  readonly network?: FunctionNetwork;

  /**
   * Durable storage: an EFS access point mounted under `/mnt/<name>` (at most 160 characters). Requires
   * `network` in the file system's VPC; NFS (2049) is opened between the function and the mount targets.
   * @default - no file system (only the ephemeral /tmp)
   * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-filesystem.html
   */
  readonly fileSystem?: FunctionFileSystem;

  /**
   * Release the function through a version and an alias (optionally with a CodeDeploy canary or linear
   * traffic shift, hooks and alarm rollback, provisioned concurrency or weighted routing). Every trigger,
   * event source, async setting and URL then goes through the alias (`invokeTarget`), never $LATEST.
   * @default - the nearest `BlueprintStandards` default, else no version or alias: triggers invoke $LATEST
   * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-aliases.html
   */
  readonly deployment?: FunctionDeploymentOptions;

  /**
   * Asynchronous invocation settings (retries 0–2, maximum event age 60 s–6 h, on-success and on-failure
   * destinations), applied to what callers invoke (the alias once the function has one).
   * @default - Lambda's defaults (2 retries, 6 h); failures go to the dead-letter queue
   * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html
   */
  readonly asyncInvoke?: AsyncInvokeOptions;
}

/**
 * A production-ready Lambda function whose wrong settings are refused at synth.
 *
 * Composes `aws-lambda.Function` with: memory (default 1,024 MB) and timeout (default 30 s) always
 * written, arm64, active X-Ray tracing, an explicit log group with retention and JSON logs, its own role
 * with inline least-privilege statements only, a durable DLQ for asynchronous failures, Errors,
 * Throttles and p99 Duration alarms (AsyncEventsDropped too when invoked asynchronously), a place on the
 * stack's `BlueprintDashboard`, and every Lambda limit checked at synth (all problems reported together).
 *
 * A `lambda.IFunction`, `iam.IGrantable` and `ec2.IConnectable`: use it wherever aws-cdk-lib takes a
 * function (`bucket.grantRead(fn)`, `new targets.LambdaFunction(fn)`, `new LambdaIntegration(fn)`,
 * `fn.addEventSource(new SqsEventSource(queue))`…). Invocations, permissions, event sources, URLs and
 * metrics go to `invokeTarget` (the alias once the function is released through one, never `$LATEST`);
 * grants go to the function's own role; `connections` are those of its VPC placement.
 */
export class BlueprintFunction extends Resource implements lambda.IFunction {
  /** The Lambda function. */
  public readonly function: lambda.Function;
  /** The function's own execution role (always set; optional only as in `lambda.IFunction`). */
  public readonly role?: iam.IRole;
  /** The principal grants go to: the function's own role. */
  public readonly grantPrincipal: iam.IPrincipal;
  /** The function's log group. */
  public readonly logGroup: logs.LogGroup;
  /** The function's DLQ for asynchronous failures, when it is a queue. */
  public readonly deadLetterQueue?: sqs.IQueue;
  /** The Errors alarm, when alarms are on (the alias's, which rolls deployments back, once released with CodeDeploy). */
  public readonly errorsAlarm?: cloudwatch.Alarm;
  /** The Throttles alarm, when alarms are on (the alias's, once released with CodeDeploy). */
  public readonly throttlesAlarm?: cloudwatch.Alarm;
  /** The p99 Duration alarm (at 90 % of the timeout), when alarms are on and the timeout is known at synth. */
  public readonly durationAlarm?: cloudwatch.Alarm;
  /** Where the function's ENIs are (subnets, security groups, endpoints), when `network` is set. */
  public readonly networkPlacement?: NetworkPlacement;
  /** The alias every trigger invokes, when `deployment` is set. */
  public readonly alias?: lambda.Alias;
  /** The release (version, alias, CodeDeploy deployment, provisioned concurrency), when `deployment` is set. */
  public readonly release?: FunctionRelease;

  private readonly functionLayers: FunctionLayers;
  /** Values aws-cdk-lib would throw on, written into the template for the rules to report. */
  private refusedTimeout?: number;
  private refusedFunctionName?: string;
  private _noVpcConnections?: ec2.Connections;
  /** Whether the code is a bundle with a source map (BlueprintCode.fromEntry). */
  private sourceMapped = false;

  constructor(scope: Construct, id: string, props: BlueprintFunctionProps) {
    super(scope, id);
    enforceRules(this, { accountConcurrencyLimit: this.checkedConcurrencyLimit(props.accountConcurrencyLimit) });
    // Props, else the nearest platform standard's defaults (BlueprintStandards), else the library's.
    const std = functionSettings(this, props);
    props = { ...props, runtime: std.runtime.value, architecture: std.architecture.value };

    const role = new iam.Role(this, 'ServiceRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      permissionsBoundary: std.permissionsBoundary.value,
      description: `Execution role of ${this.node.path} (inline least-privilege statements only)`,
    });
    this.role = role;
    this.grantPrincipal = role;
    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: std.logRetention.value,
      encryptionKey: std.logGroupEncryptionKey.value,
    });

    const { deadLetterQueue, deadLetterTopic } = this.resolveDeadLetterTarget(props);
    this.deadLetterQueue = deadLetterQueue;
    const placed = placeNetwork(this, role, std.network.value, props.fileSystem);
    this.networkPlacement = placed.placement;

    const code = this.usableCode(props);
    // An image function with a zip runtime or handler: reported at synth, the image's own values go to aws-cdk-lib (which would throw).
    const imageProblem = isImageCode(code) ? imageHandlerProblem(std.runtime.value, props.handler) : undefined;
    if (imageProblem) this.node.addValidation({ validate: () => [imageProblem] });
    this.function = new lambda.Function(this, 'Function', {
      ...placed.functionProps,
      runtime: imageProblem ? lambda.Runtime.FROM_IMAGE : std.runtime.value,
      handler: imageProblem ? lambda.Handler.FROM_IMAGE : props.handler,
      code,
      memorySize: std.memorySize.value,
      timeout: this.usableTimeout(std.timeout.value),
      architecture: std.architecture.value,
      description: props.description,
      functionName: this.usableFunctionName(props.functionName),
      reservedConcurrentExecutions: std.reservedConcurrentExecutions.value,
      tracing: std.tracing.value,
      role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      environmentEncryption: std.environmentEncryption.value,
      codeSigningConfig: std.codeSigningConfig.value,
      initialPolicy: props.initialPolicy,
      deadLetterQueue,
      deadLetterTopic,
    });
    this.writeRefusedValues(props);
    this.functionLayers = new FunctionLayers(this, this.function, props.code instanceof TargetedCode ? code : props.code);
    this.functionLayers.add(props.layers ?? []);
    // Ephemeral storage goes straight to the template so that a bad value is reported with the others.
    if (props.ephemeralStorageSize) {
      this.cfn.ephemeralStorage = { size: props.ephemeralStorageSize.toMebibytes({ rounding: SizeRoundingBehavior.NONE }) };
    }
    this.logGroup.grantWrite(role);
    if (std.deployment.value) {
      this.release = new FunctionRelease(this, 'Release', { ...std.deployment.value, function: this.function });
      this.alias = this.release.alias;
    }

    for (const [key, value] of Object.entries(props.environment ?? {})) this.addEnvironment(key, value);
    for (const [key, secret] of Object.entries(props.secrets ?? {})) this.addSecret(key, secret);
    if (this.sourceMapped) this.enableSourceMaps(props.environment?.NODE_OPTIONS);

    // A released function's alias alarms watch the same errors and throttles (and roll deployments back):
    // they are the function's alarms, not a second pair.
    const deployment = this.release?.deployment;
    if (deployment?.errorsAlarm && deployment.throttlesAlarm) {
      this.errorsAlarm = deployment.errorsAlarm;
      this.throttlesAlarm = deployment.throttlesAlarm;
    } else if (props.alarms ?? true) {
      this.errorsAlarm = createAlarm(this, 'ErrorsAlarm', {
        metric: this.function.metricErrors({ period: ALARM_PERIOD, statistic: 'Sum' }),
        threshold: 0,
        description: `${this.node.path}: the function reported errors.`,
      });
      this.throttlesAlarm = createAlarm(this, 'ThrottlesAlarm', {
        metric: this.function.metricThrottles({ period: ALARM_PERIOD, statistic: 'Sum' }),
        threshold: 0,
        description: `${this.node.path}: invocations were throttled (concurrency exhausted).`,
      });
    }
    const alarms = props.alarms ?? true;
    const timeoutSeconds = this.cfn.timeout;
    if (alarms && typeof timeoutSeconds === 'number' && !isToken(timeoutSeconds)) {
      const thresholdMs = timeoutSeconds * 1000 * MONITORING.durationAlarmTimeoutFraction;
      this.durationAlarm = createAlarm(this, 'DurationAlarm', {
        metric: this.function.metricDuration({ period: ALARM_PERIOD, statistic: 'p99' }),
        threshold: thresholdMs,
        comparison: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        description: `${this.node.path}: p99 duration reached ${MONITORING.durationAlarmTimeoutFraction * 100} % of the ${timeoutSeconds} s timeout (${thresholdMs} ms): invocations are about to time out.`,
      });
    }
    // The dashboards and the AsyncEventsDropped alarm follow the stack's topology, known at synth.
    registerMonitoredFunction(this, alarms);

    NagAcknowledgements.add(role, 'AwsSolutions-IAM5[Resource::*]',
      'X-Ray active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions (Resource must be *).'
      + (this.networkPlacement ? ENI_WILDCARD_REASON : ''));

    if (props.allowDeprecatedRuntime && isDeprecatedRuntime(props.runtime!.name)) {
      Validations.of(this.function).acknowledge({ id: fullId(LambdaRuntimeDeprecated), reason: `allowDeprecatedRuntime: true — ${props.runtime!.name} is kept for legacy code on purpose` });
    }
    ResourceBudget.watch(this);
    recordProvenance(this, this.cfn, std);
    if (props.asyncInvoke) this.configureAsyncInvoke(props.asyncInvoke);
  }

  /** The L1 function resource. */
  public get cfn(): lambda.CfnFunction {
    return this.function.node.defaultChild as lambda.CfnFunction;
  }

  /**
   * What callers and triggers should invoke: the function (or its alias once the blueprint releases it
   * through one).
   */
  public get invokeTarget(): lambda.IFunction {
    return this.alias ?? this.function;
  }

  /** The function's layers, in the order Lambda extracts them to /opt. */
  public get layers(): lambda.ILayerVersion[] {
    return this.functionLayers.all;
  }

  /**
   * Add layers after those already given, in order (count, runtime, architecture and size checked at synth).
   * @param layers the layers
   */
  public addLayers(...layers: lambda.ILayerVersion[]): BlueprintFunction {
    this.functionLayers.add(layers);
    return this;
  }

  /**
   * Add an environment variable (re-validated at synth: key format, reserved names, 4 KB total).
   * @param key variable name
   * @param value variable value
   */
  public addEnvironment(key: string, value: string): BlueprintFunction {
    // aws-cdk-lib throws on reserved names: write them to the template, where the rule reports them.
    if (this.isReservedKey(key)) this.cfn.addPropertyOverride(`Environment.Variables.${key}`, value);
    else this.function.addEnvironment(key, value);
    return this;
  }

  /**
   * Pass a secret by reference: the variable holds its name or ARN, the role may read it.
   * @param key variable name
   * @param secret the secret
   */
  public addSecret(key: string, secret: BlueprintSecret): BlueprintFunction {
    secret.grantRead(this.grantPrincipal);
    return this.addEnvironment(key, secret.reference);
  }

  // --- lambda.IFunction: what callers invoke is `invokeTarget` (the alias once released) -------------

  /** The name callers invoke: `name:alias` once the function is released through an alias. */
  public get functionName(): string {
    return this.invokeTarget.functionName;
  }

  /** The ARN callers invoke: the alias ARN once the function is released through an alias. */
  public get functionArn(): string {
    return this.invokeTarget.functionArn;
  }

  /** A reference to what callers invoke (the alias once released). */
  public get functionRef(): lambda.FunctionReference {
    return this.invokeTarget.functionRef;
  }

  /** The construct node invoke permissions are created under (the alias's once released). */
  public get permissionsNode(): Node {
    return this.invokeTarget.permissionsNode;
  }

  /** The ARNs `grantInvoke` grants on (the alias once released). */
  public get resourceArnsForGrantInvoke(): string[] {
    return this.invokeTarget.resourceArnsForGrantInvoke;
  }

  /** The instruction set of the function. */
  public get architecture(): lambda.Architecture {
    return this.function.architecture;
  }

  /** The tenancy configuration of the function, when it has one. */
  public get tenancyConfig(): lambda.TenancyConfig | undefined {
    return this.function.tenancyConfig;
  }

  /** Whether the function is placed in a VPC (`network`). */
  public get isBoundToVpc(): boolean {
    return this.networkPlacement !== undefined;
  }

  /** The function's `$LATEST` version (triggers should invoke `invokeTarget` instead). */
  public get latestVersion(): lambda.IVersion {
    return this.function.latestVersion;
  }

  /**
   * The function's security groups (its VPC placement). A function without `network` has none: using
   * its connections (`allowTo`, `allowFrom`…) is reported at synth with the way out, instead of silently
   * doing nothing.
   */
  public get connections(): ec2.Connections {
    if (this.networkPlacement) return this.networkPlacement.connections;
    this._noVpcConnections ??= new NoVpcConnections(this);
    return this._noVpcConnections;
  }

  /**
   * Grant an identity permission to invoke the function (through its alias when it has one).
   * @param grantee the identity
   */
  public grantInvoke(grantee: iam.IGrantable): iam.Grant {
    return this.invokeTarget.grantInvoke(grantee);
  }

  /**
   * Grant an identity permission to invoke `$LATEST` (prefer `grantInvoke`, which targets the alias).
   * @param grantee the identity
   */
  public grantInvokeLatestVersion(grantee: iam.IGrantable): iam.Grant {
    return this.function.grantInvokeLatestVersion(grantee);
  }

  /**
   * Grant an identity permission to invoke one version of the function.
   * @param grantee the identity
   * @param version the version
   */
  public grantInvokeVersion(grantee: iam.IGrantable, version: lambda.IVersion): iam.Grant {
    return this.function.grantInvokeVersion(grantee, version);
  }

  /**
   * Grant an identity permission to invoke the function's URL (on the alias when it has one).
   * @param grantee the identity
   */
  public grantInvokeUrl(grantee: iam.IGrantable): iam.Grant {
    return this.invokeTarget.grantInvokeUrl(grantee);
  }

  /**
   * Grant each principal of a composite principal permission to invoke the function (alias when released).
   * @param compositePrincipal the principals
   */
  public grantInvokeCompositePrincipal(compositePrincipal: iam.CompositePrincipal): iam.Grant[] {
    return this.invokeTarget.grantInvokeCompositePrincipal(compositePrincipal);
  }

  /**
   * Add a resource-based permission (on the alias when the function has one).
   * @param id construct id of the permission
   * @param permission the permission
   */
  public addPermission(id: string, permission: lambda.Permission): void {
    this.invokeTarget.addPermission(id, permission);
  }

  /**
   * Add an event source (bound to the function, or to its alias when it has one).
   * @param source the event source
   */
  public addEventSource(source: lambda.IEventSource): void {
    this.invokeTarget.addEventSource(source);
  }

  /**
   * Add an event source mapping (on the alias when the function has one).
   * @param id construct id of the mapping
   * @param options the mapping
   */
  public addEventSourceMapping(id: string, options: lambda.EventSourceMappingOptions): lambda.EventSourceMapping {
    return this.invokeTarget.addEventSourceMapping(id, options);
  }

  /**
   * Add a function URL (on the alias when the function has one). `BlueprintFunctionUrl` adds the
   * blueprint's checks (authentication) on top.
   * @param options the URL options
   */
  public addFunctionUrl(options?: lambda.FunctionUrlOptions): lambda.FunctionUrl {
    return this.invokeTarget.addFunctionUrl(options);
  }

  /**
   * Configure asynchronous invocation (retries 0–2, maximum event age 60 s–6 h, destinations) on what
   * callers invoke, checked at synth. `AsyncDestination` destinations are also checked for FIFO targets.
   * A function has one such configuration (see `asyncInvokeConfig`): a second one is refused at synth.
   * @param options the settings
   */
  public configureAsyncInvoke(options: lambda.EventInvokeConfigOptions): void {
    configureAsyncInvoke(this, options);
  }

  /**
   * The AsyncEventsDropped alarm (> 0), created at synth when alarms are on and the function is invoked
   * asynchronously (S3, SNS, EventBridge… or an async invoke configuration); undefined before synth.
   */
  public get asyncEventsDroppedAlarm(): cloudwatch.Alarm | undefined {
    return this.node.tryFindChild(ASYNC_DROPPED_ALARM_ID) as cloudwatch.Alarm | undefined;
  }

  /** The asynchronous invocation configuration, once `asyncInvoke` or `configureAsyncInvoke` set one. */
  public get asyncInvokeConfig(): lambda.EventInvokeConfig | undefined {
    return this.node.tryFindChild(ASYNC_INVOKE_CONFIG_ID) as lambda.EventInvokeConfig | undefined;
  }

  /**
   * Add a statement to the function's own role.
   * @param statement a least-privilege statement
   */
  public addToRolePolicy(statement: iam.PolicyStatement): void {
    this.grantPrincipal.addToPrincipalPolicy(statement);
  }

  /**
   * A metric of what callers invoke (the alias once released).
   * @param metricName the AWS/Lambda metric name
   * @param props metric options
   */
  public metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.invokeTarget.metric(metricName, props);
  }

  /**
   * Duration of the invocations (alias once released).
   * @param props metric options
   * @default average over 5 minutes
   */
  public metricDuration(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.invokeTarget.metricDuration(props);
  }

  /**
   * Number of invocations (alias once released).
   * @param props metric options
   * @default sum over 5 minutes
   */
  public metricInvocations(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.invokeTarget.metricInvocations(props);
  }

  /**
   * Number of invocations that failed with a function error (alias once released).
   * @param props metric options
   * @default sum over 5 minutes
   */
  public metricErrors(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.invokeTarget.metricErrors(props);
  }

  /**
   * Number of throttled invocations (alias once released).
   * @param props metric options
   * @default sum over 5 minutes
   */
  public metricThrottles(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.invokeTarget.metricThrottles(props);
  }

  /**
   * Apply a removal policy to the function and its log group.
   * @param policy the policy
   */
  public applyRemovalPolicy(policy: RemovalPolicy): void {
    this.function.applyRemovalPolicy(policy);
    this.logGroup.applyRemovalPolicy(policy);
  }

  /**
   * Let the function reach a target in its VPC (RDS/Aurora, ElastiCache, internal ALB) on one port: the
   * target's security groups admit the function's, and the function's egress to the target is added.
   * @param target the target
   * @param port the one port, e.g. `Port.tcp(5432)`
   */
  public connectTo(target: ec2.IConnectable, port: ec2.Port): void {
    if (this.networkPlacement) connectTo(this.networkPlacement.connections, this, target, port);
    else refuseConnectWithoutVpc(this, port);
  }

  /**
   * The timeout aws-cdk-lib can take. A value it would throw on (NaN, a fraction, out of range) goes to the
   * template instead (see `writeRefusedValues`), where the rule reports it with the others; a deploy-time
   * value in another unit than seconds cannot be expressed and is reported here.
   */
  private usableTimeout(timeout?: Duration): Duration {
    if (!timeout) return Duration.seconds(DEFAULTS.timeoutSeconds);
    let seconds: number;
    try {
      seconds = timeout.toSeconds({ integral: false });
    } catch {
      const amount = Tokenization.stringifyNumber((timeout as unknown as { amount: number }).amount);
      reportInput(this, LambdaTimeout, {
        property: 'timeout',
        value: `Duration.${timeout.unitLabel()}(${amount})`,
        allowed: 'Duration.seconds(<value>) for a value known only at deploy time',
        reason: 'CloudFormation cannot convert a deploy-time value between units, and Lambda takes whole seconds',
      });
      return Duration.seconds(DEFAULTS.timeoutSeconds);
    }
    if (isToken(seconds) || Number.isInteger(seconds)) return timeout;
    this.refusedTimeout = seconds;
    return Duration.seconds(DEFAULTS.timeoutSeconds);
  }

  /** Stack traces through the bundle's source map: `--enable-source-maps` added to the user's NODE_OPTIONS. */
  private enableSourceMaps(userOptions?: string): void {
    if (userOptions !== undefined && (isToken(userOptions) || userOptions.includes('--enable-source-maps'))) return;
    this.addEnvironment('NODE_OPTIONS', [userOptions, '--enable-source-maps'].filter(Boolean).join(' '));
  }

  /** A name aws-cdk-lib would throw on goes to the template, where the rule reports it. */
  private usableFunctionName(name?: string): string | undefined {
    if (name === undefined || isToken(name)) return name;
    if (name.length >= 1 && name.length <= LIMITS.functionNameLength.max && FUNCTION_NAME_PATTERN.test(name)) return name;
    this.refusedFunctionName = name;
    return undefined;
  }

  private writeRefusedValues(props: BlueprintFunctionProps): void {
    if (this.refusedTimeout !== undefined) this.cfn.timeout = this.refusedTimeout;
    if (this.refusedFunctionName !== undefined) this.cfn.functionName = this.refusedFunctionName;
    if (props.code instanceof lambda.InlineCode && !props.runtime!.supportsInlineCode) {
      this.cfn.code = { zipFile: Stack.of(this).resolve(props.code.bind(this).inlineCode) };
    }
  }

  /** The account limit, when usable; otherwise reported (the reservation check needs a whole number). */
  private checkedConcurrencyLimit(limit?: number): number {
    const spec = LIMITS.accountConcurrency;
    if (limit === undefined) return DEFAULTS.accountConcurrencyLimit;
    if (!isToken(limit) && Number.isInteger(limit) && limit >= spec.min && limit <= spec.max) return limit;
    reportInput(this, LambdaReservedConcurrency, { property: 'accountConcurrencyLimit', value: show(limit), allowed: allowedRange(spec), reason: `${spec.reason}; the reserved concurrency check needs it` });
    return DEFAULTS.accountConcurrencyLimit;
  }

  private isReservedKey(key: string): boolean {
    return RESERVED_ENVIRONMENT_KEYS.includes(key) || RESERVED_ENVIRONMENT_PREFIXES.some(prefix => key.startsWith(prefix));
  }

  private resolveDeadLetterTarget(props: BlueprintFunctionProps): { deadLetterQueue?: sqs.IQueue; deadLetterTopic?: sns.ITopic } {
    if (props.deadLetterTopic) return { deadLetterTopic: props.deadLetterTopic };
    if (props.deadLetterQueue) return { deadLetterQueue: props.deadLetterQueue };
    if (props.deadLetterQueueMode === DeadLetterQueueMode.PER_FUNCTION) {
      return { deadLetterQueue: new DurableQueue(this, 'DeadLetterQueue', { purpose: 'failed asynchronous invocations' }).queue };
    }
    const shared = stackSingleton(this, 'BlueprintAsyncDeadLetterQueue', (stack, sid) =>
      new DurableQueue(stack, sid, { purpose: 'failed asynchronous invocations of the stack\'s functions' }));
    return { deadLetterQueue: shared.queue };
  }

  /** Inline code on a runtime that cannot take it would make aws-cdk-lib throw: a placeholder, then the real code in the template. */
  private usableCode(props: BlueprintFunctionProps): lambda.Code {
    if (props.code instanceof TargetedCode) {
      // Packaged for this function (bundle file name and Node.js version, pip platform, layout checks).
      const architecture = props.architecture!; // the prop or the standard's (set in the constructor)
      const resolved = props.code.resolveFor(this, { runtime: props.runtime!, handler: props.handler, architecture });
      this.sourceMapped = resolved.sourceMapped;
      return resolved.code;
    }
    if (props.code instanceof lambda.InlineCode && !props.runtime!.supportsInlineCode) {
      const placeholder = s3.Bucket.fromBucketName(this, 'RefusedInlineCode', 'refused-inline-code');
      return lambda.Code.fromBucket(placeholder, 'refused-inline-code.zip');
    }
    return props.code;
  }
}

registerHookFunction((scope, id, props) => new BlueprintFunction(scope, id, props));
