export * from './notification-self-trigger';
