export * from './options';
export * from './sample-events';
