import { Duration, Size } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { StandardRule } from './standard-rule';
import { FunctionDeploymentOptions } from '../deployment/options';
import { FunctionNetwork } from '../network/function-network';

/**
 * A company's defaults for the blueprints under a scope. The nearest scope that sets a default wins; a
 * prop given to a blueprint wins over every default; the library's own default comes last.
 *
 * Defaults that reference resources (keys, topics, networks, signing configurations) must live in the
 * same stage as the functions that use them (CloudFormation exports do not cross stages).
 */
export interface StandardDefaults {
  /**
   * Memory of every BlueprintFunction, in whole MB, 128–10,240.
   * @default - the library default (1,024 MB)
   * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html
   */
  readonly memorySize?: number;

  /**
   * Timeout of every BlueprintFunction, whole seconds 1–900.
   * @default - the library default (30 s)
   * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html
   */
  readonly timeout?: Duration;

  /**
   * Instruction set of every BlueprintFunction.
   * @default - the library default (arm64)
   * @see https://docs.aws.amazon.com/lambda/latest/dg/foundation-arch.html
   */
  readonly architecture?: lambda.Architecture;

  /**
   * The runtime of BlueprintFunctions that name none (a company's runtime family, e.g. its newest Node.js).
   * @default - none: every BlueprintFunction names its runtime
   * @see https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html
   */
  readonly runtime?: lambda.Runtime;

  /**
   * Retention of the functions' log groups.
   * @default - the library default (one month)
   * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html
   */
  readonly logRetention?: logs.RetentionDays;

  /**
   * Customer-managed key for the functions' environment variables.
   * @default - the AWS managed key for Lambda
   * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html
   */
  readonly environmentEncryptionKey?: kms.IKey;

  /**
   * Customer-managed key for the log groups the blueprints create (its key policy must let
   * `logs.<region>.amazonaws.com` use it).
   * @default - CloudWatch Logs' own encryption
   * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
   */
  readonly logGroupEncryptionKey?: kms.IKey;

  /**
   * Customer-managed key for the queues the blueprints create (dead-letter, failure and source queues).
   * @default - SQS-managed server-side encryption (SSE-SQS)
   * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html
   */
  readonly queueEncryptionKey?: kms.IKey;

  /**
   * Customer-managed key for SNS topics the platform's own constructs create; read it with
   * `BlueprintStandards.of(scope).effectiveDefaults().topicEncryptionKey`.
   * @default - none
   * @see https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html
   */
  readonly topicEncryptionKey?: kms.IKey;

  /**
   * X-Ray tracing of every BlueprintFunction.
   * @default - the library default (Tracing.ACTIVE)
   * @see https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html
   */
  readonly tracing?: lambda.Tracing;

  /**
   * Where every blueprint alarm under the scope sends alarm and OK notifications (unless
   * `BlueprintAlarms.notify` names another topic for the stack).
   * @default - alarms without actions
   */
  readonly alarmTopic?: sns.ITopic;

  /**
   * Tags added to every resource under the scope (as `Tags.of(scope).add`); a nearer scope's value of the
   * same key wins.
   * @default - no tags
   */
  readonly tags?: { [key: string]: string };

  /**
   * Permissions boundary of the functions' execution roles.
   * @default - no boundary
   * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
   */
  readonly permissionsBoundary?: iam.IManagedPolicy;

  /**
   * VPC placement of every BlueprintFunction.
   * @default - outside any VPC
   * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html
   */
  readonly network?: FunctionNetwork;

  /**
   * Release of every BlueprintFunction through a version and an alias (e.g. a CodeDeploy canary).
   * @default - no release: triggers invoke $LATEST
   * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-aliases.html
   */
  readonly deployment?: FunctionDeploymentOptions;

  /**
   * Reserved concurrency of every BlueprintFunction, a whole number from 0 to the account limit minus 100.
   * @default - no reservation
   * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html
   */
  readonly reservedConcurrentExecutions?: number;

  /**
   * Code signing configuration of every BlueprintFunction (it also governs the layers the function uses):
   * e.g. `new BlueprintCodeSigning(stack, 'Signing').codeSigningConfig`.
   * @default - no code signing
   * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-codesigning.html
   */
  readonly codeSigningConfig?: lambda.ICodeSigningConfig;
}

/**
 * A company's rules for every Lambda function under a scope (blueprints, `lambda.Function`, L1 and
 * imported templates). Rules accumulate from every enclosing scope: a function must satisfy all of them.
 * They are checked on the synthesized template, by the same engine as the library's rules.
 */
export interface StandardRules {
  /**
   * Runtimes allowed (container image functions have none and pass). At least one.
   * @default - any runtime
   * @see https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html
   */
  readonly allowedRuntimes?: lambda.Runtime[];

  /**
   * Architectures allowed (a function without `Architectures` runs on x86_64). At least one.
   * @default - any architecture
   * @see https://docs.aws.amazon.com/lambda/latest/dg/foundation-arch.html
   */
  readonly allowedArchitectures?: lambda.Architecture[];

  /**
   * Largest memory allowed, whole MB 128–10,240 (a function without `MemorySize` has 128 MB).
   * @default - up to Lambda's limit (10,240 MB)
   * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html
   */
  readonly maxMemorySize?: number;

  /**
   * Longest timeout allowed, whole seconds 1–900 (a function without `Timeout` has 3 s).
   * @default - up to Lambda's limit (900 s)
   * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html
   */
  readonly maxTimeout?: Duration;

  /**
   * Largest /tmp allowed, 512–10,240 MB (a function without `EphemeralStorage` has 512 MB).
   * @default - up to Lambda's limit (10,240 MB)
   * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-ephemeral-storage.html
   */
  readonly maxEphemeralStorageSize?: Size;

  /**
   * Every function must be placed in a VPC (`VpcConfig.SubnetIds` set).
   * @default false
   * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html
   */
  readonly requireVpc?: boolean;

  /**
   * Every function must be released through an alias updated by CodeDeploy (canary, linear or all-at-once).
   * @default false
   * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html
   */
  readonly requireCodeDeployRelease?: boolean;

  /**
   * Refuse function URLs with `AuthType: NONE` (public, unauthenticated endpoints).
   * @default false
   * @see https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html
   */
  readonly denyPublicFunctionUrls?: boolean;

  /**
   * Shortest retention allowed for every log group under the scope (one that never expires passes).
   * @default - any retention
   * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html
   */
  readonly minLogRetention?: logs.RetentionDays;

  /**
   * Every function must reserve concurrency (`ReservedConcurrentExecutions` set).
   * @default false
   * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html
   */
  readonly requireReservedConcurrency?: boolean;

  /**
   * Every function must have a code signing configuration (e.g. `BlueprintCodeSigning`).
   * @default false
   * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-codesigning.html
   */
  readonly requireCodeSigning?: boolean;

  /**
   * The company's own rules (subclasses of `StandardRule`, in any jsii language), reported as
   * `LambdaBlueprints-<id>`.
   * @default - none
   * @see StandardRule
   */
  readonly customRules?: StandardRule[];
}

/**
 * A named set of defaults and rules, applied to a scope with `BlueprintStandards.of(scope).apply(...)`.
 */
export interface StandardsProps {
  /**
   * The standard's name, printed in every message of its rules (`acme-prod`); a non-empty string.
   * @see BlueprintStandards
   */
  readonly name: string;

  /**
   * Defaults for the blueprints under the scope.
   * @default - none
   */
  readonly defaults?: StandardDefaults;

  /**
   * Rules for every Lambda function under the scope.
   * @default - none
   */
  readonly rules?: StandardRules;
}
