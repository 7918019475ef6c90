export { DeploymentStrategy, DeploymentStrategyKind } from './strategy';
export * from './options';
export { AliasDeployment, AliasDeploymentOptions, AliasDeploymentProps } from './alias-deployment';
export { FunctionRelease, FunctionReleaseProps } from './release';
export { SMOKE_TEST_HANDLER, SmokeTestHook, SmokeTestHookProps } from './smoke-test';
