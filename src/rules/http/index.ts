export { LambdaFunctionUrlAuth } from './function-url-auth';
export { ApiGatewayStageThrottling } from './stage-throttling';
