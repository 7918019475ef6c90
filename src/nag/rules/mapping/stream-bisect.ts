import { NagMessageLevel } from 'cdk-nag';
import { isTrue } from '../../template-index';
import { BlueprintRule, COMPLIANT, MAPPING, NON_COMPLIANT, NOT_APPLICABLE } from '../rule';
import { SourceKind, sourceKind } from './source';

/** A stream mapping splits a failing batch (BisectBatchOnFunctionError). */
export const LambdaStreamBisect: BlueprintRule = {
  name: 'LambdaStreamBisect',
  info: 'The Kinesis or DynamoDB Streams event source mapping does not set BisectBatchOnFunctionError.',
  explanation: 'On an error Lambda retries the whole batch and the shard stops until success, expiry or the last retry; bisecting isolates a poison record instead of blocking its shard for up to 7 days.',
  level: NagMessageLevel.ERROR,
  check: (e, index) => {
    if (e.type !== MAPPING || sourceKind(index, e) !== SourceKind.STREAM) return NOT_APPLICABLE;
    const bisect = e.properties.BisectBatchOnFunctionError;
    if (bisect === undefined || bisect === false || bisect === 'false') return NON_COMPLIANT;
    return isTrue(bisect) ? COMPLIANT : NOT_APPLICABLE;
  },
};
