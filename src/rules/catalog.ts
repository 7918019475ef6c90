import { CodeDeployAliasAlarms, LambdaAliasRouting, LambdaAliasSettings, LambdaProvisionedConcurrency, LambdaProvisionedOnLatest } from './alias';
import { LambdaDurableConfig, LambdaDurableMappingTimeout, LambdaDurableRuntime, LambdaDurableUnqualified } from './durable';
import { LambdaEdgeArchitecture, LambdaEdgeEnvironment, LambdaEdgeEphemeralStorage, LambdaEdgeIncludeBody, LambdaEdgeLayers, LambdaEdgeOriginTimeout, LambdaEdgePackageSize, LambdaEdgeProvisionedConcurrency, LambdaEdgeRegion, LambdaEdgeRole, LambdaEdgeRuntime, LambdaEdgeVersion, LambdaEdgeViewerLimits, LambdaEdgeVpc } from './edge';
import { LambdaArchitecture, LambdaAsyncFailurePath, LambdaAsyncInvokeConfig, LambdaBucketCodeVersion, LambdaLayerVersionSettings, LambdaEnvironment, LambdaEnvironmentSecret, LambdaEphemeralStorage, LambdaFifoAsyncDestination, LambdaFunctionName, LambdaFunctionNameUnique, LambdaHandler, LambdaInlineCode, LambdaLayers, LambdaLoggingConfig, LambdaLogLevelRuntime, LambdaMemorySize, LambdaRecursiveLoopAllowed, LambdaReservedConcurrency, LambdaRuntimeDeprecated, LambdaRuntimeManagement, LambdaRuntimeNotNewest, LambdaRuntimeVersionRegion, LambdaTimeout } from './function';
import { LambdaEventLoop, LambdaImportedRole } from './graph';
import { ApiGatewayStageThrottling, LambdaFunctionUrlAuth } from './http';
import { BlueprintDashboardFunctions, BlueprintDashboardWidgets, BlueprintStandardsProps, BlueprintVpcLayout, CloudFormationStackResources, EventBridgeToFunctionSource, LambdaCodePackage, KinesisStreamEncryption, LambdaAccountConcurrencyBudget, LambdaAsyncInvokeOptions, LambdaFunctionPropsRefused, LambdaIsolatedInNatSubnets, LambdaLayerCompatibility, LambdaLayerContent, LambdaLayerVersionRetained, LambdaManagedInstancesOptions, LambdaNatEgressUnverified, LambdaNetworkPlacement, LambdaPackageUnverified, LambdaReleaseOptions, LambdaSingleAvailabilityZone, LambdaSnapStartRuntime, NagAcknowledgementReason, SqsSourceMaxReceiveCount } from './inputs';
import { LambdaCapacityProviderSettings, LambdaManagedInstancesArchitecture, LambdaManagedInstancesMemory, LambdaManagedInstancesRuntime, LambdaManagedInstancesSettings, LambdaManagedInstancesTimeout } from './managed-instances';
import { LambdaMappingBatchingWindow, LambdaMappingFilters, LambdaMappingUnknownFacts, LambdaSqsMapping, LambdaSqsSourceRedrive, LambdaSqsVisibilityBelowTimeout, LambdaSqsVisibilityTimeout, LambdaStreamConcurrency, LambdaStreamFailureHandling, LambdaStreamMapping } from './mapping';
import { LambdaInternetGatewaySubnet } from './network';
import { LambdaBootstrap, LambdaHandlerPresent, LambdaImageTag, LambdaImageUri, LambdaJavaClassVersion, LambdaNativeArchitecture, LambdaNativeGlibc, LambdaPackageSize, LambdaPythonAbi } from './package';
import { Rule } from './private/rule';
import { SqsQueueSettings } from './queue';
import { S3NotificationFilter, S3NotificationOverlap, S3NotificationSelfTrigger, S3NotificationVersioning } from './s3';
import { LambdaCodeSigningImage, LambdaCodeSigningProfiles } from './signing';
import { LambdaSnapStartImage, LambdaSnapStartProvisioned, LambdaSnapStartUnqualified } from './snapstart';
import { STANDARD_RULES } from './standards';
import { KinesisStreamSettings } from './stream';
import { LambdaStreamingRuntime, LambdaStreamingUrlVpc } from './streaming';
import { LambdaTenantIsolation } from './tenancy';
import { CognitoTriggerTimeout, CognitoTriggerUnknownTimeout, EventBridgeTargetRetry, LogsSubscriptionFilterCount, LogsSubscriptionOwnLogGroup } from './triggers';

/** Every product rule, in report order: the single place the constructs and the nag pack take them from. */
export const ALL_RULES: readonly Rule[] = [
  LambdaMemorySize,
  LambdaTimeout,
  LambdaEphemeralStorage,
  LambdaEnvironment,
  LambdaEnvironmentSecret,
  LambdaRuntimeDeprecated,
  LambdaRuntimeNotNewest,
  LambdaHandler,
  LambdaInlineCode,
  LambdaFunctionName,
  LambdaFunctionNameUnique,
  LambdaLayers,
  LambdaLayerVersionSettings,
  LambdaArchitecture,
  LambdaReservedConcurrency,
  LambdaBucketCodeVersion,
  LambdaHandlerPresent,
  LambdaNativeArchitecture,
  LambdaNativeGlibc,
  LambdaBootstrap,
  LambdaJavaClassVersion,
  LambdaPythonAbi,
  LambdaPackageSize,
  LambdaImageUri,
  LambdaImageTag,
  LambdaFifoAsyncDestination,
  LambdaAsyncInvokeConfig,
  LambdaAsyncFailurePath,
  LambdaInternetGatewaySubnet,
  LambdaMappingBatchingWindow,
  LambdaMappingFilters,
  LambdaSqsMapping,
  LambdaSqsSourceRedrive,
  LambdaStreamMapping,
  LambdaSqsVisibilityBelowTimeout,
  LambdaSqsVisibilityTimeout,
  LambdaMappingUnknownFacts,
  LambdaStreamConcurrency,
  LambdaStreamFailureHandling,
  SqsQueueSettings,
  KinesisStreamSettings,
  LambdaAliasSettings,
  LambdaAliasRouting,
  LambdaProvisionedConcurrency,
  LambdaProvisionedOnLatest,
  CodeDeployAliasAlarms,
  S3NotificationSelfTrigger,
  S3NotificationVersioning,
  S3NotificationOverlap,
  S3NotificationFilter,
  CognitoTriggerTimeout,
  CognitoTriggerUnknownTimeout,
  LogsSubscriptionOwnLogGroup,
  LogsSubscriptionFilterCount,
  EventBridgeTargetRetry,
  LambdaFunctionUrlAuth,
  ApiGatewayStageThrottling,
  LambdaEventLoop,
  LambdaImportedRole,
  // Lambda features of 2023–2026 (issue 25): SnapStart, Managed Instances, durable functions, response
  // streaming, code signing, tenant isolation, recursive loops, runtime management, advanced logging.
  LambdaSnapStartProvisioned,
  LambdaSnapStartUnqualified,
  LambdaSnapStartImage,
  LambdaManagedInstancesRuntime,
  LambdaManagedInstancesMemory,
  LambdaManagedInstancesSettings,
  LambdaManagedInstancesTimeout,
  LambdaManagedInstancesArchitecture,
  LambdaCapacityProviderSettings,
  LambdaDurableConfig,
  LambdaDurableRuntime,
  LambdaDurableUnqualified,
  LambdaDurableMappingTimeout,
  LambdaStreamingRuntime,
  LambdaStreamingUrlVpc,
  LambdaCodeSigningImage,
  LambdaCodeSigningProfiles,
  LambdaTenantIsolation,
  LambdaRecursiveLoopAllowed,
  LambdaRuntimeManagement,
  LambdaRuntimeVersionRegion,
  LambdaLoggingConfig,
  LambdaLogLevelRuntime,
  // Lambda@Edge: fire only on functions a CloudFront distribution triggers (or BlueprintEdgeFunction marks).
  LambdaEdgeVersion,
  LambdaEdgeIncludeBody,
  LambdaEdgeRegion,
  LambdaEdgeRole,
  LambdaEdgeVpc,
  LambdaEdgeEnvironment,
  LambdaEdgeLayers,
  LambdaEdgeProvisionedConcurrency,
  LambdaEdgeEphemeralStorage,
  LambdaEdgeRuntime,
  LambdaEdgeArchitecture,
  LambdaEdgeViewerLimits,
  LambdaEdgeOriginTimeout,
  LambdaEdgePackageSize,
  // Platform standards (BlueprintStandards): fire only where a standard is in force.
  ...STANDARD_RULES,
  // Construct inputs: checked on a construct's props at synth (values aws-cdk-lib would throw on, calls and
  // option combinations that never reach the template as such), reported by the same engine.
  LambdaFunctionPropsRefused,
  LambdaNetworkPlacement,
  LambdaIsolatedInNatSubnets,
  LambdaNatEgressUnverified,
  LambdaSingleAvailabilityZone,
  BlueprintVpcLayout,
  LambdaSnapStartRuntime,
  LambdaManagedInstancesOptions,
  LambdaCodePackage,
  BlueprintDashboardFunctions,
  BlueprintDashboardWidgets,
  CloudFormationStackResources,
  LambdaAccountConcurrencyBudget,
  BlueprintStandardsProps,
  LambdaLayerContent,
  LambdaLayerCompatibility,
  LambdaLayerVersionRetained,
  LambdaPackageUnverified,
  LambdaAsyncInvokeOptions,
  LambdaReleaseOptions,
  SqsSourceMaxReceiveCount,
  KinesisStreamEncryption,
  EventBridgeToFunctionSource,
  NagAcknowledgementReason,
];
