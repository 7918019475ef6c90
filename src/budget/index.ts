export * from './concurrency-budget';
export * from './resource-budget';
