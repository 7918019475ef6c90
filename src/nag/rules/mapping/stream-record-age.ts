import { NagMessageLevel } from 'cdk-nag';
import { LIMITS, SERVICE_DEFAULTS } from '../../../limits';
import { isObject, knownNumber } from '../../template-index';
import { BlueprintRule, COMPLIANT, MAPPING, NON_COMPLIANT, NOT_APPLICABLE } from '../rule';
import { SourceKind, sourceKind } from './source';

/** A stream mapping bounds the record age, or sends failed records to an on-failure destination. */
export const LambdaStreamRecordAge: BlueprintRule = {
  name: 'LambdaStreamRecordAge',
  info: 'The Kinesis or DynamoDB Streams event source mapping neither bounds MaximumRecordAgeInSeconds (unset or -1 = infinite) nor has an on-failure destination.',
  explanation: `An unset MaximumRecordAgeInSeconds is ${SERVICE_DEFAULTS.streamRecordAgeSeconds} (infinite): a poison record is retried for the stream's whole retention. Bound it (${LIMITS.streamRecordAge.min.toLocaleString('en-US')}–${LIMITS.streamRecordAge.max.toLocaleString('en-US')} s) or keep failed records in an on-failure destination (SQS, SNS).`,
  level: NagMessageLevel.ERROR,
  check: (e, index) => {
    if (e.type !== MAPPING || sourceKind(index, e) !== SourceKind.STREAM) return NOT_APPLICABLE;
    const config = e.properties.DestinationConfig;
    if (isObject(config) && isObject(config.OnFailure) && config.OnFailure.Destination !== undefined) return COMPLIANT;
    const value = e.properties.MaximumRecordAgeInSeconds;
    const age = value === undefined ? SERVICE_DEFAULTS.streamRecordAgeSeconds : knownNumber(value);
    if (age === undefined) return NOT_APPLICABLE;
    return age < 0 ? NON_COMPLIANT : COMPLIANT;
  },
};
