export * from './function-network';
export * from './file-system';
export * from './endpoints';
export * from './blueprint-vpc';
