import { CfnResource, PolicyValidationPluginReport } from 'aws-cdk-lib';
import { NagPack, NagPackProps } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { DEFAULTS, LIMITS } from '../limits';
import { BLUEPRINT_RULES } from './rules';
import { describeRange } from '../validation/problems';
import { RuleConfig, runRule } from './rules/rule';
import { TemplateIndex } from './template-index';

/** Options of the LambdaBlueprints rule pack. */
export interface LambdaBlueprintChecksProps extends NagPackProps {
  /**
   * The Lambda concurrency limit of the accounts and regions the app deploys to; a function may reserve at
   * most this limit minus the 100 executions that must stay unreserved.
   *
   * Between 100 and 1,000,000, whole executions.
   *
   * @default 1000 - the default account limit per region
   * @see https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html
   */
  readonly accountConcurrencyLimit?: number;
}

/**
 * cdk-nag 3 rule pack for the AWS Lambda facts cdk-nag's own packs lack or get wrong.
 *
 * Rules read only the rendered CloudFormation (L1) properties of each resource and of the resources it
 * references, so they check plain aws-cdk-lib L1/L2 apps and imported templates (`CfnInclude`) as well as
 * the blueprints. Register it like any pack:
 * `Validations.of(app).addPlugins(new LambdaBlueprintChecks(app))`; findings have ids
 * `LambdaBlueprints-<Rule>` and are acknowledged with `NagAcknowledgements.add`.
 *
 * Rules: LambdaMemorySize, LambdaTimeout, LambdaEphemeralStorage, LambdaEnvironment,
 * LambdaInlineCodeRuntime, LambdaLayerCount, LambdaReservedConcurrency, LambdaProvisionedOnLatest,
 * LambdaFifoAsyncDestination, LambdaSqsVisibilityTimeout, LambdaStreamBisect, LambdaStreamRetries,
 * LambdaStreamRecordAge, LambdaInternetGatewaySubnet, CodeDeployAliasAlarms, S3NotificationSelfTrigger.
 *
 * @see https://github.com/cdklabs/cdk-nag
 */
export class LambdaBlueprintChecks extends NagPack {
  /** Prefix of every rule id of this pack. */
  public static readonly PACK_NAME = 'LambdaBlueprints';

  /** The pack's name. */
  public readonly name: string;
  /** Full ids of every rule of the pack (`LambdaBlueprints-LambdaMemorySize`, …). */
  public readonly ruleIds?: string[];
  /** The account concurrency limit the pack checks reservations against. */
  public readonly accountConcurrencyLimit: number;

  constructor(scope?: IConstruct, props: LambdaBlueprintChecksProps = {}) {
    super(scope, props);
    this.packName = LambdaBlueprintChecks.PACK_NAME;
    this.name = LambdaBlueprintChecks.PACK_NAME;
    this.ruleIds = BLUEPRINT_RULES.map(r => `${LambdaBlueprintChecks.PACK_NAME}-${r.name}`);
    const limit = props.accountConcurrencyLimit ?? DEFAULTS.accountConcurrencyLimit;
    const spec = LIMITS.accountConcurrency;
    if (!Number.isInteger(limit) || limit < spec.min || limit > spec.max) {
      throw new Error(`LambdaBlueprintChecks: accountConcurrencyLimit is ${limit}, allowed is a whole number in ${describeRange(spec)}, because ${spec.reason}.`);
    }
    this.accountConcurrencyLimit = limit;
  }

  /** Validates a construct tree (an app, a stage or a stack). */
  public validateScope(scope: IConstruct): PolicyValidationPluginReport {
    // Each run renders the templates afresh: an app mutated since the last run is judged as it is now.
    TemplateIndex.reset();
    try {
      return super.validateScope(scope);
    } finally {
      TemplateIndex.reset();
    }
  }

  protected checkResource(node: CfnResource): void {
    const config: RuleConfig = { accountConcurrencyLimit: this.accountConcurrencyLimit };
    for (const rule of BLUEPRINT_RULES) {
      this.applyRule({
        ruleSuffixOverride: rule.name,
        info: rule.info,
        explanation: rule.explanation,
        level: rule.level,
        node,
        rule: (n: CfnResource) => runRule(rule, n, config),
      });
    }
  }
}
