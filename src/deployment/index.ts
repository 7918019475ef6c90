// The public API of deployment/ (the same names as in src/index.ts; internals stay in their modules).
export { AliasDeployment } from './alias-deployment';
export type { AliasDeploymentOptions, AliasDeploymentProps } from './alias-deployment';
export type { FunctionDeploymentOptions, ProvisionedConcurrencyScaling, ProvisionedConcurrencySchedule, SmokeTestOptions, WeightedRoutingOptions } from './options';
export { FunctionRelease } from './release';
export type { FunctionReleaseProps } from './release';
export { SmokeTestHook } from './smoke-test';
export type { SmokeTestHookProps } from './smoke-test';
export { DeploymentStrategy, DeploymentStrategyKind } from './strategy';
export type { TrafficShiftOptions } from './strategy';
