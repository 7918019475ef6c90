import { LIMITS } from '../../limits';
import { asArray } from '../private/iam';
import { checkLimit, Rule, Severity } from '../private/rule';
import { isObject } from '../private/template-index';

/** An API Gateway REST API stage. */
export const API_STAGE = 'AWS::ApiGateway::Stage';

/** A stage's method throttling: a non-negative rate and a non-negative whole burst. */
export const ApiGatewayStageThrottling: Rule = {
  id: 'ApiGatewayStageThrottling',
  severity: Severity.ERROR,
  summary: 'An API Gateway stage throttles methods at a non-negative rate (requests per second) and a non-negative whole burst.',
  types: [API_STAGE],
  check: e => asArray(e.properties.MethodSettings).filter(isObject).flatMap(m => [
    ...checkLimit('MethodSettings.ThrottlingRateLimit', m.ThrottlingRateLimit, LIMITS.apiThrottlingRateLimit),
    ...checkLimit('MethodSettings.ThrottlingBurstLimit', m.ThrottlingBurstLimit, LIMITS.apiThrottlingBurstLimit),
  ]),
};
