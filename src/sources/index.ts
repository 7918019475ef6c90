// The public API of sources/ (the same names as in src/index.ts; internals stay in their modules).
export { BlueprintDynamoStreamSource } from './dynamodb';
export { BlueprintKinesisSource } from './kinesis';
export type { BlueprintKinesisSourceOptions } from './kinesis';
export { StreamFailureDestination } from './options';
export type { BlueprintQueueSourceOptions, BlueprintSourceOptions, BlueprintStreamSourceOptions } from './options';
export { BlueprintQueueSource } from './queue';
export { BlueprintStreamSourceBase } from './stream-source-base';
