import { AspectPriority, Aspects, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct, IConstruct } from 'constructs';
import { FunctionTopology, LiveTopology, readableName } from './topology';
import { DashboardFunction, FUNCTIONS_PER_DASHBOARD, functionWidgets, QUEUES_PER_FUNCTION } from './widgets';
import { ALARM_PERIOD, createAlarm } from '../../core/alarms';
import { fmt } from '../../core/private/format';
import { ConstructState, StackState } from '../../core/private/stack-registry';
import { MONITORING } from '../../limits';
import { BlueprintDashboardWidgets } from '../../rules/inputs';
import { reportAtSynth } from '../../rules/private/enforce';
import { afterRules, rulesChecked } from '../../rules/private/index-hooks';
import { Finding } from '../../rules/private/rule';
import { TemplateIndex } from '../../rules/private/template-index';

/** What the dashboards and the late alarms need of a `BlueprintFunction` (no import of the class: no cycle). */
export interface MonitoredFunction extends Construct {
  readonly function: lambda.Function;
  readonly asyncInvokeConfig?: lambda.EventInvokeConfig;
}

interface Entry {
  readonly fn: MonitoredFunction;
  readonly alarms: boolean;
}

/** A dashboard waiting for the stack's topology: its widgets are added when the stack is prepared. */
export interface PendingDashboard {
  readonly dashboard: cloudwatch.Dashboard;
  /** The functions it shows; undefined = every blueprint function of the stack. */
  readonly functions?: MonitoredFunction[];
  /**
   * The next dashboard of the split (part 2, 3…) when the functions do not fit in one body of CloudWatch's
   * widget limit (`FUNCTIONS_PER_DASHBOARD` each).
   */
  readonly part: (n: number) => cloudwatch.Dashboard;
}

interface MonitoringState {
  readonly functions: Entry[];
  readonly dashboards: PendingDashboard[];
  prepared: boolean;
  /** The dashboards to fill at validation, with their functions (known once prepared). */
  readonly fills: Array<{ readonly dashboard: cloudwatch.Dashboard; readonly functions: MonitoredFunction[] }>;
  /** Per dashboard, what did not fit in CloudWatch's widget limit (reported under BlueprintDashboardWidgets). */
  readonly overflow: Map<cloudwatch.Dashboard, Finding>;
  filled: boolean;
}

/** The construct id of the stack's default dashboard (at the stack's root). */
export const DEFAULT_DASHBOARD_ID = 'BlueprintDashboard';
/** The construct id of a function's AsyncEventsDropped alarm. */
export const ASYNC_DROPPED_ALARM_ID = 'AsyncEventsDroppedAlarm';

/** The scopes (an app, a stage or a stack) whose stacks get no default dashboard. */
const NO_DEFAULT = new ConstructState<true>();

const MONITORING_STATE = new StackState<MonitoringState>(stack => {
  const s: MonitoringState = { functions: [], dashboards: [], prepared: false, fills: [], filled: false, overflow: new Map() };
  // Once every construct exists (aspects run after the app's code), before validation and synthesis:
  // the late alarms and the default dashboard.
  Aspects.of(stack).add({ visit: node => { if (node === stack) prepare(stack, s); } }, { priority: AspectPriority.MUTATING });
  // At validation, the widgets: from the index the rule engine has just rendered for the stack (else
  // from an index of their own), so that the stack's resources are not rendered twice.
  afterRules(stack, index => fill(stack, s, index));
  stack.node.addValidation({ validate: () => (rulesChecked(stack) ? [] : (TemplateIndex.using(stack, index => fill(stack, s, index)), [])) });
  return s;
});

function state(scope: IConstruct): MonitoringState {
  return MONITORING_STATE.of(scope);
}

/** A blueprint function of the stack: shown on a dashboard, given its topology-dependent alarms at synth. */
export function registerMonitoredFunction(fn: MonitoredFunction, alarms: boolean): void {
  state(fn).functions.push({ fn, alarms });
}

/** A dashboard whose widgets follow the stack's topology. */
export function registerDashboard(pending: PendingDashboard): void {
  state(pending.dashboard).dashboards.push(pending);
}

/** No default dashboard for the stacks in `scope` (the app, a stage or a stack). */
export function disableDefaultDashboard(scope: IConstruct): void {
  NO_DEFAULT.set(scope, true);
}

function defaultDisabled(stack: Stack): boolean {
  return NO_DEFAULT.nearest(stack) !== undefined;
}

function prepare(stack: Stack, s: MonitoringState): void {
  if (s.prepared) return;
  s.prepared = true;
  const own = ownFunctions(stack, s);
  // Only the async paths are rendered here: the rest of the topology is read at validation.
  const live = LiveTopology.beforeValidation(stack);
  for (const e of own) {
    if (!e.alarms || e.fn.node.tryFindChild(ASYNC_DROPPED_ALARM_ID)) continue;
    if (!topologyOf(live, e.fn).async) continue;
    createAlarm(e.fn, ASYNC_DROPPED_ALARM_ID, {
      metric: e.fn.function.metric('AsyncEventsDropped', { period: ALARM_PERIOD, statistic: 'Sum' }),
      threshold: 0,
      description: `${e.fn.node.path}: asynchronous events were dropped without a successful invocation (see its DLQ or on-failure destination).`,
    });
  }

  const covered = new Set<MonitoredFunction>();
  for (const d of s.dashboards) {
    const fns = d.functions ?? own.map(e => e.fn);
    fns.forEach(fn => covered.add(fn));
    split(s, d, fns);
  }
  const uncovered = own.map(e => e.fn).filter(fn => !covered.has(fn));
  if (uncovered.length > 0 && !defaultDisabled(stack) && !stack.node.tryFindChild(DEFAULT_DASHBOARD_ID)) {
    split(s, {
      dashboard: new cloudwatch.Dashboard(stack, DEFAULT_DASHBOARD_ID),
      part: n => new cloudwatch.Dashboard(stack, `${DEFAULT_DASHBOARD_ID}${n}`),
    }, uncovered);
  }
}

/**
 * The functions of one dashboard, `FUNCTIONS_PER_DASHBOARD` per body: the first part is the dashboard itself,
 * the next ones are created beside it (part 2, 3…), so that no body exceeds CloudWatch's widget limit.
 */
function split(s: MonitoringState, d: Omit<PendingDashboard, 'functions'>, functions: MonitoredFunction[]): void {
  for (let i = 0, n = 1; i < functions.length || n === 1; i += FUNCTIONS_PER_DASHBOARD, n++) {
    const dashboard = n === 1 ? d.dashboard : d.part(n);
    s.fills.push({ dashboard, functions: functions.slice(i, i + FUNCTIONS_PER_DASHBOARD) });
    // Filled by the rule engine's run over the stack (afterRules), before it checks the constructs.
    reportAtSynth(dashboard, BlueprintDashboardWidgets, () => { const o = s.overflow.get(dashboard); return o ? [o] : []; });
  }
}

/** The registered functions that belong to the stack itself. */
function ownFunctions(stack: Stack, s: MonitoringState): Entry[] {
  return s.functions.filter(e => Stack.of(e.fn) === stack);
}

/** What `live` knows of one function's event paths. */
function topologyOf(live: LiveTopology, fn: MonitoredFunction): FunctionTopology {
  return live.of(live.idOf(fn.function.node.defaultChild as lambda.CfnFunction), fn.asyncInvokeConfig !== undefined);
}

/** Adds the widgets of every dashboard of the stack (once), from the topology over `index`. */
function fill(stack: Stack, s: MonitoringState, index: TemplateIndex): void {
  if (s.filled || !s.prepared) return;
  s.filled = true;
  const live = LiveTopology.fromIndex(index);
  const topologies = new Map<MonitoredFunction, FunctionTopology>(ownFunctions(stack, s).map(e => [e.fn, topologyOf(live, e.fn)]));
  for (const { dashboard, functions } of s.fills) {
    const drawn = new Set<sqs.CfnQueue>();
    const widgets: cloudwatch.IWidget[] = [];
    for (const fn of functions) {
      const topology = topologies.get(fn);
      if (!topology) continue; // a function of another stack: reported by the dashboard's validation
      const f: DashboardFunction = { name: readableName(stack, fn.node.path), fn: fn.function, topology };
      widgets.push(...functionWidgets(f, drawn));
    }
    if (widgets.length > MONITORING.dashboardMaxWidgets) {
      s.overflow.set(dashboard, {
        property: 'DashboardBody (widgets)',
        value: `${fmt(widgets.length)} widgets for ${fmt(functions.length)} functions`,
        allowed: `at most ${fmt(MONITORING.dashboardMaxWidgets)} widgets (CloudWatch rejects a larger body)`,
        reason: `these functions draw more queues than the ${QUEUES_PER_FUNCTION} per function a dashboard makes room for (${FUNCTIONS_PER_DASHBOARD} functions per body); `
          + 'give some of them a BlueprintDashboard of their own (functions)',
      });
    }
    dashboard.addWidgets(...widgets);
  }
}
