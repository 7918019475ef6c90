import { Duration } from 'aws-cdk-lib';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import { Construct } from 'constructs';
import { InputCheckSink } from '../core/private/checks';
import { within } from '../core/private/within';
import { LIMITS } from '../limits';

/** The kind of traffic shift a `DeploymentStrategy` performs. */
export enum DeploymentStrategyKind {
  /** Shift all traffic to the new version at once. */
  ALL_AT_ONCE = 'ALL_AT_ONCE',
  /** Shift a percentage first, the rest after an interval. */
  CANARY = 'CANARY',
  /** Shift an equal percentage every interval. */
  LINEAR = 'LINEAR',
}

/** One step of a canary or linear traffic shift. */
export interface TrafficShiftOptions {
  /**
   * Traffic shifted at the first (canary) or every (linear) step, in percent.
   *
   * Range: a whole number from 1 to 99.
   */
  readonly percentage: number;
  /**
   * The wait before the rest (canary) or between steps (linear).
   *
   * Range: a whole number of minutes from 1 to 2,880.
   */
  readonly interval: Duration;
}

/**
 * How CodeDeploy shifts the alias's traffic to a new version: one of the 9 predefined Lambda
 * configurations (`DeploymentStrategy.CANARY_10_PERCENT_5_MINUTES`: aws-cdk-lib's names with an underscore
 * between words, so that they are the same in every language), or a canary / linear step
 * (`DeploymentStrategy.canary({ percentage, interval })`).
 *
 * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html#deployment-configuration-lambda
 */
export class DeploymentStrategy {
  /** `CodeDeployDefault.LambdaAllAtOnce`: all traffic at once (hooks and alarms still apply). */
  public static readonly ALL_AT_ONCE: DeploymentStrategy = DeploymentStrategy.predefined('AllAtOnce', DeploymentStrategyKind.ALL_AT_ONCE, codedeploy.LambdaDeploymentConfig.ALL_AT_ONCE);

  /** `CodeDeployDefault.LambdaCanary10Percent5Minutes`: 10 %, then the rest after 5 minutes. */
  public static readonly CANARY_10_PERCENT_5_MINUTES: DeploymentStrategy = DeploymentStrategy.predefined('Canary10Percent5Minutes', DeploymentStrategyKind.CANARY, codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES, 10, 5);

  /** `CodeDeployDefault.LambdaCanary10Percent10Minutes`: 10 %, then the rest after 10 minutes. */
  public static readonly CANARY_10_PERCENT_10_MINUTES: DeploymentStrategy = DeploymentStrategy.predefined('Canary10Percent10Minutes', DeploymentStrategyKind.CANARY, codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_10MINUTES, 10, 10);

  /** `CodeDeployDefault.LambdaCanary10Percent15Minutes`: 10 %, then the rest after 15 minutes. */
  public static readonly CANARY_10_PERCENT_15_MINUTES: DeploymentStrategy = DeploymentStrategy.predefined('Canary10Percent15Minutes', DeploymentStrategyKind.CANARY, codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_15MINUTES, 10, 15);

  /** `CodeDeployDefault.LambdaCanary10Percent30Minutes`: 10 %, then the rest after 30 minutes. */
  public static readonly CANARY_10_PERCENT_30_MINUTES: DeploymentStrategy = DeploymentStrategy.predefined('Canary10Percent30Minutes', DeploymentStrategyKind.CANARY, codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_30MINUTES, 10, 30);

  /** `CodeDeployDefault.LambdaLinear10PercentEvery1Minute`: 10 % more every minute. */
  public static readonly LINEAR_10_PERCENT_EVERY_1_MINUTE: DeploymentStrategy = DeploymentStrategy.predefined('Linear10PercentEvery1Minute', DeploymentStrategyKind.LINEAR, codedeploy.LambdaDeploymentConfig.LINEAR_10PERCENT_EVERY_1MINUTE, 10, 1);

  /** `CodeDeployDefault.LambdaLinear10PercentEvery2Minutes`: 10 % more every 2 minutes. */
  public static readonly LINEAR_10_PERCENT_EVERY_2_MINUTES: DeploymentStrategy = DeploymentStrategy.predefined('Linear10PercentEvery2Minutes', DeploymentStrategyKind.LINEAR, codedeploy.LambdaDeploymentConfig.LINEAR_10PERCENT_EVERY_2MINUTES, 10, 2);

  /** `CodeDeployDefault.LambdaLinear10PercentEvery3Minutes`: 10 % more every 3 minutes. */
  public static readonly LINEAR_10_PERCENT_EVERY_3_MINUTES: DeploymentStrategy = DeploymentStrategy.predefined('Linear10PercentEvery3Minutes', DeploymentStrategyKind.LINEAR, codedeploy.LambdaDeploymentConfig.LINEAR_10PERCENT_EVERY_3MINUTES, 10, 3);

  /** `CodeDeployDefault.LambdaLinear10PercentEvery10Minutes`: 10 % more every 10 minutes. */
  public static readonly LINEAR_10_PERCENT_EVERY_10_MINUTES: DeploymentStrategy = DeploymentStrategy.predefined('Linear10PercentEvery10Minutes', DeploymentStrategyKind.LINEAR, codedeploy.LambdaDeploymentConfig.LINEAR_10PERCENT_EVERY_10MINUTES, 10, 10);

  /**
   * A canary: `percentage` % first, the rest after `interval`. The predefined CodeDeploy configuration when
   * one matches (10 % and 5, 10, 15 or 30 minutes), else a custom deployment configuration resource.
   * @param options the step: 1–99 %, a whole number of minutes from 1 to 2,880
   */
  public static canary(options: TrafficShiftOptions): DeploymentStrategy {
    return DeploymentStrategy.preset(DeploymentStrategyKind.CANARY, options) ?? new DeploymentStrategy(
      `Custom canary ${options.percentage} % then the rest after ${options.interval.toHumanString()}`, DeploymentStrategyKind.CANARY, undefined, options.percentage, options.interval);
  }

  /**
   * A linear shift: `percentage` % more every `interval`. The predefined CodeDeploy configuration when one
   * matches (10 % every 1, 2, 3 or 10 minutes), else a custom deployment configuration resource.
   * @param options the step: 1–99 %, a whole number of minutes from 1 to 2,880
   */
  public static linear(options: TrafficShiftOptions): DeploymentStrategy {
    return DeploymentStrategy.preset(DeploymentStrategyKind.LINEAR, options) ?? new DeploymentStrategy(
      `Custom linear ${options.percentage} % every ${options.interval.toHumanString()}`, DeploymentStrategyKind.LINEAR, undefined, options.percentage, options.interval);
  }

  /**
   * An existing deployment configuration (e.g. one shared by several applications).
   * @param config the deployment configuration
   */
  public static fromDeploymentConfig(config: codedeploy.ILambdaDeploymentConfig): DeploymentStrategy {
    return new DeploymentStrategy('Imported deployment configuration', DeploymentStrategyKind.CANARY, config);
  }

  /** The predefined strategy of `kind` with this step, if there is one. */
  private static preset(kind: DeploymentStrategyKind, options: TrafficShiftOptions): DeploymentStrategy | undefined {
    const minutes = intervalMinutes(options.interval);
    const d = DeploymentStrategy;
    const all = [
      d.CANARY_10_PERCENT_5_MINUTES, d.CANARY_10_PERCENT_10_MINUTES, d.CANARY_10_PERCENT_15_MINUTES,
      d.CANARY_10_PERCENT_30_MINUTES, d.LINEAR_10_PERCENT_EVERY_1_MINUTE, d.LINEAR_10_PERCENT_EVERY_2_MINUTES,
      d.LINEAR_10_PERCENT_EVERY_3_MINUTES, d.LINEAR_10_PERCENT_EVERY_10_MINUTES,
    ];
    return all.find(s => s.kind === kind && s.percentage === options.percentage && intervalMinutes(s.interval) === minutes);
  }

  private static predefined(name: string, kind: DeploymentStrategyKind, config: codedeploy.ILambdaDeploymentConfig,
    percentage?: number, minutes?: number): DeploymentStrategy {
    return new DeploymentStrategy(name, kind, config, percentage, minutes === undefined ? undefined : Duration.minutes(minutes));
  }

  /** A human-readable name (`Canary10Percent5Minutes`, `Custom linear 5 % every 2 minutes`…). */
  public readonly name: string;
  /** The kind of traffic shift. */
  public readonly kind: DeploymentStrategyKind;
  /** Percentage shifted at the first (canary) or every (linear) step, when known. */
  public readonly percentage?: number;
  /** Interval between steps, when known. */
  public readonly interval?: Duration;
  private readonly config?: codedeploy.ILambdaDeploymentConfig;

  private constructor(name: string, kind: DeploymentStrategyKind, config?: codedeploy.ILambdaDeploymentConfig,
    percentage?: number, interval?: Duration) {
    this.name = name;
    this.kind = kind;
    this.config = config;
    this.percentage = percentage;
    this.interval = interval;
  }

  /**
   * The deployment configuration for a deployment group in `scope`: the predefined one, or a new custom
   * configuration resource (`DeploymentConfig` under `scope`). An invalid custom step yields no resource
   * (the problem is reported at synth with the others).
   * @param scope where a custom configuration is created
   */
  public bind(scope: Construct): codedeploy.ILambdaDeploymentConfig {
    if (this.config) return this.config;
    if (!this.isValid()) return codedeploy.LambdaDeploymentConfig.ALL_AT_ONCE;
    const step = { percentage: this.percentage!, interval: this.interval! };
    return new codedeploy.LambdaDeploymentConfig(scope, 'DeploymentConfig', {
      trafficRouting: this.kind === DeploymentStrategyKind.LINEAR
        ? codedeploy.TrafficRouting.timeBasedLinear(step)
        : codedeploy.TrafficRouting.timeBasedCanary(step),
    });
  }

  /** Reports an invalid custom step. @internal */
  public _validate(p: InputCheckSink): void {
    if (this.config) return;
    p.limit('strategy percentage', this.percentage, 'deploymentPercentage');
    p.limit('strategy interval', intervalMinutes(this.interval), 'deploymentIntervalMinutes');
  }

  private isValid(): boolean {
    return within(this.percentage, LIMITS.deploymentPercentage) && within(intervalMinutes(this.interval), LIMITS.deploymentIntervalMinutes);
  }
}

function intervalMinutes(interval?: Duration): number | undefined {
  if (interval === undefined || interval.isUnresolved()) return undefined;
  return interval.toMinutes({ integral: false });
}
