// The public API of events/ (the same names as in src/index.ts; internals stay in their modules).
export type { CloudFrontSampleOptions, CloudWatchLogsSampleOptions, CognitoSampleOptions, DynamoDbSampleOptions, EventBridgeSampleOptions, HttpSampleOptions, KinesisSampleOptions, S3SampleOptions, SampleEventEnvironment, SnsSampleOptions, SqsSampleOptions } from './options';
export { SampleEvents } from './sample-events';
