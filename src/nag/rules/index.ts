import { CodeDeployAliasAlarms } from './codedeploy';
import { LambdaInternetGatewaySubnet } from './ec2';
import {
  LambdaEnvironment, LambdaEphemeralStorage, LambdaFifoAsyncDestination, LambdaInlineCodeRuntime, LambdaLayerCount,
  LambdaMemorySize, LambdaProvisionedOnLatest, LambdaReservedConcurrency, LambdaTimeout,
} from './lambda';
import { LambdaSqsVisibilityTimeout, LambdaStreamBisect, LambdaStreamRecordAge, LambdaStreamRetries } from './mapping';
import { BlueprintRule } from './rule';
import { S3NotificationSelfTrigger } from './s3';

/** Every rule of the LambdaBlueprints pack, in report order. */
export const BLUEPRINT_RULES: readonly BlueprintRule[] = [
  LambdaMemorySize,
  LambdaTimeout,
  LambdaEphemeralStorage,
  LambdaEnvironment,
  LambdaInlineCodeRuntime,
  LambdaLayerCount,
  LambdaReservedConcurrency,
  LambdaProvisionedOnLatest,
  LambdaFifoAsyncDestination,
  LambdaSqsVisibilityTimeout,
  LambdaStreamBisect,
  LambdaStreamRetries,
  LambdaStreamRecordAge,
  LambdaInternetGatewaySubnet,
  CodeDeployAliasAlarms,
  S3NotificationSelfTrigger,
];
