// The public API of sources/ (the same names as in src/index.ts; internals stay in their modules).
export { DynamoStreamSource } from './dynamodb';
export { KinesisSource } from './kinesis';
export type { KinesisSourceOptions } from './kinesis';
export { StreamFailureDestination } from './options';
export type { QueueSourceOptions, SourceOptions, StreamSourceOptions } from './options';
export { QueueSource } from './queue';
export { StreamSourceBase } from './stream-source-base';
