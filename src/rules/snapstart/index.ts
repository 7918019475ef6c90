export { LambdaSnapStartProvisioned } from './provisioned';
export { LambdaSnapStartUnqualified } from './unqualified';
