import * as codeguruprofiler from 'aws-cdk-lib/aws-codeguruprofiler';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Powertools } from '../layers/powertools';

/**
 * Settings of `lambda.Function` a `BlueprintFunction` passes on as aws-cdk-lib writes them, with the
 * library's production defaults written into the template (part of `BlueprintFunctionProps`).
 */
export interface FunctionFeatureProps {
  /**
   * The execution role, instead of the function's own. An existing role (`iam.Role.fromRoleArn`) is
   * accepted: the blueprint adds the same statements to it (logs, X-Ray, VPC, DLQ, secrets…) and the rule
   * library reads its grants from the template; a triggered function whose role is imported gets the
   * `LambdaImportedRole` warning (its grants are unknown at synth). It must trust `lambda.amazonaws.com`.
   * A `BlueprintStandards` permissions boundary is applied to it when it is defined in the app. X-Ray's
   * `Resource: *` is acknowledged for cdk-nag only on the role the blueprint creates.
   * @default - the function's own role with inline least-privilege statements only
   * @see https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html
   */
  readonly role?: iam.IRole;

  /**
   * When Lambda updates the function's runtime: `AUTO` (two-phase rollout of new runtime versions),
   * `FUNCTION_UPDATE` (on each function update) or `manual(runtimeVersionArn)` (pinned; the ARN is
   * `arn:<partition>:lambda:<region>::runtime:<id>`, 26–2,048 characters, in the stack's region).
   * Not written for container images (an image's runtime changes only when it is rebuilt).
   * @default RuntimeManagementMode.AUTO, written into the template
   * @see https://docs.aws.amazon.com/lambda/latest/dg/runtimes-update.html
   */
  readonly runtimeManagementMode?: lambda.RuntimeManagementMode;

  /**
   * The log format. Log levels (`applicationLogLevelV2`, `systemLogLevelV2`) need `JSON`: with `TEXT`
   * none is written, and a level given with `TEXT` is reported at synth.
   * @default LoggingFormat.JSON
   * @see https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-advanced.html
   */
  readonly loggingFormat?: lambda.LoggingFormat;

  /**
   * The lowest application log level Lambda keeps (TRACE, DEBUG, INFO, WARN, ERROR, FATAL); JSON logs only.
   * The default is written only on runtimes whose built-in logger writes JSON (Java except java8,
   * .NET 8+, Node.js 16+, Python 3.8+): on others the level would not filter anything.
   * @default ApplicationLogLevel.INFO on those runtimes, else not set
   * @see https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-advanced.html
   */
  readonly applicationLogLevelV2?: lambda.ApplicationLogLevel;

  /**
   * The lowest system log level Lambda keeps (DEBUG, INFO, WARN); JSON logs only. INFO keeps the
   * `platform.report` records (duration, billed duration, max memory used, init duration) that memory
   * tuning and cold-start analysis read; WARN drops them.
   * @default SystemLogLevel.INFO
   * @see https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-advanced.html
   */
  readonly systemLogLevelV2?: lambda.SystemLogLevel;

  /**
   * The log group the function writes to, instead of the one the blueprint creates (its retention and
   * removal policy are then yours: `logRetention` is refused with it). Written as
   * `LoggingConfig.LogGroup`; its name has 1–512 characters of `[.-_/#A-Za-z0-9]`. The role may write to it.
   * @default - a log group of the blueprint's, with `logRetention`, written as LoggingConfig.LogGroup
   * @see https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-loggroups.html
   */
  readonly logGroup?: logs.ILogGroup;

  /**
   * Recursive loop detection: `TERMINATE` stops a function that invokes itself through SQS, SNS, S3 or
   * Lambda after about 16 rounds; `ALLOW` lets such a loop run (the rule `LambdaRecursiveLoopAllowed`
   * warns: acknowledge an intended loop with its reason).
   * @default RecursiveLoop.TERMINATE, written into the template
   * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-recursion.html
   */
  readonly recursiveLoop?: lambda.RecursiveLoop;

  /**
   * The AWS Parameters and Secrets Lambda Extension (a layer, counted in the 5 layers, and its settings
   * as environment variables, counted in the 4 KB): cache size 0–1,000, HTTP port 1–65,535, TTLs ≤ 300 s.
   * The role still needs read access to the parameters and secrets (see `secrets`).
   * @default - no extension
   * @see https://docs.aws.amazon.com/systems-manager/latest/userguide/ps-integration-lambda-extensions.html
   */
  readonly paramsAndSecrets?: lambda.ParamsAndSecretsLayerVersion;

  /**
   * CloudWatch Lambda Insights: its layer (not for container images, whose image must hold the agent;
   * arm64 needs 1.0.119.0 or later) and the AWS managed policy `CloudWatchLambdaInsightsExecutionRolePolicy`.
   * @default - no Lambda Insights
   * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Lambda-Insights.html
   */
  readonly insightsVersion?: lambda.LambdaInsightsVersion;

  /**
   * AWS Distro for OpenTelemetry instrumentation: its layer and `AWS_LAMBDA_EXEC_WRAPPER` (not for
   * container images; Python needs `/opt/otel-instrument`).
   * @default - no ADOT instrumentation
   * @see https://aws-otel.github.io/docs/getting-started/lambda
   */
  readonly adotInstrumentation?: lambda.AdotInstrumentationConfig;

  /**
   * CodeGuru Profiler: a profiling group (or `profilingGroup`) the function publishes to; Java or Python
   * runtimes only.
   * @default false
   * @see https://docs.aws.amazon.com/codeguru/latest/profiler-ug/setting-up-lambda.html
   */
  readonly profiling?: boolean;

  /**
   * The CodeGuru Profiler group the function publishes to (profiling is then on unless `profiling: false`).
   * @default - a new profiling group when `profiling` is true
   * @see https://docs.aws.amazon.com/codeguru/latest/profiler-ug/setting-up-lambda.html
   */
  readonly profilingGroup?: codeguruprofiler.IProfilingGroup;

  /**
   * Let the function send IPv6 traffic out of dual-stack subnets. Requires `network` (without it, it is
   * reported at synth).
   * @default false
   * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html#configuration-vpc-ipv6
   */
  readonly ipv6AllowedForDualStack?: boolean;

  /**
   * Options of the version `deployment` publishes (`fn.currentVersion`): description, removal policy,
   * provisioned concurrency, and min/max execution environments (0–15,000) for Lambda Managed Instances.
   * @default - aws-cdk-lib's VersionOptions defaults
   * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-versions.html
   */
  readonly currentVersionOptions?: lambda.VersionOptions;

  /**
   * Tenant isolation (`TenancyConfig.PER_TENANT`): every invocation carries a tenant id. Set only when the
   * function is created (a change replaces it); incompatible with SnapStart, function URLs, provisioned
   * concurrency and event sources other than API Gateway.
   * @default - no tenant isolation
   * @see https://docs.aws.amazon.com/lambda/latest/dg/tenant-isolation.html
   */
  readonly tenancyConfig?: lambda.TenancyConfig;

  /**
   * Durable execution: `executionTimeout` 1 s–366 days, `retentionPeriod` 1–90 whole days (default 14).
   * Enabled only when the function is created (adding it replaces the function). The role gets
   * `lambda:CheckpointDurableExecution` and `lambda:GetDurableExecutionState` on the function's versions.
   * A durable execution must stay on one version of its code: without `deployment`, the function is
   * released through the alias `live` (no CodeDeploy), and every trigger, event source, URL and grant of
   * the library invokes that alias, never the unqualified function.
   * @default - not durable
   * @see https://docs.aws.amazon.com/lambda/latest/dg/durable-configuration.html
   * @see https://docs.aws.amazon.com/lambda/latest/dg/durable-invoking.html
   */
  readonly durableConfig?: lambda.DurableConfig;

  /**
   * Event sources, bound like `addEventSource` to what callers invoke (the alias once released).
   * @default - none
   * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html
   */
  readonly events?: lambda.IEventSource[];

  /**
   * A code signing configuration (not for container images).
   * @default - the nearest `BlueprintStandards` default, else none
   * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-codesigning.html
   */
  readonly codeSigningConfig?: lambda.ICodeSigningConfig;

  /**
   * Powertools for AWS Lambda (TypeScript or Python): the AWS-published layer of the function's region,
   * runtime and architecture, and `POWERTOOLS_SERVICE_NAME`. A flavour that does not fit the runtime is
   * reported at synth (rule LambdaLayers).
   * @default - none
   * @see https://docs.aws.amazon.com/powertools/
   */
  readonly powertools?: Powertools;
}
