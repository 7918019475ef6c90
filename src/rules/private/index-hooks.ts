import { Stack } from 'aws-cdk-lib';
import { TemplateIndex } from './template-index';
import { StackState } from '../../core/private/stack-registry';

/** Per-stack state of this module (see StackState). */
const RULE_RUNS = new StackState<RuleRuns>(() => ({ hooks: [], checked: false }));

type IndexHook = (index: TemplateIndex) => void;

/** What a stack records about the rule engine's runs over it. */
interface RuleRuns {
  readonly hooks: IndexHook[];
  /** Whether the rule engine checks the stack at synth (construct mode). */
  checked: boolean;
}

function runsOf(stack: Stack): RuleRuns {
  return RULE_RUNS.of(stack);
}

/**
 * Has `hook` called with the stack's rendered index each time the rule engine has checked the stack at
 * synth (construct mode, during validation): what the engine rendered is not rendered again. Hooks run after
 * the template rules and before the construct checks, which may report what a hook found (a dashboard's widgets).
 */
export function afterRules(stack: Stack, hook: IndexHook): void {
  runsOf(stack).hooks.push(hook);
}

/** Records that the rule engine checks this stack at synth (construct mode). */
export function markRulesChecked(stack: Stack): void {
  runsOf(stack).checked = true;
}

/** Whether the rule engine checks this stack at synth (then `afterRules` hooks run). */
export function rulesChecked(stack: Stack): boolean {
  return runsOf(stack).checked;
}

/** Calls the stack's `afterRules` hooks with the index the engine has just checked. */
export function runAfterRules(stack: Stack, index: TemplateIndex): void {
  for (const hook of [...runsOf(stack).hooks]) hook(index);
}
