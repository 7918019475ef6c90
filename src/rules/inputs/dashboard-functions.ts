import { inputRule, Severity } from '../private/rule';

/** What a BlueprintDashboard is given to show. */
export const BlueprintDashboardFunctions = inputRule('BlueprintDashboardFunctions', Severity.ERROR,
  'A BlueprintDashboard shows at least one function, each of its own stack (it follows that stack\'s topology).');
