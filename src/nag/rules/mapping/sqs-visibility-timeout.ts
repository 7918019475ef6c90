import { NagMessageLevel } from 'cdk-nag';
import { LIMITS, SERVICE_DEFAULTS } from '../../../limits';
import { knownNumber } from '../../template-index';
import { BlueprintRule, COMPLIANT, MAPPING, NON_COMPLIANT, NOT_APPLICABLE } from '../rule';

/** The source queue's visibility timeout is at least 6 × the function timeout plus the batching window. */
export const LambdaSqsVisibilityTimeout: BlueprintRule = {
  name: 'LambdaSqsVisibilityTimeout',
  info: `The SQS source queue's VisibilityTimeout is below ${LIMITS.visibilityTimeoutFactor.min} x the function's Timeout plus the mapping's MaximumBatchingWindowInSeconds.`,
  explanation: `${LIMITS.visibilityTimeoutFactor.reason}: otherwise messages in flight become visible again and are processed twice, and Lambda refuses the mapping outright when the visibility timeout is below the function timeout. Unset values count as AWS's defaults (function ${SERVICE_DEFAULTS.functionTimeoutSeconds} s, queue ${SERVICE_DEFAULTS.queueVisibilityTimeoutSeconds} s).`,
  level: NagMessageLevel.ERROR,
  check: (e, index) => {
    if (e.type !== MAPPING) return NOT_APPLICABLE;
    const queue = index.target(e.properties.EventSourceArn);
    const fn = index.functionOf(e.properties.FunctionName);
    if (queue?.type !== 'AWS::SQS::Queue' || !fn) return NOT_APPLICABLE;
    const visibility = orDefault(queue.properties.VisibilityTimeout, SERVICE_DEFAULTS.queueVisibilityTimeoutSeconds);
    const timeout = orDefault(fn.properties.Timeout, SERVICE_DEFAULTS.functionTimeoutSeconds);
    const window = orDefault(e.properties.MaximumBatchingWindowInSeconds, 0);
    if (visibility === undefined || timeout === undefined || window === undefined) return NOT_APPLICABLE;
    return visibility >= LIMITS.visibilityTimeoutFactor.min * timeout + window ? COMPLIANT : NON_COMPLIANT;
  },
};

function orDefault(value: unknown, fallback: number): number | undefined {
  return value === undefined ? fallback : knownNumber(value);
}
