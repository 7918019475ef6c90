export { KinesisStreamSettings } from './kinesis-settings';
