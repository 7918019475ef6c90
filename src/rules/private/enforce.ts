import { Annotations, Aspects, CfnResource, Stack, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { evaluate, fullId, isAcknowledged, RuleResult, setRuleConfig } from './engine';
import { markRulesChecked, rulesChecked, runAfterRules } from './index-hooks';
import { Finding, messageOf, Rule, RuleConfig, Severity } from './rule';
import { timedRun } from './stats';
import { TemplateIndex } from './template-index';
import { ConstructState, enclosingStack, StackState } from '../../core/private/stack-registry';
import { ALL_RULES } from '../catalog';

/** A construct's input problem: known now (`finding`), or found at synth (`check`, after every mutation). */
interface InputFinding {
  readonly rule: Rule;
  readonly finding?: Finding;
  readonly check?: () => Finding[];
}

interface StackRun {
  /** Errors of the last run, by the construct they are reported at. */
  errors: Map<IConstruct, string[]>;
  /** Constructs that carry the validation hook that reports those errors. */
  readonly hooked: WeakSet<IConstruct>;
  /** Warnings already added (validation may run more than once per app). */
  readonly warned: WeakMap<IConstruct, Set<string>>;
  /** Resources outside a blueprint that a blueprint wires (a bucket's notifications, a source queue): checked as its own. */
  readonly claimed: WeakSet<IConstruct>;
  /**
   * Checks reported at a construct that is no blueprint (the stack's resource budget, a dashboard's widgets,
   * a standard applied to the stack): its other resources are not checked for it.
   */
  readonly scopeChecks: Array<{ readonly at: IConstruct; readonly input: InputFinding }>;
}

/** The blueprints (constructs that enforce the rules), with the problems of their props that never reach the template. */
const BLUEPRINTS = new ConstructState<InputFinding[]>();

/** The rule engine's run of a stack: created (and hooked into the stack's validation) on first use. */
const STACK_RUNS = new StackState<StackRun>(stack => {
  const run: StackRun = { errors: new Map(), hooked: new WeakSet(), warned: new WeakMap(), claimed: new WeakSet(), scopeChecks: [] };
  // The stack is validated before its children (pre-order): it runs the rules and hands each
  // resource's errors to a hook on that resource.
  stack.node.addValidation({ validate: () => timedRun(checked => runStack(stack, run, checked)) });
  return run;
});

/**
 * Construct mode of the rule library: the blueprint `scope` (and every resource below it) is checked by
 * the same rules as `LambdaBlueprintChecks`, over the stack's synthesized resources, once per synth.
 * Errors fail the synth together (each at its resource's path); warnings become annotations with the
 * rule id, acknowledged like cdk-nag findings.
 */
export function enforceRules(scope: IConstruct, config?: Partial<Omit<RuleConfig, 'standards'>>): void {
  inputFindingsOf(scope);
  if (config) setRuleConfig(scope, config);
  hookStack(Stack.of(scope));
}

/** The problems of a blueprint's props (registering `scope` as a blueprint on first use). */
function inputFindingsOf(scope: IConstruct): InputFinding[] {
  let inputs = BLUEPRINTS.get(scope);
  if (!inputs) BLUEPRINTS.set(scope, inputs = []);
  return inputs;
}

/** Runs the rules over the stack at synth (once registered; idempotent). */
function hookStack(stack: Stack): StackRun {
  markRulesChecked(stack);
  return STACK_RUNS.of(stack);
}

/**
 * Checks a whole stack at synth (after aspects, with the rules) under `rule`'s id, reported at the stack:
 * the stack runs the rule engine without becoming a blueprint (its other resources are not checked for it).
 */
export function reportStackAtSynth(stack: Stack, rule: Rule, check: () => Finding[]): void {
  hookStack(stack).scopeChecks.push({ at: stack, input: { rule, check } });
}

/**
 * Checks what a construct that is no blueprint was given (a standard, a budget's options, a dashboard's
 * widgets) at synth, under `rule`'s id and in the rules' message form, reported at `scope` with the other
 * findings of its stack, without checking the resources under `scope` as a blueprint's. A scope outside
 * every stack (an app, a stage) reports through its own validation, in the same form and acknowledged the
 * same way (`[<path>] <id>: <message>`; the app's path is empty).
 */
export function reportAtSynth(scope: IConstruct, rule: Rule, check: () => Finding[]): void {
  const stack = enclosingStack(scope);
  if (stack) {
    hookStack(stack).scopeChecks.push({ at: scope, input: { rule, check } });
    return;
  }
  const warned = new Set<string>();
  scope.node.addValidation({
    validate: () => {
      const id = fullId(rule);
      if (isAcknowledged(scope, id)) return [];
      const messages = [...new Set(check().map(f => messageOf(f)))];
      if (rule.severity === Severity.ERROR) return messages.map(m => `${id}: ${m}`);
      for (const m of messages.filter(text => !warned.has(text))) {
        warned.add(m);
        Annotations.of(scope).addWarningV2(id, m);
      }
      return [];
    },
  });
}

/**
 * Construct mode for the platform standards of `scope`: every stack in the scope (now or added later)
 * runs the rule engine at synth, so that standard rules reach functions that are not blueprints.
 */
export function enforceStandards(scope: IConstruct): void {
  const stack = enclosingStack(scope);
  if (stack) hookStack(stack);
  for (const c of scope.node.findAll()) if (Stack.isStack(c)) hookStack(c);
  Aspects.of(scope).add({ visit: c => { if (Stack.isStack(c)) hookStack(c); } });
  if (Stage.isStage(scope)) {
    // A nested stage synthesizes (and validates) before its parent's aspects run: the stacks of stages
    // added after the standards were applied, and not hooked by a blueprint, are checked from here.
    scope.node.addValidation({ validate: () => lateStacks(scope) });
  }
}


function lateStacks(scope: IConstruct): string[] {
  const out: string[] = [];
  for (const stack of scope.node.findAll()) {
    if (!Stack.isStack(stack) || rulesChecked(stack)) continue;
    for (const r of TemplateIndex.using(stack, index => evaluate(index, ALL_RULES))) {
      if (!r.finding || !standardRule(r) || r.severity !== Severity.ERROR || isAcknowledged(r.entry.resource, r.id)) continue;
      out.push(`[${r.entry.path}] ${r.id}: ${r.message}`);
    }
  }
  return out;
}

/** A finding of a platform standard's rule (a standard rule of the library, or a custom rule of a standard). */
function standardRule(r: RuleResult): boolean {
  return r.rule.standard === true || r.finding.id !== undefined;
}

/**
 * Reports a problem with a prop that never reaches the template (it would make aws-cdk-lib throw, or the
 * value cannot be expressed), under the same rule id and in the same message form as the template rules.
 */
export function reportInput(scope: IConstruct, rule: Rule, finding: Finding): void {
  enforceRules(scope);
  inputFindingsOf(scope).push({ rule, finding });
}

/**
 * Checks a construct's props at synth (after every mutation of the construct), under `rule`'s id and in the
 * template rules' message form, with every other finding of the synth: the inputs that never reach the
 * template as such (a value aws-cdk-lib would throw on, a call that cannot be expressed).
 */
export function reportInputAtSynth(scope: IConstruct, rule: Rule, check: () => Finding[]): void {
  enforceRules(scope);
  inputFindingsOf(scope).push({ rule, check });
}

/**
 * A resource the blueprint `scope` wires but does not own (a plain function's bucket notifications, an existing
 * source queue): construct mode reports its findings as the blueprint's, as `LambdaBlueprintChecks` would.
 * A resource in another stack, or not a CloudFormation resource, is left to that stack.
 */
export function claimForRules(scope: IConstruct, resource: IConstruct | undefined): void {
  enforceRules(scope);
  if (!resource || !CfnResource.isCfnResource(resource) || Stack.of(resource) !== Stack.of(scope)) return;
  hookStack(Stack.of(scope)).claimed.add(resource);
}

/** Whether a construct is (under) a blueprint that enforces the rules. */
export function blueprintOf(construct: IConstruct): IConstruct | undefined {
  return BLUEPRINTS.nearest(construct)?.scope;
}

function runStack(stack: Stack, run: StackRun, checked: (resources: number) => void): string[] {
  return TemplateIndex.using(stack, index => runOnIndex(stack, index, run, checked));
}

function runOnIndex(stack: Stack, index: TemplateIndex, run: StackRun, checked: (resources: number) => void): string[] {
  checked(index.all.length);
  const results: Array<{ at: IConstruct; id: string; severity: Severity; message: string }> = [];
  for (const r of evaluate(index, ALL_RULES)) {
    if (!concernsBlueprint(r, run) && !standardRule(r)) continue;
    results.push({ at: r.entry.resource, id: r.id, severity: r.severity, message: r.message });
  }
  const addInput = (at: IConstruct, input: InputFinding) => {
    for (const finding of input.finding ? [input.finding] : input.check!()) {
      results.push({ at, id: fullId(input.rule), severity: input.rule.severity, message: messageOf(finding) });
    }
  };
  // Before the construct checks: what the hooks find over the rendered index (a dashboard's widgets) is theirs to report.
  runAfterRules(stack, index);
  for (const { at, input } of run.scopeChecks) addInput(at, input);
  for (const c of stack.node.findAll()) for (const input of BLUEPRINTS.get(c) ?? []) addInput(c, input);
  run.errors = new Map();
  for (const r of results) {
    if (isAcknowledged(r.at, r.id)) continue;
    if (r.severity === Severity.WARNING) {
      warnOnce(run, r.at, r.id, r.message);
      continue;
    }
    const list = run.errors.get(r.at) ?? [];
    const line = `${r.id}: ${r.message}`;
    if (!list.includes(line)) list.push(line);
    run.errors.set(r.at, list);
    // The stack's own errors are this validation's; a resource's go to a hook validated after the stack.
    if (r.at !== stack && !run.hooked.has(r.at)) {
      run.hooked.add(r.at);
      r.at.node.addValidation({ validate: () => run.errors.get(r.at) ?? [] });
    }
  }
  return run.errors.get(stack) ?? [];
}

function concernsBlueprint(r: RuleResult, run: StackRun): boolean {
  const ours = (c: IConstruct) => blueprintOf(c) !== undefined || run.claimed.has(c);
  return ours(r.entry.resource) || (r.finding.involves ?? []).some(e => ours(e.resource));
}

function warnOnce(run: StackRun, at: IConstruct, id: string, message: string): void {
  const seen = run.warned.get(at) ?? new Set<string>();
  run.warned.set(at, seen);
  if (seen.has(`${id} ${message}`)) return;
  seen.add(`${id} ${message}`);
  Annotations.of(at).addWarningV2(id, message);
}

/** The CfnResource of a construct (its default child), for reporting at it. */
export function cfnOf(construct: IConstruct): CfnResource | undefined {
  const child = construct.node.defaultChild;
  return child && CfnResource.isCfnResource(child) ? child : undefined;
}
