import { Duration, Stack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { SmokeTestOptions } from './options';
import { SmokeTestHook } from './smoke-test';
import { DeploymentStrategy } from './strategy';
import { createAlarm } from '../core/alarms';
import { stackSingleton, StackState } from '../core/private/stack-registry';
import { NagAcknowledgements } from '../nag/acknowledge';
import { CodeDeployAliasAlarms } from '../rules/alias/codedeploy-alarms';
import { LambdaReleaseOptions } from '../rules/inputs';
import { fullId } from '../rules/private/engine';
import { checkInputs, InputChecks } from '../rules/private/inputs';

/** Period of the default deployment alarms: short, so that a bad canary rolls back quickly. */
const DEPLOYMENT_ALARM_PERIOD = Duration.minutes(1);

/** The aliases of a stack with a deployment group: the path of the `AliasDeployment` that deploys each. */
const DEPLOYED_ALIASES = new StackState<Map<lambda.Alias, string>>(() => new Map());

/** Id of the stack's shared CodeDeploy application. */
export const CODEDEPLOY_APPLICATION_ID = 'BlueprintCodeDeployApplication';

/** Options of a CodeDeploy deployment of an alias. */
export interface AliasDeploymentOptions {
  /**
   * How traffic shifts to a new version. Required: without a strategy there is no CodeDeploy deployment
   * (as in `FunctionDeploymentOptions`, where leaving it out means no CodeDeploy at all).
   * @see https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html
   */
  readonly strategy: DeploymentStrategy;

  /**
   * Alarms that stop and roll back a deployment, in addition to the alias alarms (`alarms`).
   * @default - only the alias alarms
   */
  readonly rollbackAlarms?: cloudwatch.IAlarm[];

  /**
   * Create alarms on the alias's Errors and Throttles (1-minute periods) that roll a deployment back.
   * @default true
   */
  readonly alarms?: boolean;

  /**
   * Roll back automatically when an alarm fires during a deployment (needs at least one alarm).
   * @default true
   */
  readonly rollbackOnAlarm?: boolean;

  /**
   * A function CodeDeploy runs before traffic shifts. Excludes `smokeTest`.
   * @default - none
   */
  readonly preTraffic?: lambda.IFunction;

  /**
   * A function CodeDeploy runs after all traffic has shifted.
   * @default - none
   */
  readonly postTraffic?: lambda.IFunction;

  /**
   * A ready-made pre-traffic hook invoking the new version. Excludes `preTraffic`.
   * @default - no smoke test
   */
  readonly smokeTest?: SmokeTestOptions;

  /**
   * The CodeDeploy application.
   * @default - the stack's shared application (one per stack)
   */
  readonly application?: codedeploy.ILambdaApplication;
}

/** Properties of an `AliasDeployment`. */
export interface AliasDeploymentProps extends AliasDeploymentOptions {
  /** The alias whose traffic CodeDeploy shifts (at most one deployment group per alias). */
  readonly alias: lambda.Alias;
}

/**
 * A CodeDeploy deployment group that shifts an alias's traffic to each new version, with automatic
 * rollback on failure and on alarm, default Errors/Throttles alarms on the alias, and optional
 * pre/post-traffic hooks (each allowed to report only to this group, no naming convention).
 */
export class AliasDeployment extends Construct {
  /** The deployment group. */
  public readonly deploymentGroup: codedeploy.LambdaDeploymentGroup;
  /** The CodeDeploy application (shared per stack by default). */
  public readonly application: codedeploy.ILambdaApplication;
  /** The strategy. */
  public readonly strategy: DeploymentStrategy;
  /** The alarm on the alias's Errors, when default alarms are on. */
  public readonly errorsAlarm?: cloudwatch.Alarm;
  /** The alarm on the alias's Throttles, when default alarms are on. */
  public readonly throttlesAlarm?: cloudwatch.Alarm;
  /** The smoke-test hook, when configured. */
  public readonly smokeTest?: SmokeTestHook;

  private readonly alarms: cloudwatch.IAlarm[] = [];
  private readonly props: AliasDeploymentProps;
  private readonly duplicateOf?: string;

  constructor(scope: Construct, id: string, props: AliasDeploymentProps) {
    super(scope, id);
    this.props = props;
    this.strategy = props.strategy;
    this.application = props.application ?? stackSingleton(this, CODEDEPLOY_APPLICATION_ID,
      (stack, sid) => new codedeploy.LambdaApplication(stack, sid));

    const groups = DEPLOYED_ALIASES.of(this);
    this.duplicateOf = groups.get(props.alias);
    if (!this.duplicateOf) groups.set(props.alias, this.node.path);

    if (props.alarms ?? true) {
      this.errorsAlarm = createAlarm(this, 'AliasErrorsAlarm', {
        metric: props.alias.metricErrors({ period: DEPLOYMENT_ALARM_PERIOD, statistic: 'Sum' }),
        threshold: 0,
        description: `${props.alias.node.path}: the alias reported errors (rolls a deployment back).`,
      });
      this.throttlesAlarm = createAlarm(this, 'AliasThrottlesAlarm', {
        metric: props.alias.metricThrottles({ period: DEPLOYMENT_ALARM_PERIOD, statistic: 'Sum' }),
        threshold: 0,
        description: `${props.alias.node.path}: invocations of the alias were throttled (rolls a deployment back).`,
      });
      this.alarms.push(this.errorsAlarm, this.throttlesAlarm);
    }
    this.alarms.push(...props.rollbackAlarms ?? []);

    const rollbackOnAlarm = props.rollbackOnAlarm ?? true;
    const alarms = this.alarms;
    // Without alarm rollback the rule CodeDeployAliasAlarms would warn: when that is the user's explicit
    // choice it is acknowledged with that reason; `rollbackOnAlarm: true` without alarms is this
    // construct's error (below), not reported twice.
    if (!rollbackOnAlarm || alarms.length === 0) {
      NagAcknowledgements.add(props.alias, fullId(CodeDeployAliasAlarms), rollbackOnAlarm
        ? 'rollbackOnAlarm is true without alarms: reported as an error of the AliasDeployment itself.'
        : 'rollbackOnAlarm: false was chosen explicitly; CodeDeploy rolls back on failed or stopped deployments only.');
    }
    this.deploymentGroup = new codedeploy.LambdaDeploymentGroup(this, 'DeploymentGroup', {
      application: this.application,
      alias: props.alias,
      deploymentConfig: this.strategy.bind(this),
      alarms: [...this.alarms],
      // Read when the group is rendered, so that alarms added later count and a missing alarm is reported
      // with the other problems rather than thrown by the L2.
      autoRollback: { failedDeployment: true, stoppedDeployment: true, get deploymentInAlarm() { return rollbackOnAlarm && alarms.length > 0; } },
    });

    if (props.smokeTest && !props.preTraffic) {
      this.smokeTest = new SmokeTestHook(this, 'SmokeTest', { alias: props.alias, ...props.smokeTest });
      this.addHook(this.smokeTest.function, true);
    }
    if (props.preTraffic) this.addHook(props.preTraffic, true);
    if (props.postTraffic) this.addHook(props.postTraffic, false);

    NagAcknowledgements.add(this.deploymentGroup.role, 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited]',
      'AWSCodeDeployRoleForLambdaLimited is the AWS-maintained least-privilege service role policy for CodeDeploy Lambda deployments (alias updates, hook invocations).');
    checkInputs(this, LambdaReleaseOptions, p => this.validate(p));
  }

  /**
   * Add an alarm that stops and rolls back a deployment.
   * @param alarm the alarm
   */
  public addAlarm(alarm: cloudwatch.IAlarm): void {
    this.alarms.push(alarm);
    this.deploymentGroup.addAlarm(alarm);
  }

  private addHook(hook: lambda.IFunction, before: boolean): void {
    if (before) this.deploymentGroup.addPreHook(hook);
    else this.deploymentGroup.addPostHook(hook);
    // The L2 lets CodeDeploy invoke the hook and its versions (`<arn>:*`): one function, no other resource.
    const cfn = hook.node.defaultChild;
    const resource = cfn instanceof lambda.CfnFunction
      ? `<${Stack.of(cfn).getLogicalId(cfn)}.Arn>:*`
      : (Token.isUnresolved(hook.functionArn) ? undefined : `${hook.functionArn}:*`);
    if (resource) {
      NagAcknowledgements.add(this.deploymentGroup.role, `AwsSolutions-IAM5[Resource::${resource}]`,
        'CodeDeploy may invoke this one hook function and its versions (<arn>:*, as granted by aws-cdk-lib); no other function.');
    }
  }

  private validate(p: InputChecks): void {
    this.strategy._validate(p);
    p.when(this.duplicateOf !== undefined, 'alias', this.props.alias.node.path, `one deployment group per alias (${this.duplicateOf} already deploys it)`,
      'the alias has a single CodeDeploy update policy, so a second group would silently replace the first');
    p.when((this.props.rollbackOnAlarm ?? true) && this.alarms.length === 0, 'rollbackOnAlarm', 'true without alarms',
      'at least one alarm (alarms or rollbackAlarms), or rollbackOnAlarm: false', 'CodeDeploy can only roll back on an alarm it watches');
    p.when(this.props.smokeTest !== undefined && this.props.preTraffic !== undefined, 'smokeTest', 'set together with preTraffic',
      'either smokeTest or preTraffic', 'CodeDeploy runs a single pre-traffic hook');
  }
}
