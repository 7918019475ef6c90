export * from './options';
export * from './stream-source-base';
export * from './kinesis';
export * from './dynamodb';
export * from './queue';
