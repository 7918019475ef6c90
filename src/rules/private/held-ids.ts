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

/** The held ids of a stack: each element with the lazy override it had before. */
const HELD = new WeakMap<Stack, Array<{ element: OverridableId; override: string }>>();
const RELEASE_ASPECT = Symbol.for('cdk-lambda-blueprints.release-held-ids');

/**
 * Holds each logical id that aws-cdk-lib derives again on every resolve (`fn.currentVersion`'s: a hash of
 * the function's rendered properties, computed each time the version or a reference to it is rendered) at
 * the value `idOf` gives, for the rest of this synthesis: the rule engine and the synthesis of the template
 * read the same value without hashing the function again for each reference.
 *
 * The hold ends before anything can change the function: when the current synchronous work ends (a
 * microtask), and at the start of the next synthesis of the app (an aspect, which runs before any
 * mutating aspect, `prepare` or validation), so a change made after a synthesis gives a new version.
 */
export function holdDerivedIds(stack: Stack, resources: Iterable<CfnResource>, idOf: (resource: CfnResource) => string): void {
  releaseDerivedIds(stack);
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
  queueMicrotask(() => releaseDerivedIds(stack));
  const marked = stack as unknown as Record<symbol, boolean>;
  if (!marked[RELEASE_ASPECT]) {
    marked[RELEASE_ASPECT] = true;
    const release: IAspect = { visit: (node: IConstruct) => { if (node === stack) releaseDerivedIds(stack); } };
    Aspects.of(stack).add(release, { priority: 0 });
  }
}

/** Gives every held id of the stack its derivation back (a no-op if none is held). */
export function releaseDerivedIds(stack: Stack): void {
  const held = HELD.get(stack);
  if (!held) return;
  HELD.delete(stack);
  for (const h of held) h.element._logicalIdOverride = h.override;
}
