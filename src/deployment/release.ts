import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { LIMITS } from '../limits';
import { AliasDeployment } from './alias-deployment';
import { FunctionDeploymentOptions } from './options';
import { invalidateVersionOnLayerContent } from './private/version-hash';
import { isToken } from '../core/private/tokens';
import { within } from '../core/private/within';
import { LambdaReleaseOptions } from '../rules/inputs';
import { checkInputs, InputChecks } from '../rules/private/inputs';

/** Default alias name of a released function. */
export const DEFAULT_ALIAS_NAME = 'live';

/** Default target utilization of provisioned concurrency autoscaling. */
const DEFAULT_UTILIZATION_TARGET = 0.7;

/** Properties of a `FunctionRelease`. */
export interface FunctionReleaseProps extends FunctionDeploymentOptions {
  /** The function to release. */
  readonly function: lambda.Function;
}

/**
 * The release of a function: its current version (a new one whenever code or behaviour-changing
 * configuration changes, environment and layers included), an alias pointing to it, and optionally a
 * CodeDeploy deployment, provisioned concurrency (with autoscaling) or static weighted routing.
 *
 * `BlueprintFunction` creates one when its `deployment` prop is set; every trigger then invokes the alias.
 */
export class FunctionRelease extends Construct {
  /** The function's current version (its logical id changes exactly when a new version is needed). */
  public readonly version: lambda.Version;
  /** The alias every trigger invokes. */
  public readonly alias: lambda.Alias;
  /** The CodeDeploy deployment, when a strategy is set. */
  public readonly deployment?: AliasDeployment;
  /** The provisioned concurrency autoscaling, when configured. */
  public readonly scaling?: lambda.IScalableFunctionAttribute;

  private readonly fn: lambda.Function;
  private readonly options: FunctionDeploymentOptions;

  constructor(scope: Construct, id: string, props: FunctionReleaseProps) {
    super(scope, id);
    this.fn = props.function;
    this.options = props;
    this.version = props.function.currentVersion;
    invalidateVersionOnLayerContent(props.function);
    this.alias = new lambda.Alias(this, 'Alias', {
      aliasName: props.aliasName ?? DEFAULT_ALIAS_NAME,
      description: props.aliasDescription,
      version: this.version,
    });
    // Routing and provisioned concurrency go to the L1 so that bad values are reported with the others.
    if (props.weightedRouting) {
      this.cfnAlias.routingConfig = {
        additionalVersionWeights: [{
          functionVersion: props.weightedRouting.version.version,
          functionWeight: props.weightedRouting.weight,
        }],
      };
    }
    if (props.provisionedConcurrency !== undefined) {
      this.cfnAlias.provisionedConcurrencyConfig = { provisionedConcurrentExecutions: props.provisionedConcurrency };
      this.scaling = this.configureScaling(props);
    }
    if (props.strategy) {
      this.deployment = new AliasDeployment(this, 'Deployment', {
        alias: this.alias,
        strategy: props.strategy,
        alarms: props.alarms,
        rollbackAlarms: props.rollbackAlarms,
        rollbackOnAlarm: props.rollbackOnAlarm,
        preTraffic: props.preTraffic,
        postTraffic: props.postTraffic,
        smokeTest: props.smokeTest,
      });
    }
    checkInputs(this, LambdaReleaseOptions, p => this.validate(p));
  }

  /** The L1 alias resource. */
  public get cfnAlias(): lambda.CfnAlias {
    return this.alias.node.defaultChild as lambda.CfnAlias;
  }

  private configureScaling(props: FunctionReleaseProps): lambda.IScalableFunctionAttribute | undefined {
    const scaling = props.provisionedConcurrencyScaling;
    const min = props.provisionedConcurrency;
    // The L2 throws on a range it cannot use; such a range is reported at synth instead.
    if (!scaling || !(isToken(min) || isToken(scaling.maxCapacity) || (min! >= 1 && scaling.maxCapacity >= min!))) return undefined;
    const attribute = this.alias.addAutoScaling({ minCapacity: min, maxCapacity: scaling.maxCapacity });
    const target = scaling.utilizationTarget ?? DEFAULT_UTILIZATION_TARGET;
    if (within(target, LIMITS.provisionedUtilizationTarget)) attribute.scaleOnUtilization({ utilizationTarget: target });
    for (const schedule of scaling.schedules ?? []) {
      attribute.scaleOnSchedule(schedule.name, {
        schedule: schedule.schedule,
        minCapacity: schedule.minCapacity,
        maxCapacity: schedule.maxCapacity,
      });
    }
    return attribute;
  }

  private validate(p: InputChecks): void {
    const stack = Stack.of(this);
    const o = this.options;
    // The alias name and description (LambdaAliasSettings), its weights and provisioned concurrency with weighted
    // routing (LambdaAliasRouting), and provisioned concurrency's range and fit in the reserved concurrency
    // (LambdaProvisionedConcurrency) are the rule library's, on the template.
    const provisioned = stack.resolve(this.cfnAlias.provisionedConcurrencyConfig)?.provisionedConcurrentExecutions;
    this.validateScaling(p, stack, provisioned);

    p.when(o.strategy !== undefined && o.weightedRouting !== undefined, 'weightedRouting', 'set together with strategy',
      'either a CodeDeploy strategy or static weighted routing', 'CodeDeploy owns the alias routing while it shifts traffic');
    if (!o.strategy) {
      const orphans = (['preTraffic', 'postTraffic', 'smokeTest', 'alarms', 'rollbackAlarms', 'rollbackOnAlarm'] as const)
        .filter(k => o[k] !== undefined);
      p.when(orphans.length > 0, orphans.join(', '), 'set without strategy', 'these options only with a CodeDeploy strategy',
        'hooks, alarms and rollback belong to a CodeDeploy deployment group, which only a strategy creates');
    }
  }

  /** Provisioned concurrency autoscaling: only with provisioned concurrency, within it and the reserved concurrency. */
  private validateScaling(p: InputChecks, stack: Stack, provisioned: unknown): void {
    const scaling = this.options.provisionedConcurrencyScaling;
    if (provisioned === undefined) {
      p.when(scaling !== undefined, 'provisionedConcurrencyScaling', 'set without provisionedConcurrency',
        'autoscaling only with provisionedConcurrency', 'it scales the alias\'s provisioned concurrency from that minimum');
      return;
    }
    if (!scaling) return;
    const count = typeof provisioned === 'number' && !isToken(provisioned) ? provisioned : undefined;
    const reserved = stack.resolve((this.fn.node.defaultChild as lambda.CfnFunction).reservedConcurrentExecutions);
    const max = scaling.maxCapacity;
    if (typeof reserved === 'number' && !isToken(reserved)) {
      p.when(max !== undefined && !isToken(max) && max > reserved, 'provisionedConcurrencyScaling.maxCapacity', `${max} executions`,
        `at most the reserved concurrency (${reserved})`, 'provisioned environments count against the function\'s reserved concurrency');
    }
    p.limit('provisionedConcurrencyScaling.maxCapacity', max, {
      ...LIMITS.provisionedConcurrency,
      min: count ?? LIMITS.provisionedConcurrency.min,
      reason: 'autoscaling needs a maximum of at least provisionedConcurrency',
    });
    p.limit('provisionedConcurrencyScaling.utilizationTarget', scaling.utilizationTarget, 'provisionedUtilizationTarget');
  }

}
