import { NagMessageLevel } from 'cdk-nag';
import { isObject, isTrue } from '../../template-index';
import { ALIAS, BlueprintRule, COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE } from '../rule';

/** A CodeDeploy-managed alias rolls back on alarms: its deployment group has an enabled alarm configuration. */
export const CodeDeployAliasAlarms: BlueprintRule = {
  name: 'CodeDeployAliasAlarms',
  info: 'The CodeDeploy-managed Lambda alias shifts traffic with a deployment group that has no enabled alarms.',
  explanation: 'CodeDeploy rolls a canary or linear deployment back automatically only when a CloudWatch alarm of its deployment group fires; without alarms a broken version receives all traffic at the end of the shift.',
  level: NagMessageLevel.ERROR,
  check: (e, index) => {
    if (e.type !== ALIAS) return NOT_APPLICABLE;
    const update = e.updatePolicy?.CodeDeployLambdaAliasUpdate;
    if (!isObject(update)) return NOT_APPLICABLE;
    const group = index.target(update.DeploymentGroupName);
    if (group?.type !== 'AWS::CodeDeploy::DeploymentGroup') return NOT_APPLICABLE;
    const alarms = group.properties.AlarmConfiguration;
    if (!isObject(alarms)) return NON_COMPLIANT;
    if (isObject(alarms.Enabled)) return NOT_APPLICABLE;
    if (alarms.Enabled === false || alarms.Enabled === 'false') return NON_COMPLIANT;
    if (!Array.isArray(alarms.Alarms)) return alarms.Alarms === undefined ? NON_COMPLIANT : NOT_APPLICABLE;
    return isTrue(alarms.Enabled) && alarms.Alarms.length > 0 ? COMPLIANT : NON_COMPLIANT;
  },
};
