import { Stage, Tags } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { checkStandards } from './private/check-props';
import { addStandard, defaultOf, standardsAt, standardsInForce } from './private/registry';
import { carryStandardTagsIntoStage } from './private/stage-tags';
import { StandardDefaults, StandardsProps } from './standards-props';
import { enforceStandards } from '../rules/private/enforce';

/** The `BlueprintStandards` of each scope (one per scope). */
const INSTANCES = new WeakMap<IConstruct, BlueprintStandards>();

/**
 * A platform team's standards for a scope (an app, a stage, a stack or any construct): defaults every
 * blueprint under the scope takes, and rules every Lambda function under it must follow. For example the
 * company's standard on the app (`BlueprintStandards.of(app).apply({ name: 'acme', defaults: { memorySize: 512 } })`)
 * and a stricter one on the production stage (`rules: { denyPublicFunctionUrls: true }`).
 *
 * Precedence: a prop given to a blueprint wins; else the nearest scope's default (the latest applied on
 * one scope); else the library's default. Rules accumulate from every enclosing scope and are checked on
 * the synthesized template by the same engine as the library's rules, on every function in the scope —
 * `BlueprintFunction`, `lambda.Function`, `CfnFunction` and `CfnInclude` templates alike — at synth
 * (errors name the rule, the standard, the scope that set it and the value) and by the
 * `LambdaBlueprintChecks` pack.
 */
export class BlueprintStandards {
  /**
   * The standards of a scope.
   * @param scope an app, a stage, a stack or any construct
   */
  public static of(scope: IConstruct): BlueprintStandards {
    let standards = INSTANCES.get(scope);
    if (!standards) INSTANCES.set(scope, standards = new BlueprintStandards(scope));
    return standards;
  }

  private constructor(private readonly scope: IConstruct) {}

  /**
   * Apply a standard to the scope: its defaults to the blueprints under it, its rules to every Lambda
   * function under it, its tags to every resource under it. A standard with values out of Lambda's ranges
   * (or without a name) is not applied: synth fails with every problem, at this scope, under the rule
   * `LambdaBlueprints-BlueprintStandardsProps`.
   * @param standards the standard
   */
  public apply(standards: StandardsProps): BlueprintStandards {
    // A standard out of Lambda's ranges is reported at synth (BlueprintStandardsProps) and not applied.
    if (!checkStandards(this.scope, standards)) return this;
    addStandard(this.scope, standards);
    for (const [key, value] of Object.entries(standards.defaults?.tags ?? {})) Tags.of(this.scope).add(key, value);
    // Tags are aspects, which stop at nested stages: carried into the scope's stage and the stages under it.
    carryStandardTagsIntoStage(this.scope);
    for (const stage of this.scope.node.findAll().filter(c => c !== this.scope && Stage.isStage(c))) carryStandardTagsIntoStage(stage);
    enforceStandards(this.scope);
    return this;
  }

  /** The names of the standards applied to this scope itself, in the order applied. */
  public get appliedHere(): string[] {
    return standardsAt(this.scope).map(s => s.name);
  }

  /** The names of every standard in force for this scope (enclosing scopes first). */
  public get inForce(): string[] {
    return standardsInForce(this.scope).map(s => s.name);
  }

  /**
   * The defaults in force for this scope: for each default, the value of the nearest scope that sets it
   * (for a platform's own constructs, e.g. the key of the topics it creates). Tags merge, nearest winning.
   */
  public effectiveDefaults(): StandardDefaults {
    const keys: Array<keyof StandardDefaults> = ['memorySize', 'timeout', 'architecture', 'runtime', 'logRetention', 'environmentEncryptionKey',
      'logGroupEncryptionKey', 'queueEncryptionKey', 'topicEncryptionKey', 'tracing', 'alarmTopic', 'permissionsBoundary', 'network',
      'deployment', 'reservedConcurrentExecutions', 'codeSigningConfig'];
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const d = defaultOf(this.scope, key);
      if (d) out[key] = d.value;
    }
    const tags = Object.assign({}, ...standardsInForce(this.scope).map(s => s.defaults.tags ?? {}));
    if (Object.keys(tags).length) out.tags = tags;
    return out as StandardDefaults;
  }
}
