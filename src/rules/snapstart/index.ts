export { LambdaSnapStartImage } from './image';
export { LambdaSnapStartProvisioned } from './provisioned';
export { LambdaSnapStartUnqualified } from './unqualified';
