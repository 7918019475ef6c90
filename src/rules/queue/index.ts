export { SqsQueueSettings } from './queue-settings';
