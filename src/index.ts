export * from './limits';
export * from './nag/acknowledge';
export * from './core/alarms';
export * from './core/durable-queue';
export * from './function/code';
export * from './function/secret';
export * from './function/blueprint-function';
export * from './report/cost';
