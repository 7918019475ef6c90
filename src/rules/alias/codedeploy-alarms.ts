import { ALIAS, Rule, Severity } from '../private/rule';
import { isObject, isTrue } from '../private/template-index';

function alarmsEnabled(group: Record<string, any>): boolean | undefined {
  const alarms = group.AlarmConfiguration;
  if (!isObject(alarms)) return false;
  if (isObject(alarms.Enabled)) return undefined;
  if (alarms.Enabled === false || alarms.Enabled === 'false') return false;
  if (!Array.isArray(alarms.Alarms)) return alarms.Alarms === undefined ? false : undefined;
  return isTrue(alarms.Enabled) && alarms.Alarms.length > 0;
}

/** A CodeDeploy-managed alias rolls back on alarms: its deployment group has an enabled alarm configuration. */
export const CodeDeployAliasAlarms: Rule = {
  id: 'CodeDeployAliasAlarms',
  severity: Severity.WARNING,
  summary: 'A CodeDeploy-managed alias shifts traffic with a deployment group that has enabled alarms.',
  types: [ALIAS],
  check: (e, { index }) => {
    const update = e.updatePolicy?.CodeDeployLambdaAliasUpdate;
    if (!isObject(update)) return [];
    const group = index.target(update.DeploymentGroupName);
    if (group?.type !== 'AWS::CodeDeploy::DeploymentGroup' || alarmsEnabled(group.properties) !== false) return [];
    return [{ property: 'UpdatePolicy.CodeDeployLambdaAliasUpdate', value: `deployment group ${group.path} without enabled alarms`, allowed: 'a deployment group with at least one enabled alarm', reason: 'CodeDeploy rolls a canary or linear deployment back only when an alarm of its group fires; otherwise a broken version receives all traffic' }];
  },
};
