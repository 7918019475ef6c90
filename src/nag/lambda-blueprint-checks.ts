import { CfnResource, PolicyValidationPluginReport, PolicyViolatingResource, PolicyViolation } from 'aws-cdk-lib';
// From the module that declares them, not cdk-nag's index, which loads every pack and rule of cdk-nag
// (about 270 modules): an app that uses the blueprints without a cdk-nag pack does not load them.
import { NagPack, NagPackProps } from 'cdk-nag/lib/nag-pack';
import { IConstruct } from 'constructs';
import { spellProp } from '../core/private/language';
import { isToken } from '../core/private/tokens';
import { within } from '../core/private/within';
import { DEFAULTS, LIMITS } from '../limits';
import { ALL_RULES } from '../rules/catalog';
import { LambdaReservedConcurrency } from '../rules/function/reserved-concurrency';
import { evaluate, fullId, isAcknowledged, RULE_PACK, stacksOf } from '../rules/private/engine';
import { allowedRange, show } from '../rules/private/rule';
import { TemplateIndex } from '../rules/private/template-index';

/** Options of the LambdaBlueprints rule pack. */
export interface LambdaBlueprintChecksProps extends NagPackProps {
  /**
   * The Lambda concurrency limit of the accounts and regions the app deploys to; a function may reserve at
   * most this limit minus the 100 executions that must stay unreserved. A BlueprintFunction's own
   * `accountConcurrencyLimit` wins for its resources.
   *
   * Between 1 and 1,000,000, whole executions (new accounts may start below 100: then nothing can be reserved).
   *
   * @default 1000 - the default account limit per region
   * @see https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html
   */
  readonly accountConcurrencyLimit?: number;
}

/**
 * cdk-nag 3 rule pack running the product's rule library over any app: the same rules, ids, severities and
 * messages that every blueprint construct enforces at synth.
 *
 * Rules read the rendered CloudFormation (L1) properties of each resource and the graph between resources
 * (roles and their statements, mappings, notifications, subscriptions, rules, destinations), so they check
 * plain aws-cdk-lib L1/L2 apps and imported templates (`CfnInclude`) as well as the blueprints. Register it
 * like any pack: `Validations.of(app).addPlugins(new LambdaBlueprintChecks(app))`; findings have ids
 * `LambdaBlueprints-<Rule>` and are acknowledged with `NagAcknowledgements.add` (or
 * `Validations.of(scope).acknowledge`). The rules are listed in the README's rule table; the rules of the
 * platform standards in force (`BlueprintStandards`) run here too, under the same ids and messages.
 *
 * @see https://github.com/cdklabs/cdk-nag
 */
export class LambdaBlueprintChecks extends NagPack {
  /** Prefix of every rule id of this pack. */
  public static readonly PACK_NAME = RULE_PACK;

  /** The pack's name. */
  public readonly name: string;
  /** Full ids of every rule of the pack (`LambdaBlueprints-LambdaMemorySize`, …). */
  public readonly ruleIds?: string[];
  /** The account concurrency limit the pack checks reservations against. */
  public readonly accountConcurrencyLimit: number;

  constructor(scope?: IConstruct, props: LambdaBlueprintChecksProps = {}) {
    super(scope, props);
    this.packName = RULE_PACK;
    this.name = RULE_PACK;
    this.ruleIds = ALL_RULES.map(fullId);
    const limit = props.accountConcurrencyLimit ?? DEFAULTS.accountConcurrencyLimit;
    const spec = LIMITS.accountConcurrency;
    if (typeof limit !== 'number' || isToken(limit) || !within(limit, spec)) {
      // A pack option, checked before any template exists: the same rule id and words as BlueprintFunction's.
      throw new Error(`LambdaBlueprintChecks: ${fullId(LambdaReservedConcurrency)}: ${spellProp('accountConcurrencyLimit')} is ${show(limit, spec.unit)}, allowed is ${allowedRange(spec)}, `
        + `because ${spec.reason}; the reserved concurrency check needs it.`);
    }
    this.accountConcurrencyLimit = limit;
  }

  /** Validates a construct tree (an app, a stage, a stack or a construct): every resource under it. */
  public validateScope(scope: IConstruct): PolicyValidationPluginReport {
    const violations: Array<PolicyViolation & { violatingResources: PolicyViolatingResource[] }> = [];
    const inScope = (path: string) => path === scope.node.path || scope.node.path === '' || path.startsWith(`${scope.node.path}/`);
    for (const stack of stacksOf(scope)) {
      const results = TemplateIndex.using(stack, index => evaluate(index, ALL_RULES, { accountConcurrencyLimit: this.accountConcurrencyLimit }));
      for (const r of results) {
        if (!inScope(r.entry.path) || isAcknowledged(r.entry.resource, r.id)) continue;
        const resource: PolicyViolatingResource = { constructPath: r.entry.path, locations: ['Properties'] };
        const same = violations.find(v => v.ruleName === r.id && v.description === r.message);
        if (same) same.violatingResources.push(resource);
        else violations.push({ ruleName: r.id, description: r.message, severity: r.severity, violatingResources: [resource] });
      }
    }
    return { success: violations.length === 0, violations };
  }

  protected checkResource(_node: CfnResource): void {
    // validateScope runs the rule library over whole stacks (relational rules need the graph).
  }
}
