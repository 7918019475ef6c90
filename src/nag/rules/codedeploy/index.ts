export * from './alias-alarms';
