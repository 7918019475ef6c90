export { CodeDeployAliasAlarms } from './codedeploy-alarms';
export { LambdaAliasSettings } from './alias-settings';
export { LambdaProvisionedOnLatest } from './provisioned-on-latest';
export { LambdaAliasRouting } from './alias-routing';
export { LambdaProvisionedConcurrency } from './provisioned-concurrency';
