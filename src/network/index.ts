// The public API of network/ (the same names as in src/index.ts; internals stay in their modules).
export { BlueprintVpc } from './blueprint-vpc';
export type { BlueprintVpcProps } from './blueprint-vpc';
export { BlueprintVpcEndpoints } from './endpoints';
export { FunctionFileSystem } from './file-system';
export { FunctionNetwork } from './function-network';
export type { FunctionNetworkOptions, NetworkPlacement, NetworkTarget } from './function-network';
