export * from './limits';
export * from './nag/acknowledge';
export * from './core/alarms';
export * from './core/durable-queue';
export * from './function/code';
export * from './function/secret';
export * from './function/blueprint-function';
export * from './report/cost';
export * from './invocation/destinations';
export * from './invocation/async-invoke';
export * from './layers/blueprint-layer';
export * from './deployment';
export * from './sources';
export * from './patterns/pattern-function';
export * from './patterns/kinesis-to-function';
export * from './patterns/dynamo-stream-to-function';
export * from './patterns/queue-to-function';
export * from './invocation/triggers/s3-trigger';
export * from './invocation/triggers/sns-trigger';
export * from './invocation/triggers/eventbridge-trigger';
export * from './http/api-authorization';
export * from './http/rest-api';
export * from './http/alb';
export * from './http/function-url';
export * from './network';
export * from './nag/lambda-blueprint-checks';
export * from './budget';

// --- issue 12: sample events for handler tests (public API)
export * from './events';
// --- local emulator (src/local/): run synthesized functions locally
// (both modules hold public API only: LocalLambda and its option/result structs; LocalEvents)
export * from './local/local-lambda';
export * from './local/local-events';
