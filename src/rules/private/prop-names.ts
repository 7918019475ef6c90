import { spellProp } from '../../core/private/language';

/**
 * The prop a user writes for a template property (issue 27): a rule reports the property as the template
 * names it (`MemorySize`), and the message puts the prop beside it, in the user's language
 * (`memory_size (MemorySize)` in Python). The names are aws-cdk-lib's L2 props, which the blueprints share,
 * so a finding reads the same in construct mode and in `LambdaBlueprintChecks`. A property without an
 * unambiguous prop (a VPC placement, a notification) is printed alone.
 *
 * Keyed by `<resource type> <property as the finding names it>`.
 */
const PROPS: Readonly<Record<string, string>> = {
  'AWS::Lambda::Function MemorySize': 'memorySize',
  'AWS::Lambda::Function Timeout': 'timeout',
  'AWS::Lambda::Function ReservedConcurrentExecutions': 'reservedConcurrentExecutions',
  'AWS::Lambda::Function EphemeralStorage.Size': 'ephemeralStorageSize',
  'AWS::Lambda::Function Handler': 'handler',
  'AWS::Lambda::Function Runtime': 'runtime',
  'AWS::Lambda::Function Architectures': 'architecture',
  'AWS::Lambda::Function FunctionName': 'functionName',
  'AWS::Lambda::Function Layers': 'layers',
  'AWS::Lambda::Function Layers (count)': 'layers',
  'AWS::Lambda::Function Environment.Variables': 'environment',
  'AWS::Lambda::Function Environment (keys + values, UTF-8)': 'environment',
  'AWS::Lambda::Function RuntimeManagementConfig.UpdateRuntimeOn': 'runtimeManagementMode',
  'AWS::Lambda::Function SnapStart.ApplyOn': 'snapStart',
  'AWS::Lambda::Function DurableConfig': 'durableConfig',
  'AWS::Lambda::Function DurableConfig.ExecutionTimeout': 'durableConfig.executionTimeout',
  'AWS::Lambda::Function DurableConfig.RetentionPeriodInDays': 'durableConfig.retentionPeriod',
  'AWS::Lambda::Function CodeSigningConfigArn': 'codeSigningConfig',
  'AWS::Lambda::Function TenancyConfig.TenantIsolationMode': 'tenancyConfig',
  'AWS::Lambda::Function RecursiveLoop': 'recursiveLoop',
  'AWS::Lambda::Function RuntimeManagementConfig.RuntimeVersionArn': 'runtimeManagementMode',
  'AWS::Lambda::Function LoggingConfig.LogGroup': 'logGroup',
  'AWS::Lambda::Function LoggingConfig.LogFormat': 'loggingFormat',
  'AWS::Lambda::Function LoggingConfig.ApplicationLogLevel': 'applicationLogLevelV2',
  'AWS::Lambda::Function LoggingConfig.SystemLogLevel': 'systemLogLevelV2',
  'AWS::Lambda::Url InvokeMode': 'invokeMode',
  'AWS::Lambda::Alias ProvisionedConcurrencyConfig': 'provisionedConcurrentExecutions',
  'AWS::Lambda::Alias ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions': 'provisionedConcurrency',
  'AWS::Lambda::Version ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions': 'provisionedConcurrentExecutions',
  'AWS::Lambda::Alias RoutingConfig.AdditionalVersionWeights.FunctionWeight': 'weightedRouting.weight',
  'AWS::Lambda::Version ProvisionedConcurrencyConfig': 'provisionedConcurrentExecutions',
  'AWS::Lambda::CodeSigningConfig AllowedPublishers.SigningProfileVersionArns': 'signingProfiles',
  'AWS::Lambda::CapacityProvider CapacityProviderScalingConfig.MaxVCpuCount': 'maxVCpuCount',
  'AWS::Lambda::EventSourceMapping BatchSize': 'batchSize',
  'AWS::Lambda::EventSourceMapping MaximumBatchingWindowInSeconds': 'maxBatchingWindow',
  'AWS::Lambda::EventSourceMapping ScalingConfig.MaximumConcurrency': 'maxConcurrency',
  'AWS::Lambda::EventSourceMapping MaximumRetryAttempts': 'retryAttempts',
  'AWS::Lambda::EventSourceMapping MaximumRecordAgeInSeconds': 'maxRecordAge',
  'AWS::Lambda::EventSourceMapping ParallelizationFactor': 'parallelizationFactor',
  'AWS::Lambda::EventSourceMapping TumblingWindowInSeconds': 'tumblingWindow',
  'AWS::Lambda::EventSourceMapping StartingPosition': 'startingPosition',
  'AWS::Lambda::EventSourceMapping StartingPositionTimestamp': 'startingPositionTimestamp',
  'AWS::Lambda::EventSourceMapping BisectBatchOnFunctionError': 'bisectBatchOnError',
  'AWS::Lambda::EventSourceMapping queue VisibilityTimeout': 'visibilityTimeout',
  'AWS::Lambda::EventInvokeConfig MaximumRetryAttempts': 'retryAttempts',
  'AWS::Lambda::EventInvokeConfig MaximumEventAgeInSeconds': 'maxEventAge',
  'AWS::Events::Rule RetryPolicy.MaximumRetryAttempts': 'retryAttempts',
  'AWS::Events::Rule RetryPolicy.MaximumEventAgeInSeconds': 'maxEventAge',
  'AWS::ApiGateway::Stage MethodSettings.ThrottlingRateLimit': 'throttlingRateLimit',
  'AWS::ApiGateway::Stage MethodSettings.ThrottlingBurstLimit': 'throttlingBurstLimit',
  'AWS::Lambda::LayerVersion LicenseInfo (length)': 'license',
  'AWS::Lambda::LayerVersion CompatibleRuntimes (count)': 'compatibleRuntimes',
  'AWS::Lambda::LayerVersion CompatibleArchitectures (count)': 'compatibleArchitectures',
  'AWS::Lambda::Url AuthType': 'authType',
  'AWS::SQS::Queue VisibilityTimeout': 'visibilityTimeout',
  'AWS::SQS::Queue MessageRetentionPeriod': 'retentionPeriod',
  'AWS::SQS::Queue RedrivePolicy.maxReceiveCount': 'deadLetterQueue.maxReceiveCount',
  'AWS::Kinesis::Stream RetentionPeriodHours': 'retentionPeriod',
  'AWS::Kinesis::Stream ShardCount': 'shardCount',
};

/**
 * How a message names what is wrong: the prop in the user's spelling beside the template property
 * (`memorySize (MemorySize)`), a prop alone when the finding names one (`accountConcurrencyLimit`, from a
 * construct's input), or the template property alone (also when the prop is spelled the same, as in Go).
 */
export function subjectOf(property: string, type?: string): string {
  const prop = type === undefined ? undefined : PROPS[`${type} ${property}`];
  const spelled = prop === undefined ? undefined : spellProp(prop);
  // Go and .NET spell most props as the template does: `MemorySize`, not `MemorySize (MemorySize)`.
  if (spelled === property) return property;
  if (spelled) {
    // `Environment (keys + values, UTF-8)` → `environment (Environment, keys + values, UTF-8)`
    const detail = /^(.*) \((.*)\)$/.exec(property);
    return detail ? `${spelled} (${detail[1]}, ${detail[2]})` : `${spelled} (${property})`;
  }
  return /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/.test(property) ? spellProp(property) : property;
}
