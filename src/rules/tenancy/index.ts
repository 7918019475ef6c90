export { LambdaTenantIsolation } from './isolation';
