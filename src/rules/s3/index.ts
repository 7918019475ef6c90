export { S3NotificationFilter } from './notification-filter';
export { S3NotificationOverlap } from './notification-overlap';
export { S3NotificationSelfTrigger } from './self-trigger';
export { S3NotificationVersioning } from './notification-versioning';
