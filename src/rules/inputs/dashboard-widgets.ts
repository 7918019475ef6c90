import { fmt } from '../../core/private/format';
import { MONITORING } from '../../limits';
import { inputRule, Severity } from '../private/rule';

/** A dashboard body within CloudWatch's widget limit. */
export const BlueprintDashboardWidgets = inputRule('BlueprintDashboardWidgets', Severity.ERROR,
  `A dashboard of the blueprints holds at most ${fmt(MONITORING.dashboardMaxWidgets)} widgets (CloudWatch's limit per body); past it, the message names the dashboard and the way out.`);
