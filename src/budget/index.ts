// The public API of budget/ (the same names as in src/index.ts; internals stay in their modules).
export { ConcurrencyBudget } from './concurrency-budget';
export type { ConcurrencyBudgetOptions, EnvironmentConcurrency, FunctionConcurrency } from './concurrency-budget';
export { ResourceBudget } from './resource-budget';
export type { ConstructResources } from './resource-budget';
