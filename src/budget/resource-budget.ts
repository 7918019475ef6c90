import { CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { fmt } from '../core/private/format';
import { StackState } from '../core/private/stack-registry';
import { CLOUDFORMATION_LIMITS } from '../limits';
import { CloudFormationStackResources } from '../rules/inputs';
import { reportStackAtSynth } from '../rules/private/enforce';
import { fullId } from '../rules/private/engine';
import { Finding, messageOf } from '../rules/private/rule';

/** How many of the largest constructs the message names. */
const NAMED = 5;

/** Whether a stack's budget is checked at synth already. */
const WATCHED = new StackState<{ watched: boolean }>(() => ({ watched: false }));

/** The resources one top-level construct of a stack adds to its template. */
export interface ConstructResources {
  /** The construct's path (a direct child of the stack: the unit that moves to another stack). */
  readonly path: string;
  /** Its class name (e.g. `QueueToFunction`, `BlueprintFunction`, `Bucket`). */
  readonly type: string;
  /** CloudFormation resources under it in this stack. */
  readonly resources: number;
}

/**
 * The 500-resource budget of a CloudFormation stack.
 *
 * Every stack that holds a blueprint is watched: past 500 resources, synth fails with one message that
 * names the stack, its count and the constructs with the most resources (the direct children of the
 * stack, which is what moves to another stack), instead of CloudFormation's per-type count at deploy.
 * A BlueprintFunction adds about 6 resources (more with an alias, a VPC or alarms), a QueueToFunction
 * about 13.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html
 */
export class ResourceBudget {
  /**
   * Check the stack of `scope` at synth (once per stack, however often it is called). Blueprints call it
   * themselves; call it for stacks without blueprints.
   * @param scope any construct in the stack
   */
  public static watch(scope: IConstruct): void {
    const state = WATCHED.of(scope);
    if (state.watched) return;
    state.watched = true;
    const stack = Stack.of(scope);
    reportStackAtSynth(stack, CloudFormationStackResources, () => budgetFindings(stack));
  }

  /**
   * The problem `watch` reports for a stack over budget (none when within it), as the synth prints it after
   * the stack's path: `LambdaBlueprints-CloudFormationStackResources: resources is …`.
   * @param stack the stack
   */
  public static check(stack: Stack): string[] {
    return budgetFindings(stack).map(f => `${fullId(CloudFormationStackResources)}: ${messageOf(f)}`);
  }

  /**
   * Resources per top-level construct of the stack, largest first. What the blueprints add when the app
   * is synthesized (the stack's `BlueprintDashboard`, AsyncEventsDropped alarms) is counted once it has
   * been synthesized; the check at synth always counts it.
   * @param stack the stack
   */
  public static report(stack: Stack): ConstructResources[] {
    const out: ConstructResources[] = [];
    for (const child of stack.node.children) {
      const resources = child.node.findAll().filter(c => CfnResource.isCfnResource(c) && Stack.of(c) === stack).length;
      if (resources > 0) out.push({ path: child.node.path, type: child.constructor.name, resources });
    }
    return out.sort((a, b) => b.resources - a.resources || a.path.localeCompare(b.path));
  }

  private constructor() {}
}

/** The stack's resource count against CloudFormation's limit, naming the largest constructs and the way out. */
function budgetFindings(stack: Stack): Finding[] {
  const byConstruct = ResourceBudget.report(stack);
  const total = byConstruct.reduce((n, c) => n + c.resources, 0);
  const max = CLOUDFORMATION_LIMITS.resourcesPerStack.max;
  if (total <= max) return [];
  const largest = byConstruct.slice(0, NAMED).map(c => `${c.path} (${c.type}, ${fmt(c.resources)})`).join(', ');
  return [{
    property: 'resources',
    value: fmt(total),
    allowed: `at most ${fmt(max)} per stack`,
    reason: `${CLOUDFORMATION_LIMITS.resourcesPerStack.reason}; the constructs with the most resources: ${largest}; move constructs with at least `
      + `${fmt(total - max)} resources into a second stack (create them there and pass what they share — a table, a topic, a VPC — through stack props; `
      + 'see "Splitting a stack" in the README)',
  }];
}
