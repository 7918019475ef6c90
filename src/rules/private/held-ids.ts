import { Aspects, CfnResource, IAspect, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** The field of aws-cdk-lib's `CfnElement` that `overrideLogicalId` sets (a string or a lazy token). */
interface OverridableId {
  _logicalIdOverride?: string;
}

/** A resource's logical id override as set (a string, or a lazy token such as `fn.currentVersion`'s), if any. */
export function logicalIdOverrideOf(resource: CfnResource): string | undefined {
  return (resource as unknown as OverridableId)._logicalIdOverride;
}

/** What ends with the current synthesis, per stack. */
const ENDS = new WeakMap<Stack, Array<() => void>>();
const END_ASPECT = Symbol.for('cdk-lambda-blueprints.synthesis-end');

/**
 * Runs `end` once the current synthesis's work is over: when the current synchronous work ends (a
 * microtask) or at the start of the next synthesis of the app (an aspect on the stack, before any other
 * aspect, `prepare` or validation), whichever comes first. What the rule engine computes at validation
 * (held version ids, other stacks' rendered functions) lives until then: validations do not change the
 * app, and anything changed after a synthesis is seen by the next one.
 */
export function untilSynthesisEnds(stack: Stack, end: () => void): void {
  let done = false;
  const once = () => { if (!done) { done = true; end(); } };
  queueMicrotask(once);
  let ends = ENDS.get(stack);
  if (!ends) ENDS.set(stack, ends = []);
  ends.push(once);
  const marked = stack as unknown as Record<symbol, boolean>;
  if (!marked[END_ASPECT]) {
    marked[END_ASPECT] = true;
    const atNextSynthesis: IAspect = {
      visit: (node: IConstruct) => {
        if (node !== stack) return;
        const pending = ENDS.get(stack) ?? [];
        ENDS.delete(stack);
        pending.forEach(f => f());
      },
    };
    Aspects.of(stack).add(atNextSynthesis, { priority: 0 });
  }
}

/** The held ids of a stack: each element with the lazy override it had before. */
const HELD = new WeakMap<Stack, Array<{ element: OverridableId; override: string }>>();

/**
 * Holds each logical id that aws-cdk-lib derives again on every resolve (`fn.currentVersion`'s: a hash of
 * the function's rendered properties, computed each time the version or a reference to it is rendered) at
 * the value `idOf` gives, until the synthesis ends (`untilSynthesisEnds`): the rule engine and the
 * synthesis of the template read the same value without hashing the function again for each reference,
 * and a change made after a synthesis gives a new version in the next one. Call it after
 * `releaseDerivedIds(stack)`, before `idOf`'s values were computed, so that they are derived, not held.
 */
export function holdDerivedIds(stack: Stack, resources: Iterable<CfnResource>, idOf: (resource: CfnResource) => string): void {
  const held: Array<{ element: OverridableId; override: string }> = [];
  for (const resource of resources) {
    const override = logicalIdOverrideOf(resource);
    if (typeof override !== 'string' || !Token.isUnresolved(override)) continue;
    const element = resource as unknown as OverridableId;
    held.push({ element, override });
    element._logicalIdOverride = idOf(resource);
  }
  if (!held.length) return;
  HELD.set(stack, held);
  untilSynthesisEnds(stack, () => { if (HELD.get(stack) === held) releaseDerivedIds(stack); });
}

/** Gives every held id of the stack its derivation back (a no-op if none is held). */
export function releaseDerivedIds(stack: Stack): void {
  const held = HELD.get(stack);
  if (!held) return;
  HELD.delete(stack);
  for (const h of held) h.element._logicalIdOverride = h.override;
}
