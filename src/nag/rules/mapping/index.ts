export * from './sqs-visibility-timeout';
export * from './stream-bisect';
export * from './stream-retries';
export * from './stream-record-age';
