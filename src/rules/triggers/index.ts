export { CognitoTriggerTimeout } from './cognito-timeout';
export { LogsSubscriptionFilterCount } from './logs-filter-count';
export { LogsSubscriptionOwnLogGroup } from './logs-own-log-group';
export { CognitoTriggerUnknownTimeout } from './cognito-unknown-timeout';
export { EventBridgeTargetRetry } from './eventbridge-retry';
