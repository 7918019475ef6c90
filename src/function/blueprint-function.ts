import { RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { BlueprintFunctionProps } from './blueprint-function-props';
import { NetworkPlacement } from '../network';
import { acknowledgeFunction, grantDurableExecution } from './private/acknowledgements';
import { resolveDeadLetterTarget } from './private/dead-letter';
import { enableSourceMaps, isReservedKey } from './private/environment';
import { createFunctionAlarms } from './private/function-alarms';
import { checkedConcurrencyLimit } from './private/function-inputs';
import { InvokeTargetDelegate } from './private/invoke-target-delegate';
import { createLambdaFunction, createRoleAndLogGroup } from './private/lambda-function';
import { runOnCapacityProvider } from './private/managed-instances';
import { refuseFunctionProps } from './private/parity';
import { powertoolsParts } from './private/powertools';
import { BlueprintSecret } from './secret';
import { ResourceBudget } from '../budget/resource-budget';
import { functionSettings, recordProvenance } from './private/standard-settings';
import { ASYNC_DROPPED_ALARM_ID, registerMonitoredFunction } from '../dashboard/private/registry';
import { provideHookFunctions } from '../deployment/private/hook-function';
import { FunctionRelease } from '../deployment/release';
import { ASYNC_INVOKE_CONFIG_ID, configureAsyncInvoke } from './private/async-invoke-config';
import { FunctionLayers } from '../layers/private/function-layers';
import { NoVpcConnections } from '../network/private/no-vpc-connections';
import { connectTo, placeNetwork, refuseConnectWithoutVpc } from '../network/private/placement';
import { enforceRules } from '../rules/private/enforce';
import { carryStandardTagsIntoStage } from '../standards/private/stage-tags';

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
export class BlueprintFunction extends InvokeTargetDelegate implements lambda.IFunction {
  /** The Lambda function. */
  public readonly function: lambda.Function;
  /** The function's own execution role (always set; optional only as in `lambda.IFunction`). */
  public readonly role?: iam.IRole;
  /** The principal grants go to: the function's own role. */
  public readonly grantPrincipal: iam.IPrincipal;
  /** The function's log group (the one given as `logGroup`, else the blueprint's own). */
  public readonly logGroup: logs.ILogGroup;
  /** The function's DLQ for asynchronous failures, when it is a queue. */
  public readonly deadLetterQueue?: sqs.IQueue;
  /** The Errors alarm, when alarms are on (the alias's, which rolls deployments back, once released with CodeDeploy). */
  public readonly errorsAlarm?: cloudwatch.Alarm;
  /** The Throttles alarm, when alarms are on (the alias's, once released with CodeDeploy). */
  public readonly throttlesAlarm?: cloudwatch.Alarm;
  /** The p99 Duration alarm (at 90 % of the timeout), when alarms are on and the timeout is known at synth. */
  public readonly durationAlarm?: cloudwatch.Alarm;
  /**
   * Where the function's ENIs are (subnets, security groups, endpoints), when `network` is set; on a
   * `BlueprintCapacityProvider`, where its instances are.
   */
  public readonly networkPlacement?: NetworkPlacement;
  /** The alias every trigger invokes, when `deployment` is set. */
  public readonly alias?: lambda.Alias;
  /** The release (version, alias, CodeDeploy deployment, provisioned concurrency), when `deployment` is set. */
  public readonly release?: FunctionRelease;

  private readonly functionLayers: FunctionLayers;
  private _noVpcConnections?: ec2.Connections;

  constructor(scope: Construct, id: string, props: BlueprintFunctionProps) {
    super(scope, id);
    enforceRules(this, { accountConcurrencyLimit: checkedConcurrencyLimit(this, props.accountConcurrencyLimit) });
    // Props, else the nearest platform standard's defaults (BlueprintStandards), else the library's.
    const std = functionSettings(this, props);
    // The tags of standards outside a nested stage reach this function too (aspects stop at stages).
    carryStandardTagsIntoStage(this);
    props = { ...props, runtime: std.runtime.value, architecture: std.architecture.value };

    refuseFunctionProps(this, props);
    const { role, ownRole, logGroup } = createRoleAndLogGroup(this, std, props);
    this.role = role;
    this.grantPrincipal = role;
    this.logGroup = logGroup;

    const { deadLetterQueue, deadLetterTopic } = resolveDeadLetterTarget(this, props);
    this.deadLetterQueue = deadLetterQueue;
    // On Lambda Managed Instances the function has no ENIs of its own: its network is the provider's.
    const placed = placeNetwork(this, role, props.capacityProvider ? undefined : std.network.value, props.fileSystem);

    const built = createLambdaFunction(this, props, std, { role, logGroup, placed, deadLetterQueue, deadLetterTopic });
    this.function = built.function;
    this.networkPlacement = runOnCapacityProvider(this, this.function, props) ?? placed.placement;
    this.functionLayers = built.layers;
    this.logGroup.grantWrite(role);
    if (std.deployment.value) {
      // The release's hook functions (a smoke test's) are BlueprintFunctions too: deployment does not know them.
      provideHookFunctions(this, (hookScope, hookId, hookProps) => new BlueprintFunction(hookScope, hookId, hookProps).function);
      this.release = new FunctionRelease(this, 'Release', { ...std.deployment.value, function: this.function });
      this.alias = this.release.alias;
    }
    if (props.durableConfig) grantDurableExecution(this, this.function, role);
    for (const source of props.events ?? []) this.addEventSource(source);

    for (const [key, value] of Object.entries(props.environment ?? {})) this.addEnvironment(key, value);
    for (const [key, secret] of Object.entries(props.secrets ?? {})) this.addSecret(key, secret);
    if (built.sourceMapped) enableSourceMaps(this, props.environment?.NODE_OPTIONS);
    const powertools = props.powertools && powertoolsParts(this, props.powertools, this.function.runtime, this.function.architecture);
    if (powertools) {
      this.addLayers(powertools.layer);
      for (const [key, value] of Object.entries(powertools.environment)) this.addEnvironment(key, value);
    }

    const alarms = props.alarms ?? true;
    const fnAlarms = createFunctionAlarms(this, this.function, alarms, this.release);
    this.errorsAlarm = fnAlarms.errorsAlarm;
    this.throttlesAlarm = fnAlarms.throttlesAlarm;
    this.durationAlarm = fnAlarms.durationAlarm;
    // The dashboards and the AsyncEventsDropped alarm follow the stack's topology, known at synth.
    registerMonitoredFunction(this, alarms);

    acknowledgeFunction(this.function, role, props, { inVpc: placed.placement !== undefined, ownRole });
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
    if (isReservedKey(key)) this.cfn.addPropertyOverride(`Environment.Variables.${key}`, value);
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

  /** Whether the function is placed in a VPC (`network`). */
  public get isBoundToVpc(): boolean {
    return this.networkPlacement !== undefined;
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
}
