import { NagMessageLevel } from 'cdk-nag';
import { LIMITS, SERVICE_DEFAULTS } from '../../../limits';
import { knownNumber } from '../../template-index';
import { BlueprintRule, COMPLIANT, MAPPING, NON_COMPLIANT, NOT_APPLICABLE } from '../rule';
import { SourceKind, sourceKind } from './source';

/** A stream mapping bounds its retries (MaximumRetryAttempts 0–10,000; unset means -1 = forever). */
export const LambdaStreamRetries: BlueprintRule = {
  name: 'LambdaStreamRetries',
  info: 'The Kinesis or DynamoDB Streams event source mapping retries until the record expires (MaximumRetryAttempts unset or -1).',
  explanation: `An unset MaximumRetryAttempts is ${SERVICE_DEFAULTS.streamRetryAttempts}: a failing batch is retried until it expires and blocks its shard meanwhile. Set 0–${LIMITS.streamRetryAttempts.max.toLocaleString('en-US')} retries and an on-failure destination.`,
  level: NagMessageLevel.ERROR,
  check: (e, index) => {
    if (e.type !== MAPPING || sourceKind(index, e) !== SourceKind.STREAM) return NOT_APPLICABLE;
    const value = e.properties.MaximumRetryAttempts;
    const retries = value === undefined ? SERVICE_DEFAULTS.streamRetryAttempts : knownNumber(value);
    if (retries === undefined) return NOT_APPLICABLE;
    return retries < 0 ? NON_COMPLIANT : COMPLIANT;
  },
};
