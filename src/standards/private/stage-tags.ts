import { Stage, Tags } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { standardsInForce } from './registry';

/** Below `Tags.of(...).add`'s default (100): a tag that a standard nearer the resource sets wins. */
const INHERITED_PRIORITY = 99;

/** The tags already carried into each nested stage (`key=value`), so that many blueprints add each once. */
const carried = new WeakMap<Stage, Set<string>>();

/**
 * Carries the tags of standards applied outside a nested stage into it. `Tags.of(scope)` is an aspect, and
 * aws-cdk-lib invokes an app's (or outer stage's) aspects on none of the constructs of a nested `Stage`, which
 * synthesizes on its own: without this, an app-level standard's `owner` tag never reaches a function of a
 * `Prod` stage (issue 28). Called by `BlueprintStandards.apply` and by every `BlueprintFunction`; the stage's
 * own standards and any scope below it still win per key.
 */
export function carryStandardTagsIntoStage(construct: IConstruct): void {
  // The stage the construct synthesizes in: itself when it is a stage.
  const stage = Stage.isStage(construct) ? construct : Stage.of(construct);
  const outside = stage?.node.scope;
  if (!stage || !outside) return;
  const tags: Record<string, string> = Object.assign({}, ...standardsInForce(outside).map(s => s.defaults.tags ?? {}));
  let done = carried.get(stage);
  if (!done) carried.set(stage, done = new Set());
  for (const [key, value] of Object.entries(tags)) {
    if (done.has(`${key}=${value}`)) continue;
    done.add(`${key}=${value}`);
    Tags.of(stage).add(key, value, { priority: INHERITED_PRIORITY });
  }
}
