export { LambdaManagedInstancesArchitecture } from './architecture';
export { LambdaCapacityProviderSettings } from './capacity-provider';
export { LambdaManagedInstancesMemory } from './memory';
export { LambdaManagedInstancesRuntime } from './runtime';
export { LambdaManagedInstancesSettings } from './settings';
export { LambdaManagedInstancesTimeout } from './timeout';
