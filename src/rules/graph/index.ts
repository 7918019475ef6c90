export { LambdaEventLoop } from './event-loop';
export { LambdaImportedRole } from './imported-role';
