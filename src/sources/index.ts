export * from './options';
export * from './kinesis';
export * from './dynamodb';
export * from './queue';
