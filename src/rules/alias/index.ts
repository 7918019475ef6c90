export { CodeDeployAliasAlarms } from './codedeploy-alarms';
export { LambdaAliasSettings } from './alias-settings';
export { LambdaProvisionedOnLatest } from './provisioned-on-latest';
