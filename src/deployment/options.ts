import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DeploymentStrategy } from './strategy';

/**
 * A ready-made pre-traffic hook that invokes the new version with a payload and fails the deployment
 * (so CodeDeploy never shifts traffic) when the invocation returns a function error.
 */
export interface SmokeTestOptions {
  /**
   * The event sent to the new version, as a JSON string.
   * @default '{}'
   */
  readonly payload?: string;

  /**
   * Also fail when the response payload does not contain this text.
   * @default - only a function error fails the test
   */
  readonly expectedResponseContains?: string;
}

/** A scheduled change of the provisioned concurrency range (e.g. warm up before business hours). */
export interface ProvisionedConcurrencySchedule {
  /** A unique name for the scheduled action (stable id). */
  readonly name: string;
  /** When the action runs. */
  readonly schedule: appscaling.Schedule;
  /**
   * The new minimum provisioned concurrency.
   * @default - unchanged
   */
  readonly minCapacity?: number;
  /**
   * The new maximum provisioned concurrency.
   * @default - unchanged
   */
  readonly maxCapacity?: number;
}

/**
 * Autoscaling of the alias's provisioned concurrency (Application Auto Scaling).
 * @see https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html#managing-provisioned-concurency
 */
export interface ProvisionedConcurrencyScaling {
  /**
   * The most provisioned concurrency autoscaling may set (a whole number ≥ `provisionedConcurrency`,
   * at most the reserved concurrency when one is set).
   */
  readonly maxCapacity: number;

  /**
   * Target utilization of the provisioned environments, 0.1–0.9.
   * @default 0.7
   */
  readonly utilizationTarget?: number;

  /**
   * Scheduled changes of the range.
   * @default - none
   */
  readonly schedules?: ProvisionedConcurrencySchedule[];
}

/** Static weighted routing of the alias to one additional version (A/B or blue/green without CodeDeploy). */
export interface WeightedRoutingOptions {
  /** The additional version (e.g. the previous one, `Version.fromVersionArn`). */
  readonly version: lambda.IVersion;
  /** The share of traffic the additional version receives, strictly between 0 and 1. */
  readonly weight: number;
}

/**
 * How a `BlueprintFunction` is released: a version published whenever code or behaviour-changing
 * configuration (environment and layers included) changes, an alias that every trigger invokes, and
 * optionally a CodeDeploy traffic shift with hooks and alarm rollback, provisioned concurrency, or
 * static weighted routing.
 */
export interface FunctionDeploymentOptions {
  /**
   * The alias name: 1–128 characters of `[a-zA-Z0-9-_]`, not all digits, not `$LATEST`. Use one stack per
   * stage and a stage alias (`dev`, `test`, `prod`) to give each stage its own stable ARN.
   * @default 'live'
   * @see https://docs.aws.amazon.com/lambda/latest/api/API_CreateAlias.html
   */
  readonly aliasName?: string;

  /**
   * A description of the alias.
   * @default - none
   */
  readonly aliasDescription?: string;

  /**
   * How CodeDeploy shifts traffic to a new version (a deployment group is created in the stack's shared
   * CodeDeploy application, with automatic rollback on failure and on alarm).
   * @default - no CodeDeploy: the alias moves to a new version all at once, without hooks or rollback
   * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html
   */
  readonly strategy?: DeploymentStrategy;

  /**
   * Alarms that stop and roll back a deployment, in addition to the alias alarms (`alarms`). Needs
   * `strategy`.
   * @default - only the alias alarms
   */
  readonly rollbackAlarms?: cloudwatch.IAlarm[];

  /**
   * Create alarms on the alias's Errors and Throttles (1-minute periods) that roll a deployment back.
   * Needs `strategy`.
   * @default true
   */
  readonly alarms?: boolean;

  /**
   * Roll back automatically when an alarm fires during a deployment (needs at least one alarm).
   * Rollback on a failed deployment is always on. Needs `strategy`.
   * @default true
   */
  readonly rollbackOnAlarm?: boolean;

  /**
   * A function CodeDeploy runs before traffic shifts; it reports with
   * `codedeploy:PutLifecycleEventHookExecutionStatus` (granted on this deployment group only). Needs
   * `strategy`; excludes `smokeTest`.
   * @default - none
   * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/reference-appspec-file-structure-hooks.html#appspec-hooks-lambda
   */
  readonly preTraffic?: lambda.IFunction;

  /**
   * A function CodeDeploy runs after all traffic has shifted. Needs `strategy`.
   * @default - none
   */
  readonly postTraffic?: lambda.IFunction;

  /**
   * A ready-made pre-traffic hook that invokes the new version with a payload and fails the deployment on
   * a function error. Needs `strategy`; excludes `preTraffic`.
   * @default - no smoke test
   */
  readonly smokeTest?: SmokeTestOptions;

  /**
   * Provisioned concurrency on the alias: a whole number ≥ 1, at most the function's reserved
   * concurrency. Not with `weightedRouting`.
   * @default - none (on-demand environments, cold starts possible)
   * @see https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html
   */
  readonly provisionedConcurrency?: number;

  /**
   * Autoscale the provisioned concurrency between `provisionedConcurrency` and `maxCapacity`. Needs
   * `provisionedConcurrency`.
   * @default - fixed provisioned concurrency
   */
  readonly provisionedConcurrencyScaling?: ProvisionedConcurrencyScaling;

  /**
   * Route a static share of the alias's traffic to one additional version. Not with `strategy` (CodeDeploy
   * owns the routing) nor with `provisionedConcurrency`.
   * @default - all traffic to the new version
   */
  readonly weightedRouting?: WeightedRoutingOptions;
}
