import { LambdaAliasSettings } from './alias/alias-settings';
import { CodeDeployAliasAlarms } from './alias/codedeploy-alarms';
import { LambdaProvisionedOnLatest } from './alias/provisioned-on-latest';
import { LambdaArchitecture } from './function/architecture';
import { LambdaAsyncInvokeConfig } from './function/async-invoke-config';
import { LambdaBucketCodeVersion } from './function/bucket-code-version';
import { LambdaEnvironment } from './function/environment';
import { LambdaEnvironmentSecret } from './function/environment-secret';
import { LambdaEphemeralStorage } from './function/ephemeral-storage';
import { LambdaFifoAsyncDestination } from './function/fifo-async-destination';
import { LambdaFunctionName } from './function/function-name';
import { LambdaFunctionNameUnique } from './function/function-name-unique';
import { LambdaHandler } from './function/handler';
import { LambdaInlineCode } from './function/inline-code';
import { LambdaLayers } from './function/layers';
import { LambdaMemorySize } from './function/memory-size';
import { LambdaReservedConcurrency } from './function/reserved-concurrency';
import { LambdaRuntimeDeprecated } from './function/runtime-deprecated';
import { LambdaRuntimeNotNewest } from './function/runtime-newest';
import { LambdaTimeout } from './function/timeout';
import { LambdaEventLoop } from './graph/event-loop';
import { LambdaMappingBatchingWindow } from './mapping/batching-window';
import { LambdaMappingFilters } from './mapping/filters';
import { LambdaSqsMapping } from './mapping/sqs-mapping';
import { LambdaSqsVisibilityBelowTimeout } from './mapping/sqs-visibility-below-timeout';
import { LambdaSqsVisibilityTimeout } from './mapping/sqs-visibility-timeout';
import { LambdaStreamConcurrency } from './mapping/stream-concurrency';
import { LambdaStreamFailureHandling } from './mapping/stream-failure-handling';
import { LambdaStreamMapping } from './mapping/stream-mapping';
import { LambdaMappingUnknownFacts } from './mapping/unknown-facts';
import { LambdaInternetGatewaySubnet } from './network/internet-gateway-subnet';
import { Rule } from './private/rule';
import { SqsQueueSettings } from './queue/queue-settings';
import { S3NotificationFilter } from './s3/notification-filter';
import { S3NotificationOverlap } from './s3/notification-overlap';
import { S3NotificationSelfTrigger } from './s3/self-trigger';
import { KinesisStreamSettings } from './stream/kinesis-settings';

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
  LambdaArchitecture,
  LambdaReservedConcurrency,
  LambdaBucketCodeVersion,
  LambdaFifoAsyncDestination,
  LambdaAsyncInvokeConfig,
  LambdaInternetGatewaySubnet,
  LambdaMappingBatchingWindow,
  LambdaMappingFilters,
  LambdaSqsMapping,
  LambdaStreamMapping,
  LambdaSqsVisibilityBelowTimeout,
  LambdaSqsVisibilityTimeout,
  LambdaMappingUnknownFacts,
  LambdaStreamConcurrency,
  LambdaStreamFailureHandling,
  SqsQueueSettings,
  KinesisStreamSettings,
  LambdaAliasSettings,
  LambdaProvisionedOnLatest,
  CodeDeployAliasAlarms,
  S3NotificationSelfTrigger,
  S3NotificationOverlap,
  S3NotificationFilter,
  LambdaEventLoop,
];
