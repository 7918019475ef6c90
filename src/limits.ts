/**
 * Every AWS Lambda limit this library enforces, in one table.
 *
 * The single source of truth is `shared/LAMBDA-FACTS.md`; validators, docs and tests all read these
 * numbers from here, never from literals of their own.
 */

/** One documented limit: a range, its unit and why it exists. */
export interface LimitSpec {
  /** Smallest allowed value (inclusive). */
  readonly min: number;
  /** Largest allowed value (inclusive). */
  readonly max: number;
  /** Unit printed after the value in messages (e.g. `MB`, `s`). */
  readonly unit: string;
  /** Whether only whole numbers are allowed. */
  readonly integer: boolean;
  /** Why the limit exists, as printed in error messages. */
  readonly reason: string;
}

function spec(min: number, max: number, unit: string, reason: string, integer = true): LimitSpec {
  return { min, max, unit, integer, reason };
}

/**
 * The Lambda limits table (internal form; `LambdaLimits` exposes the numbers to every jsii language).
 */
export const LIMITS = {
  // --- function configuration
  memorySize: spec(128, 10_240, 'MB', 'Lambda allocates memory in whole MB from 128 to 10,240 MB (CPU scales with it)'),
  timeout: spec(1, 900, 's', 'a Lambda invocation runs at most 900 s (15 minutes); longer work belongs on Fargate or Step Functions'),
  ephemeralStorageSize: spec(512, 10_240, 'MB', '/tmp can be sized from 512 to 10,240 MB'),
  environmentBytes: spec(0, 4_096, 'bytes', 'Lambda accepts at most 4 KB of environment variables, keys and values together'),
  inlineCodeBytes: spec(1, 4 * 1024 * 1024, 'bytes', 'inline Code.ZipFile must stay within 4 MB zipped and the template under 1 MB'),
  defaultInlineThresholdBytes: spec(1, 4_096, 'bytes', 'small dependency-free handlers are inlined; larger ones become content-hashed assets'),
  layersPerFunction: spec(0, 5, 'layers', 'a function can use at most 5 layers'),
  unzippedPackageBytes: spec(0, 250 * 1024 * 1024, 'bytes', 'function code plus all its layers must stay within 250 MB unzipped'),
  compatibleRuntimesPerLayer: spec(1, 15, 'runtimes', 'a layer version declares 1 to 15 compatible runtimes'),
  compatibleArchitecturesPerLayer: spec(1, 2, 'architectures', 'a layer version declares x86_64, arm64 or both'),
  layerLicenseLength: spec(1, 512, 'characters', 'a layer license is an SPDX identifier, a URL or a license text of at most 512 characters'),
  reservedConcurrency: spec(0, 900, 'executions', 'at least 100 of the account concurrency limit must stay unreserved'),
  accountConcurrency: spec(1, 1_000_000, 'executions', 'the account concurrency limit is 1,000 per region unless raised (new accounts may start lower)'),
  unreservedConcurrencyFloor: spec(100, 100, 'executions', 'Lambda keeps 100 executions unreserved for functions without reserved concurrency'),
  securityGroupsPerFunction: spec(1, 5, 'security groups', 'a VPC function accepts at most 5 security groups'),
  functionAvailabilityZones: spec(2, 1_000, 'AZs', 'Lambda keeps a VPC function available only while one of its subnets\' AZs is up: use subnets in at least two AZs'),
  vpcAvailabilityZones: spec(2, 6, 'AZs', 'a production VPC spans at least two AZs, and AWS regions offer at most six'),
  natGateways: spec(1, 6, 'NAT gateways', 'private-with-egress subnets need at least one NAT gateway, and more than one per AZ is never used'),
  efsMountPathLength: spec(6, 160, 'characters', 'Lambda mounts EFS at /mnt/<name> with at most 160 characters'),
  handlerLength: spec(1, 128, 'characters', 'Lambda accepts a handler of 1 to 128 characters without white space'),
  functionNameLength: spec(1, 64, 'characters', 'a function name is 1 to 64 letters, digits, hyphens or underscores'),
  environmentKeyLength: spec(2, 4_096, 'characters', 'Lambda accepts variable names of a letter followed by at least one letter, digit or underscore'),
  aliasDescriptionLength: spec(0, 256, 'characters', 'an alias description holds at most 256 characters'),

  // --- asynchronous invocation
  asyncRetryAttempts: spec(0, 2, 'retries', 'asynchronous invocations retry at most twice'),
  asyncMaxEventAge: spec(60, 21_600, 's', 'Lambda keeps an asynchronous event between 60 s and 6 h'),
  eventBridgeRetryAttempts: spec(0, 185, 'retries', 'an EventBridge target retries 0 to 185 times'),
  eventBridgeMaxEventAge: spec(60, 86_400, 's', 'EventBridge keeps an event for a target between 60 s and 24 h'),
  apiThrottlingRateLimit: spec(0, 1_000_000, 'requests per second', 'API Gateway stage throttling takes a non-negative steady-state rate', false),
  apiThrottlingBurstLimit: spec(0, 1_000_000, 'requests', 'API Gateway stage throttling takes a non-negative whole burst size'),

  // --- event source mappings
  streamBatchSize: spec(1, 10_000, 'records', 'Kinesis and DynamoDB Streams batches hold 1 to 10,000 records'),
  sqsBatchSize: spec(1, 10_000, 'messages', 'SQS standard batches hold 1 to 10,000 messages'),
  sqsBatchSizeWithoutWindow: spec(1, 10, 'messages', 'an SQS batch above 10 messages needs a batching window of at least 1 s'),
  fifoBatchSize: spec(1, 10, 'messages', 'SQS FIFO batches hold 1 to 10 messages'),
  batchingWindow: spec(0, 300, 's', 'the maximum batching window is 300 s'),
  streamRetryAttempts: spec(-1, 10_000, 'retries', 'stream retries are -1 (until the record expires) or 0 to 10,000'),
  streamRecordAge: spec(60, 604_800, 's', 'the maximum record age is -1 (infinite) or 60 s to 7 days'),
  parallelizationFactor: spec(1, 10, 'batches per shard', 'Lambda processes 1 to 10 batches per shard at once'),
  tumblingWindow: spec(0, 900, 's', 'a tumbling window lasts at most 900 s'),
  sqsMaxConcurrency: spec(2, 1_000, 'instances', 'the maximum concurrency of an SQS mapping is 2 to 1,000'),
  filtersPerMapping: spec(0, 5, 'filters', 'an event source mapping accepts at most 5 filter patterns by default'),
  filterPatternLength: spec(1, 4_096, 'characters', 'a filter pattern holds at most 4,096 characters'),
  startingPositionTimestamp: spec(0, 253_402_300_799, 's', 'the starting position timestamp is a Unix time in seconds'),
  visibilityTimeoutFactor: spec(6, 6, 'x function timeout', 'AWS advises a queue visibility timeout of at least 6 x the function timeout plus the batching window'),
  sqsMaxReceiveCount: spec(5, 1_000, 'receives', 'a redrive maxReceiveCount of at least 5 keeps transient failures out of the DLQ'),
  sqsVisibilityTimeout: spec(0, 43_200, 's', 'an SQS visibility timeout is at most 12 hours'),
  sqsRetention: spec(60, 1_209_600, 's', 'SQS keeps a message from 60 s to 14 days'),
  sqsRedriveMaxReceiveCount: spec(1, 1_000, 'receives', 'SQS moves a message to the DLQ after 1 to 1,000 receives'),
  kinesisRetentionHours: spec(24, 8_760, 'hours', 'a Kinesis stream keeps records for 24 to 8,760 whole hours (365 days)'),
  kinesisShardCount: spec(1, 100_000, 'shards', 'a provisioned Kinesis stream has a whole number of at least 1 shard'),

  // --- versions, aliases and deployments
  aliasNameLength: spec(1, 128, 'characters', 'alias names are 1 to 128 characters of [a-zA-Z0-9-_]'),
  provisionedConcurrency: spec(1, 1_000_000, 'executions', 'provisioned concurrency is a whole number of at least 1'),
  provisionedUtilizationTarget: spec(0.1, 0.9, '', 'provisioned concurrency autoscaling targets 10 % to 90 % utilization', false),
  deploymentPercentage: spec(1, 99, '%', 'a custom canary or linear step shifts 1 to 99 % of traffic'),
  deploymentIntervalMinutes: spec(1, 2_880, 'minutes', 'a custom canary or linear interval is a whole number of minutes up to 2,880 (48 h)'),
} as const;

/** The names of the limits in the table. */
export type LimitName = keyof typeof LIMITS;

/** Environment variable names Lambda reserves for itself. */
export const RESERVED_ENVIRONMENT_KEYS: readonly string[] = [
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
];

/** Prefixes Lambda reserves for environment variable names. */
export const RESERVED_ENVIRONMENT_PREFIXES: readonly string[] = ['AWS_LAMBDA_'];

/**
 * Names under a reserved prefix that a function sets itself: `AWS_LAMBDA_EXEC_WRAPPER` names a wrapper
 * script (what ADOT instrumentation and the OpenTelemetry layers use).
 * @see https://docs.aws.amazon.com/lambda/latest/dg/runtimes-modify.html#runtime-wrapper
 */
export const SETTABLE_ENVIRONMENT_KEYS: readonly string[] = ['AWS_LAMBDA_EXEC_WRAPPER'];

/** Whether Lambda reserves an environment variable name (exactly or by prefix). */
export function isReservedEnvironmentKey(key: string): boolean {
  if (SETTABLE_ENVIRONMENT_KEYS.includes(key)) return false;
  return RESERVED_ENVIRONMENT_KEYS.includes(key) || RESERVED_ENVIRONMENT_PREFIXES.some(p => key.startsWith(p));
}

/** Pattern of a valid environment variable name (Lambda: a letter and at least one more character). */
export const ENVIRONMENT_KEY_PATTERN = /^[a-zA-Z][a-zA-Z0-9_]+$/;

/** Pattern of a valid function name (the name, not an ARN). */
export const FUNCTION_NAME_PATTERN = /^[a-zA-Z0-9_-]+$/;

/** Pattern of a layer version ARN: partition, region (group 1), account (group 2), name, version. */
export const LAYER_VERSION_ARN_PATTERN = /^arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):(\d{12}):layer:[a-zA-Z0-9_-]+:\d+$/;

/** The instruction sets Lambda runs (a function declares exactly one). */
export const ARCHITECTURES: readonly string[] = ['x86_64', 'arm64'];

/** Pattern of a valid alias name (not all digits, not `$LATEST`: checked separately). */
export const ALIAS_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,128}$/;

/** Pattern of a valid EFS mount path of a function. */
export const EFS_MOUNT_PATH_PATTERN = /^\/mnt\/[a-zA-Z0-9-_.]+$/;

/**
 * The settings of the AWS Parameters and Secrets Lambda Extension (cache, port, TTLs, timeouts, log level),
 * which aws-cdk-lib's `paramsAndSecrets` writes as environment variables: configuration, not secrets.
 * @see https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda_env-var.html
 */
export const PARAMS_AND_SECRETS_SETTINGS = /^(PARAMETERS_SECRETS_EXTENSION_(CACHE_ENABLED|CACHE_SIZE|HTTP_PORT|LOG_LEVEL|MAX_CONNECTIONS)|SECRETS_MANAGER_(TTL|TIMEOUT_MILLIS)|SSM_PARAMETER_STORE_(TTL|TIMEOUT_MILLIS))$/;

/** Key fragments that suggest a secret sits in an environment variable. */
export const SECRET_LOOKING_KEYS: readonly string[] = ['PASSWORD', 'PASSWD', 'SECRET', 'TOKEN', 'API_KEY', 'APIKEY', 'PRIVATE_KEY', 'CREDENTIAL'];

/** A handler format of a zip package: the pattern and an example for messages. */
export interface HandlerFormat {
  readonly pattern: RegExp;
  readonly example: string;
}

/**
 * Handler formats per runtime name prefix (zip packages only).
 * .NET: a class library's `Assembly::Namespace.Class::Method`, or an executable assembly's name alone (top-level
 * statements). Ruby: `file.method`, or a class method `file.Module::Class.method` (AWS's own example:
 * `source.LambdaFunctions::Handler.process`).
 * @see https://docs.aws.amazon.com/lambda/latest/dg/csharp-handler.html
 * @see https://docs.aws.amazon.com/lambda/latest/dg/ruby-handler.html
 */
export const HANDLER_FORMATS: ReadonlyArray<readonly [RegExp, HandlerFormat]> = [
  [/^nodejs/, { pattern: /^[\w\-/.]*[\w\-]\.[A-Za-z_$][\w$]*$/, example: 'file.export (e.g. index.handler)' }],
  [/^python/, { pattern: /^[\w\-/.]*\w\.[A-Za-z_]\w*$/, example: 'module.function (e.g. app.handler)' }],
  [/^java/, { pattern: /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*(::[A-Za-z_$][\w$]*)?$/, example: 'package.Class::method (e.g. com.example.Handler::handleRequest)' }],
  [/^dotnet/, {
    pattern: /^([\w.]+::[\w.]+::\w+|[\w.]+)$/,
    example: 'Assembly::Namespace.Class::Method, or the assembly name of an executable assembly',
  }],
  [/^ruby/, {
    pattern: /^[\w\-/.]*?\w\.((?:[A-Z]\w*::)*[A-Z]\w*\.)?[A-Za-z_]\w*[?!]?$/,
    example: 'file.method (e.g. function.handler) or file.Module::Class.method',
  }],
];

/** Runtimes AWS Lambda no longer supports for new functions (deprecated in aws-cdk-lib). */
export const DEPRECATED_RUNTIMES: readonly string[] = [
  'nodejs', 'nodejs4.3', 'nodejs6.10', 'nodejs8.10', 'nodejs10.x', 'nodejs12.x', 'nodejs14.x', 'nodejs16.x', 'nodejs18.x',
  'python2.7', 'python3.6', 'python3.7', 'python3.8', 'python3.9',
  'java8', 'dotnet6', 'dotnetcore1.0', 'dotnetcore2.0', 'dotnetcore2.1', 'dotnetcore3.1',
  'go1.x', 'ruby2.5', 'ruby2.7', 'provided',
];

/** What AWS applies when a template leaves a property unset (read by the cdk-nag rules on plain templates). */
export const SERVICE_DEFAULTS = {
  /** Lambda's own function timeout, in seconds. */
  functionTimeoutSeconds: 3,
  /** The instruction set of a function without `Architectures`. */
  functionArchitecture: 'x86_64',
  /** An SQS queue's visibility timeout, in seconds. */
  queueVisibilityTimeoutSeconds: 30,
  /** Batches per shard a stream mapping processes at once. */
  parallelizationFactor: 1,
  /** A stream mapping's retries: -1 = until the record expires. */
  streamRetryAttempts: -1,
  /** A stream mapping's maximum record age: -1 = infinite (the stream's retention, up to 7 days). */
  streamRecordAgeSeconds: -1,
} as const;

/** Runtimes whose functions may carry inline code (CloudFormation `Code.ZipFile`). */
export const INLINE_CODE_RUNTIME_PATTERN = /^(nodejs|python)/;

/** Prices (us-east-1 list) used by cost estimates. */
export const PRICES = {
  perMillionRequests: 0.2,
  perGbSecondX86: 0.0000166667,
  perGbSecondArm64: 0.0000133334,
  freeTierRequests: 1_000_000,
  freeTierGbSeconds: 400_000,
} as const;

/**
 * Monitoring facts: the blueprint alarms' thresholds and what a CloudWatch dashboard costs.
 * @see https://aws.amazon.com/cloudwatch/pricing/
 * @see https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html
 */
export const MONITORING = {
  /** The Duration alarm fires when p99 reaches this fraction of the timeout (an invocation close to timing out). */
  durationAlarmTimeoutFraction: 0.9,
  /** Dashboards per account that cost nothing (free tier), each with up to `freeDashboardMetrics` metrics. */
  freeDashboards: 3,
  /** Metrics a free-tier dashboard may show. */
  freeDashboardMetrics: 50,
  /** Price of a dashboard beyond the free tier, USD per month. */
  dashboardPerMonth: 3,
  /** Width of the CloudWatch dashboard grid, in columns. */
  dashboardGridWidth: 24,
  /**
   * Widgets one dashboard body may hold (0–500): a stack whose functions need more gets more dashboards.
   * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html
   */
  dashboardMaxWidgets: 500,
} as const;

/** Default values the blueprints write into every template. */
export const DEFAULTS = {
  memorySize: 1_024,
  timeoutSeconds: 30,
  accountConcurrencyLimit: 1_000,
  inlineThresholdBytes: 4_096,
  logRetentionDays: 30,
} as const;

// --- issue 17: Cognito user pool triggers and CloudWatch Logs subscription triggers

/**
 * How Amazon Cognito and CloudWatch Logs invoke a Lambda trigger (internal form).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html
 * @see https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutSubscriptionFilter.html
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/SubscriptionFilters.html#LambdaFunctionExample
 */
export const TRIGGER_FACTS = {
  /**
   * Cognito invokes a user pool trigger synchronously and waits at most 5 s (a value that cannot be
   * changed); a timed-out or failed (5xx) call is retried, 3 attempts in all, then the user's request fails.
   */
  cognitoTimeout: spec(1, 5, 's', 'Amazon Cognito invokes a user pool trigger synchronously and waits at most 5 s for it (3 attempts in all), then fails the user\'s request: a function allowed to run longer fails sign-ups and sign-ins instead of finishing'),
  /** Attempts Cognito makes at a trigger call that timed out or failed with a 5xx error. */
  cognitoAttempts: 3,
  /** Subscription filters on one log group: 2, a quota that cannot be raised (AWS refuses a third). */
  logsSubscriptionFilters: spec(0, 2, 'subscription filters', 'CloudWatch Logs accepts at most 2 subscription filters on one log group (a quota that cannot be raised) and refuses a third'),
  /** CloudWatch Logs invokes a subscribed function asynchronously (Lambda's retries, then the failure path). */
  logsInvocation: 'Event',
  /** The subscription payload: `awslogs.data` is the JSON batch, gzip-compressed, then base64-encoded. */
  logsPayloadEncoding: 'gzip+base64',
  /** The prefix of the log group a function writes to when its LoggingConfig names none: `/aws/lambda/<name>`. */
  functionLogGroupPrefix: '/aws/lambda/',
} as const;

// --- issue 17: Lambda@Edge facts (read by the edge rules and BlueprintEdgeFunction)

/**
 * Lambda@Edge restrictions and quotas (internal form). A function is a Lambda@Edge function when a
 * CloudFront distribution's cache behaviour associates one of its versions with an event type.
 *
 * Logs: Lambda@Edge writes to CloudWatch Logs in the region of the edge location that ran the
 * function (nearest the viewer), in the log group `/aws/lambda/us-east-1.<function name>` (the prefix
 * is the region the function was created in), or in a custom log group of the same name in every region.
 * Deleting: a function can be deleted only once CloudFront has deleted its replicas (typically a few
 * hours after its last association is removed).
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-at-edge-function-restrictions.html
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html#limits-lambda-at-edge
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/edge-functions-logs.html
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-edge-delete-replicas.html
 */
export const EDGE_FACTS = {
  /** The only region a Lambda@Edge function can be created in (CloudFront replicates it from there). */
  region: 'us-east-1',
  /** The service principals the execution role must trust. */
  trustedPrincipals: ['lambda.amazonaws.com', 'edgelambda.amazonaws.com'] as readonly string[],
  /** The runtime families Lambda@Edge runs (their current versions). */
  runtimeFamilies: /^(nodejs|python)/,
  /** The only runtime management mode Lambda@Edge supports (`RuntimeManagementConfig.UpdateRuntimeOn`). */
  runtimeUpdateMode: 'Auto',
  /** The only instruction set Lambda@Edge runs (arm64 is refused by CloudFront). */
  architecture: 'x86_64',
  /** The CloudFront event types that take a Lambda@Edge function. */
  viewerEvents: ['viewer-request', 'viewer-response'] as readonly string[],
  originEvents: ['origin-request', 'origin-response'] as readonly string[],
  /** The event types whose function may read the request body (`IncludeBody`). */
  includeBodyEvents: ['viewer-request', 'origin-request'] as readonly string[],
  /** Log group of an edge function in every region it runs in: `/aws/lambda/us-east-1.<name>`. */
  logGroupPrefix: '/aws/lambda/us-east-1.',
  /** Largest compressed package (code and libraries) of a viewer-event function: 1 MB. */
  viewerPackageBytes: 1024 * 1024,
  /** Largest compressed package (code and libraries) of an origin-event function: 50 MB. */
  originPackageBytes: 50 * 1024 * 1024,
  /** Largest generated response (headers and body) of a viewer-event function: 40 KB. */
  viewerResponseBytes: 40 * 1024,
  /** Largest generated response (headers and body) of an origin-event function: 1 MB. */
  originResponseBytes: 1024 * 1024,
  /** Request body exposed to a viewer-request function with IncludeBody (truncated beyond): 40 KB. */
  viewerBodyBytes: 40 * 1024,
  /** Request body exposed to an origin-request function with IncludeBody (truncated beyond): 1 MB. */
  originBodyBytes: 1024 * 1024,
} as const;

/**
 * Lambda@Edge limits on numbers (internal form), in the form of the Lambda table.
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html#limits-lambda-at-edge
 */
export const EDGE_LIMITS = {
  viewerMemorySize: spec(128, 128, 'MB', 'a function triggered by viewer request or viewer response events gets at most 128 MB of memory'),
  viewerTimeout: spec(1, 5, 's', 'a function triggered by viewer request or viewer response events runs at most 5 s'),
  originMemorySize: spec(128, 10_240, 'MB', 'a function triggered by origin request or origin response events has the Lambda memory range, 128 to 10,240 MB'),
  originTimeout: spec(1, 30, 's', 'a function triggered by origin request or origin response events runs at most 30 s'),
  ephemeralStorageSize: spec(512, 512, 'MB', 'Lambda@Edge does not support functions configured with more than 512 MB of ephemeral storage'),
};

/**
 * The AWS Lambda limits enforced by this library, for every jsii language.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
 */
export class LambdaLimits {
  /** Smallest function memory, in MB. */
  public static readonly MIN_MEMORY_MB = LIMITS.memorySize.min;
  /** Largest function memory, in MB. */
  public static readonly MAX_MEMORY_MB = LIMITS.memorySize.max;
  /** Longest function timeout, in seconds. */
  public static readonly MAX_TIMEOUT_SECONDS = LIMITS.timeout.max;
  /** Smallest /tmp size, in MB. */
  public static readonly MIN_EPHEMERAL_STORAGE_MB = LIMITS.ephemeralStorageSize.min;
  /** Largest /tmp size, in MB. */
  public static readonly MAX_EPHEMERAL_STORAGE_MB = LIMITS.ephemeralStorageSize.max;
  /** Total size of environment variables (keys + values, UTF-8), in bytes. */
  public static readonly MAX_ENVIRONMENT_BYTES = LIMITS.environmentBytes.max;
  /** Most layers a function can use. */
  public static readonly MAX_LAYERS = LIMITS.layersPerFunction.max;
  /** Function plus layers, unzipped, in bytes. */
  public static readonly MAX_UNZIPPED_BYTES = LIMITS.unzippedPackageBytes.max;
  /** Default account concurrency limit per region. */
  public static readonly DEFAULT_ACCOUNT_CONCURRENCY = DEFAULTS.accountConcurrencyLimit;
  /** Executions that must stay unreserved in every account and region. */
  public static readonly UNRESERVED_CONCURRENCY_FLOOR = LIMITS.unreservedConcurrencyFloor.min;
  /** Most retries of an asynchronous invocation. */
  public static readonly MAX_ASYNC_RETRIES = LIMITS.asyncRetryAttempts.max;
  /** Longest maximum event age of an asynchronous invocation, in seconds. */
  public static readonly MAX_ASYNC_EVENT_AGE_SECONDS = LIMITS.asyncMaxEventAge.max;
  /** Recommended queue visibility timeout, as a multiple of the function timeout. */
  public static readonly SQS_VISIBILITY_TIMEOUT_FACTOR = LIMITS.visibilityTimeoutFactor.min;
  /** Longest timeout of a Cognito user pool trigger's function, in seconds: Cognito waits no longer. */
  public static readonly MAX_COGNITO_TRIGGER_TIMEOUT_SECONDS = TRIGGER_FACTS.cognitoTimeout.max;
  /** Most CloudWatch Logs subscription filters on one log group. */
  public static readonly MAX_SUBSCRIPTION_FILTERS_PER_LOG_GROUP = TRIGGER_FACTS.logsSubscriptionFilters.max;
  /**
   * Largest memory of a Lambda@Edge function triggered by viewer events, in MB.
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html#limits-lambda-at-edge
   */
  public static readonly EDGE_VIEWER_MAX_MEMORY_MB = EDGE_LIMITS.viewerMemorySize.max;
  /** Longest timeout of a Lambda@Edge function triggered by viewer events, in seconds. */
  public static readonly EDGE_VIEWER_MAX_TIMEOUT_SECONDS = EDGE_LIMITS.viewerTimeout.max;
  /** Longest timeout of a Lambda@Edge function triggered by origin events, in seconds. */
  public static readonly EDGE_ORIGIN_MAX_TIMEOUT_SECONDS = EDGE_LIMITS.originTimeout.max;

  private constructor() {}
}

// --- issue 12: CloudFormation limits the blueprints check (kept apart from the Lambda table above)

/**
 * CloudFormation limits (internal form).
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html
 */
export const CLOUDFORMATION_LIMITS = {
  resourcesPerStack: spec(0, 500, 'resources', 'CloudFormation accepts at most 500 resources in one stack'),
};

// --- Runtime API facts (read by the local emulator, src/local/)

/**
 * What Lambda's execution environment promises a runtime, as the local emulator reproduces it.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html
 * @see https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
 */
export const RUNTIME_API_FACTS = {
  /** The Runtime API version in every path (`/2018-06-01/runtime/...`). */
  version: '2018-06-01',
  /** Largest request and response payload of a synchronous invocation: 6 MB. */
  syncPayloadBytes: 6 * 1024 * 1024,
  /** Largest event of an asynchronous invocation: 1 MB. */
  asyncPayloadBytes: 1024 * 1024,
  /**
   * Largest streamed response (Function URL `RESPONSE_STREAM`, InvokeWithResponseStream): 200 MB since July 2025.
   * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-response-streaming.html
   */
  streamedResponseBytes: 200 * 1024 * 1024,
  /** The content type of a streamed HTTP response: a JSON prelude (status, headers, cookies), 8 NUL bytes, then the body. */
  httpStreamContentType: 'application/vnd.awslambda.http-integration-response',
  /** The init phase of an on-demand environment may take 10 s. */
  initTimeoutSeconds: 10,
  /** Lambda's own memory size when a template leaves MemorySize unset, in MB. */
  defaultMemoryMb: 128,
  /** Lambda's own /tmp size when a template leaves EphemeralStorage unset, in MB. */
  defaultEphemeralStorageMb: 512,
  /** Messages per batch of an SQS mapping without BatchSize. */
  defaultSqsBatchSize: 10,
  /** Records per batch of a Kinesis or DynamoDB Streams mapping without BatchSize. */
  defaultStreamBatchSize: 100,
  /** Retries of an asynchronous invocation without an EventInvokeConfig. */
  defaultAsyncRetries: 2,
  /** Where Lambda extracts layers; binaries, libraries and language paths are found under it. */
  optDir: '/opt',
} as const;

// --- issue 14: code packaging facts (read by BlueprintCode and the package rules)

/**
 * Deployment package facts (internal form).
 * @see https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
 * @see https://docs.aws.amazon.com/lambda/latest/dg/images-create.html
 */
export const PACKAGE_FACTS = {
  /** A zip uploaded straight to Lambda (not through S3) may be 50 MB. */
  directUploadZipBytes: 50 * 1024 * 1024,
  /** A container image (all layers, uncompressed) may be 10 GB. */
  imageBytes: 10 * 1024 * 1024 * 1024,
  /** Lambda pulls function images from Amazon ECR private repositories only. */
  ecrImageUri: /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([a-z0-9._\/-]+)(?::([\w.-]{1,128})|@(sha256:[0-9a-f]{64}))$/,
} as const;

// --- issue 30: the C library of the runtimes' operating systems (read by LambdaNativeGlibc)

/**
 * The glibc of each operating system Lambda runs functions on, and the runtimes on it (internal form). A
 * binary that imports a glibc symbol at a newer version than the runtime's glibc fails to load there.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html
 * @see https://docs.aws.amazon.com/linux/al2023/ug/compare-with-al2.html
 */
export const RUNTIME_OS_FACTS: ReadonlyArray<{ readonly os: string; readonly glibc: string; readonly runtimes: RegExp }> = [
  {
    os: 'Amazon Linux 2023',
    glibc: '2.34',
    runtimes: /^(provided\.al2023|nodejs(2\d|[3-9]\d)\.x|python3\.(1[2-9])|java(21|25)|java\d+\.al2023|dotnet(8|9|10)|ruby(3\.[3-9]|4\.\d))$/,
  },
  {
    os: 'Amazon Linux 2',
    glibc: '2.26',
    runtimes: /^(provided\.al2|nodejs1[68]\.x|python3\.(8|9|10|11)|java8\.al2|java11|java17|ruby3\.2|dotnet6)$/,
  },
];

/**
 * Java facts (internal form): a class file's major version is the Java feature version plus 44 (Java 8:
 * 52, 17: 61, 21: 65, 25: 69); a JVM refuses class files above its own (UnsupportedClassVersionError).
 *
 * @see https://docs.oracle.com/javase/specs/jvms/se21/html/jvms-4.html#jvms-4.1
 */
export const JAVA_FACTS = {
  /** The Java version of a Lambda Java runtime name (`java21`, `java17.al2023`, `java8.al2`). */
  runtime: /^java(\d+)(\.al2(023)?)?$/,
  /** Class file major version = Java feature version + 44. */
  classMajorOffset: 44,
} as const;

// --- issue 25: Lambda features of 2023–2026 (shared/LAMBDA-FACTS-2026.md; read by the rules of
// src/rules/snapstart, managed-instances, durable, streaming, tenancy, signing and function)

/**
 * SnapStart (internal form).
 * @see https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html
 */
export const SNAPSTART_FACTS = {
  /** `SnapStart.ApplyOn` that turns SnapStart on (the other value is `None`). */
  applyOn: 'PublishedVersions',
  /**
   * AWS base images that support SnapStart as they are: Java 11+, Python 3.12+, .NET 8+ (group 1 the
   * language, group 2 the version the tag starts with).
   * @see https://docs.aws.amazon.com/lambda/latest/dg/snapstart-runtime-hooks-custom.html
   * @see https://docs.aws.amazon.com/lambda/latest/dg/images-create.html
   */
  baseImage: /^(?:public\.ecr\.aws\/lambda\/|amazon\/aws-lambda-)(java|python|dotnet):(\d+(?:\.\d+)?)/,
  /** The smallest version of each AWS base image with SnapStart. */
  baseImageMinimum: { java: [11], python: [3, 12], dotnet: [8] } as Readonly<Record<string, readonly number[]>>,
  /** The label another image needs for SnapStart (without the runtime API hooks, publishing fails). */
  imageLabel: 'com.amazonaws.lambda.feature.snapstart',
  imageLabelValue: 'Allow',
} as const;

/**
 * Lambda Managed Instances: functions that run on a capacity provider (`CapacityProviderConfig`).
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances-runtimes.html
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_LambdaManagedInstancesCapacityProviderConfig.html
 * @see https://docs.amazonaws.cn/en_us/serverless-application-model/latest/developerguide/sam-property-function-capacityproviderconfig.html
 * @see https://docs.amazonaws.cn/lambda/latest/dg/lambda-managed-instances-scaling.html
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_FunctionScalingConfig.html
 * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html
 */
export const MANAGED_INSTANCES_FACTS = {
  /** Runtimes Lambda Managed Instances run: Java 21+, Python 3.13+, Node.js 22+, .NET 8+, provided.al2023 (OS-only). */
  runtimes: /^(java(2[1-9]|[3-9]\d)|python3\.(1[3-9]|[2-9]\d)|nodejs(2[2-9]|[3-9]\d)\.x|dotnet([89]|[1-9]\d)|provided\.al20(2[3-9]|[3-9]\d))$/,
  /** The same list as messages print it. */
  runtimesText: 'Java 21+, Python 3.13+, Node.js 22+, .NET 8+ or the OS-only provided.al2023',
  /** Smallest function memory on a capacity provider: 2 GB (with 1 vCPU). */
  minMemoryMb: 2_048,
  /** MB of function memory per GiB of the memory-per-vCPU ratio (MemorySize ≥ ratio × 1,024). */
  mbPerGib: 1_024,
  /** `ExecutionEnvironmentMemoryGiBPerVCpu`: the API range. */
  memoryPerVCpu: spec(2, 8, 'GiB per vCPU', 'Lambda Managed Instances support 2, 4 or 8 GiB of memory per vCPU', false),
  /** The memory-per-vCPU ratios Lambda Managed Instances support. */
  memoryPerVCpuRatios: [2, 4, 8] as readonly number[],
  /** `PerExecutionEnvironmentMaxConcurrency`. */
  perEnvironmentConcurrency: spec(1, 1_600, 'concurrent invocations', 'one execution environment of Lambda Managed Instances handles 1 to 1,600 concurrent invocations'),
  /** `FunctionScalingConfig.MinExecutionEnvironments` / `MaxExecutionEnvironments`. */
  executionEnvironments: spec(0, 15_000, 'execution environments', 'a Lambda Managed Instances function scales between 0 and 15,000 execution environments, the minimum at most the maximum'),
  /**
   * Timeout of a function on a capacity provider: asynchronous invocations and event source mappings
   * (except Amazon MQ and Amazon DocumentDB) may run 5,400 s; every other invocation 900 s.
   */
  timeout: spec(1, 5_400, 's', 'on Lambda Managed Instances, asynchronous invocations and event source mappings may run up to 5,400 s (90 minutes)'),
  /** Event sources whose mappings stay limited to 900 s on Lambda Managed Instances (Amazon MQ, Amazon DocumentDB). */
  shortMappingSources: ['AWS::AmazonMQ::Broker', 'AWS::DocDB::DBCluster'] as readonly string[],
  /** ARN services of those sources (`arn:aws:mq:…`, `arn:aws:rds:…` for DocumentDB clusters). */
  shortMappingArn: /^arn:[^:]+:(mq|rds):/,
  /**
   * `AWS::Lambda::CapacityProvider` ranges of the API (aws-cdk-lib 2.276's CapacityProvider refuses
   * maxVCpuCount below 12 itself).
   * @see https://docs.aws.amazon.com/lambda/latest/api/API_CapacityProviderScalingConfig.html
   * @see https://docs.amazonaws.cn/lambda/latest/dg/lambda-managed-instances-capacity-providers.html
   */
  maxVCpuCount: spec(2, 15_000, 'vCPUs', 'a capacity provider scales to at most 2 to 15,000 vCPUs'),
  capacityProviderSubnets: spec(1, 16, 'subnets', 'a capacity provider places instances in 1 to 16 subnets'),
  manualScalingPolicies: spec(1, 10, 'scaling policies', 'a capacity provider in Manual scaling mode has 1 to 10 target tracking policies'),
  /**
   * The instruction set of a capacity provider's instances when `InstanceRequirements.Architectures` is
   * not set (one architecture per provider), and of a function without `Architectures`.
   * @see https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances-capacity-providers.html
   */
  defaultArchitecture: 'x86_64',
  /** The smallest `maxVCpuCount` aws-cdk-lib 2.276's CapacityProvider accepts (it throws below; the API accepts 2). */
  cdkMinVCpuCount: 12,
  /** Security groups of a capacity provider: optional in the API, 1 to 5 in aws-cdk-lib (which throws outside). */
  capacityProviderSecurityGroups: spec(1, 5, 'security groups', 'aws-cdk-lib attaches 1 to 5 security groups to the instances of a capacity provider'),
  manualScalingMode: 'Manual',
  /** Service principals that invoke a function synchronously (API Gateway, Application Load Balancer). */
  synchronousPrincipals: ['apigateway.amazonaws.com', 'elasticloadbalancing.amazonaws.com'] as readonly string[],
} as const;

/**
 * Durable functions (`DurableConfig`).
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/durable-supported-runtimes.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-durableconfig.html
 * @see https://docs.aws.amazon.com/lambda/latest/dg/durable-best-practices.html
 * @see https://docs.aws.amazon.com/lambda/latest/dg/durable-invoking-esm.html
 */
export const DURABLE_FACTS = {
  /** Runtimes of durable functions: Node.js 22+, Python 3.13+, Java 17+, .NET 8+ (container images too). */
  runtimes: /^(nodejs(2[2-9]|[3-9]\d)\.x|python3\.(1[3-9]|[2-9]\d)|java(1[7-9]|[2-9]\d)(\.al2023)?|dotnet([89]|[1-9]\d))$/,
  /** The same list as messages print it. */
  runtimesText: 'Node.js 22+, Python 3.13+, Java 17+, .NET 8+ or a container image',
  /** `DurableConfig.ExecutionTimeout`: 1 s to 366 days. */
  executionTimeout: spec(1, 31_622_400, 's', 'a durable execution runs from 1 s to 366 days'),
  /** `DurableConfig.RetentionPeriodInDays`: whole days, 1–90. */
  retentionDays: spec(1, 90, 'days', 'Lambda keeps the history of a durable execution for 1 to 90 whole days'),
  /** Longest durable execution an event source mapping can run (synchronous invocations): 900 s, 5,400 s on Lambda Managed Instances. */
  mappingExecutionSeconds: 900,
} as const;

/**
 * Response streaming through function URLs (`InvokeMode: RESPONSE_STREAM`).
 * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-response-streaming.html
 */
export const STREAMING_FACTS = {
  invokeMode: 'RESPONSE_STREAM',
  /** Runtimes that stream natively (Node.js managed runtimes) or through the Runtime API (custom runtimes). */
  runtimes: /^(nodejs|provided)/,
} as const;

/**
 * Code signing.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-codesigning-create.html
 */
export const CODE_SIGNING_FACTS = {
  /** Signing profiles one code signing configuration holds. */
  maxSigningProfiles: 20,
  /** The package type code signing does not support. */
  unsupportedPackageType: 'Image',
} as const;

/**
 * Runtime management controls (`RuntimeManagementConfig`).
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-runtimemanagementconfig.html
 */
export const RUNTIME_MANAGEMENT_FACTS = {
  modes: ['Auto', 'FunctionUpdate', 'Manual'] as readonly string[],
  /** The mode that needs a `RuntimeVersionArn`. */
  manual: 'Manual',
  /** A runtime version ARN (no account field); group 2 is the region. */
  versionArn: /^arn:(aws[a-zA-Z-]*):lambda:([a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\d{1})::runtime:.+$/,
  versionArnLength: spec(26, 2_048, 'characters', 'a runtime version ARN is arn:<partition>:lambda:<region>::runtime:<id>, 26 to 2,048 characters'),
} as const;

/**
 * Advanced logging controls (`LoggingConfig`).
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_LoggingConfig.html
 * @see https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-advanced.html
 */
export const LOGGING_FACTS = {
  logGroupLength: spec(1, 512, 'characters', 'a log group name has 1 to 512 characters of letters, digits and . - _ / #'),
  logGroupPattern: /^[.\-_/#A-Za-z0-9]+$/,
  formats: ['JSON', 'Text'] as readonly string[],
  applicationLevels: ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'] as readonly string[],
  systemLevels: ['DEBUG', 'INFO', 'WARN'] as readonly string[],
  /** Runtimes whose built-in loggers write JSON application logs: Java (not java8 on AL1), .NET 8+, Node.js 16+, Python 3.8+. */
  jsonApplicationLogRuntimes: /^(java(8\.al2|9|[1-9]\d)(\.al2(023)?)?|dotnet([89]|[1-9]\d)|nodejs(1[6-9]|[2-9]\d)\.x|python3\.([89]|[1-9]\d))$/,
  jsonApplicationLogRuntimesText: 'Java (not java8), .NET 8+, Node.js 16+ or Python 3.8+',
} as const;

/**
 * Tenant isolation mode (`TenancyConfig`) and recursive loop detection (`RecursiveLoop`).
 * @see https://docs.aws.amazon.com/lambda/latest/dg/tenant-isolation.html
 * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-recursion.html
 */
export const INVOCATION_FACTS = {
  /** The `RecursiveLoop` value that lets recursive loops run (the default is `Terminate`). */
  recursiveLoopAllow: 'Allow',
  /** Rounds after which Lambda stops a detected recursive loop. */
  recursiveLoopRounds: 16,
} as const;

/**
 * Powertools for AWS Lambda layers, published by AWS per region (commercial regions and GovCloud).
 * TypeScript: one layer for both architectures. Python v3: a layer per Python version and architecture.
 * @see https://docs.aws.amazon.com/powertools/typescript/latest/getting-started/lambda-layers
 * @see https://docs.aws.amazon.com/powertools/python/latest/getting-started/install/#lambda-layer
 */
export const POWERTOOLS_FACTS = {
  typeScriptAccount: '094274105915',
  typeScriptLayer: 'AWSLambdaPowertoolsTypeScriptV2',
  /** The newest version the TypeScript docs list (shared/LAMBDA-FACTS-2026.md §9). */
  typeScriptLayerVersion: 44,
  pythonAccount: '017000801446',
  /** `AWSLambdaPowertoolsPythonV3-python313-arm64` */
  pythonLayerPrefix: 'AWSLambdaPowertoolsPythonV3',
  /** The Python layers exist for Python 3.9 and later. */
  pythonRuntimes: /^python3\.(9|[1-9]\d)$/,
  /** The variable Powertools reads the service name from (logs, metrics and traces). */
  serviceNameVariable: 'POWERTOOLS_SERVICE_NAME',
} as const;
