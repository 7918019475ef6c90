import { Stack } from 'aws-cdk-lib';
import { TemplateIndex } from './template-index';

type IndexHook = (index: TemplateIndex) => void;

const HOOKS = new WeakMap<Stack, IndexHook[]>();
const CHECKED = new WeakSet<Stack>();

/**
 * Has `hook` called with the stack's rendered index each time the rule engine has checked the stack at
 * synth (construct mode, during validation): what the engine rendered is not rendered again.
 */
export function afterRules(stack: Stack, hook: IndexHook): void {
  HOOKS.set(stack, [...HOOKS.get(stack) ?? [], hook]);
}

/** Records that the rule engine checks this stack at synth (construct mode). */
export function markRulesChecked(stack: Stack): void {
  CHECKED.add(stack);
}

/** Whether the rule engine checks this stack at synth (then `afterRules` hooks run). */
export function rulesChecked(stack: Stack): boolean {
  return CHECKED.has(stack);
}

/** Calls the stack's `afterRules` hooks with the index the engine has just checked. */
export function runAfterRules(stack: Stack, index: TemplateIndex): void {
  for (const hook of HOOKS.get(stack) ?? []) hook(index);
}
