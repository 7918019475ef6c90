export { LambdaDurableConfig } from './config';
export { LambdaDurableMappingTimeout } from './mapping-timeout';
export { LambdaDurableRuntime } from './runtime';
export { LambdaDurableUnqualified } from './unqualified';
