export * from './concurrency-budget';
