import { Aspects, CfnResource, IAspect, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { StackState } from '../../core/private/stack-registry';

/** Per-stack state of this module (see StackState). */
const SYNTHESES = new StackState<SynthesisState>(() => ({ ends: [], aspect: false }));

/** The field of aws-cdk-lib's `CfnElement` that `overrideLogicalId` sets (a string or a lazy token). */
interface OverridableId {
  _logicalIdOverride?: string;
}

/** A resource's logical id override as set (a string, or a lazy token such as `fn.currentVersion`'s), if any. */
function logicalIdOverrideOf(resource: CfnResource): string | undefined {
  return (resource as unknown as OverridableId)._logicalIdOverride;
}

/**
 * What `resource.logicalId` resolves to, without a resolve pass over the stack: its override (a held id
 * included), a lazy override (e.g. `fn.currentVersion`'s, which appends the function's hash) resolved
 * once, else the id the stack allocates (with any `renameLogicalId`).
 */
export function logicalIdOf(resource: CfnResource): string {
  const override = logicalIdOverrideOf(resource);
  if (override === undefined) return Stack.of(resource).getLogicalId(resource);
  return Token.isUnresolved(override) ? String(Stack.of(resource).resolve(override)) : override;
}

/** What a stack holds for the current synthesis. */
interface SynthesisState {
  /** What ends with the current synthesis. */
  ends: Array<() => void>;
  /** Whether the aspect that ends it at the next synthesis is on the stack. */
  aspect: boolean;
  /** The held ids of the stack. */
  held?: HeldId[];
}

function synthesisOf(stack: Stack): SynthesisState {
  return SYNTHESES.of(stack);
}

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
  const state = synthesisOf(stack);
  state.ends.push(once);
  if (!state.aspect) {
    state.aspect = true;
    const atNextSynthesis: IAspect = {
      visit: (node: IConstruct) => {
        if (node !== stack) return;
        const pending = state.ends;
        state.ends = [];
        pending.forEach(f => f());
      },
    };
    Aspects.of(stack).add(atNextSynthesis, { priority: 0 });
  }
}

/** A held id: the element, the override it had before (none, or a lazy token) and the value held. */
interface HeldId {
  readonly element: OverridableId;
  readonly override: string | undefined;
  readonly held: string;
}

/**
 * Holds the logical id of each entry's resource at the entry's `logicalId` (what `resource.logicalId`
 * resolves to now, `logicalIdOf`) until the synthesis ends (`untilSynthesisEnds`). aws-cdk-lib derives a
 * logical id again on every resolve of the resource or of a reference to it: the path's hash
 * (`allocateLogicalId`) and any `renameLogicalId`, or for `fn.currentVersion` a hash of the function's
 * rendered properties. The rule
 * engine has computed each of them once; holding them lets the template's synthesis read those values
 * instead of deriving them again for every reference. A plain string override (`overrideLogicalId`) is
 * left as it is. When the synthesis ends, each id goes back to its derivation, unless something has set
 * another override since (that override stays): a change made after a synthesis is seen by the next one.
 * The entries' ids must have been computed after `releaseLogicalIds(stack)`, so that they are derived,
 * not held.
 */
export function holdLogicalIds(stack: Stack, entries: Iterable<{ readonly resource: CfnResource; readonly logicalId: string }>): void {
  const held: HeldId[] = [];
  for (const { resource, logicalId } of entries) {
    const override = logicalIdOverrideOf(resource);
    if (override !== undefined && !Token.isUnresolved(override)) continue;
    const element = resource as unknown as OverridableId;
    held.push({ element, override, held: logicalId });
    element._logicalIdOverride = logicalId;
  }
  if (!held.length) return;
  const state = synthesisOf(stack);
  state.held = held;
  untilSynthesisEnds(stack, () => { if (state.held === held) releaseLogicalIds(stack); });
}

/** Gives every held id of the stack its derivation back (a no-op if none is held). */
export function releaseLogicalIds(stack: Stack): void {
  const state = synthesisOf(stack);
  const held = state.held;
  if (!held) return;
  state.held = undefined;
  for (const h of held) {
    if (h.element._logicalIdOverride === h.held) h.element._logicalIdOverride = h.override;
  }
}
