export * from './strategy';
export * from './options';
export * from './alias-deployment';
export * from './release';
export * from './smoke-test';
