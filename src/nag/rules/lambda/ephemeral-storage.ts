import { NagMessageLevel } from 'cdk-nag';
import { LIMITS } from '../../../limits';
import { isObject } from '../../template-index';
import { BlueprintRule, COMPLIANT, FUNCTION, NOT_APPLICABLE, judgeLimit, range } from '../rule';

/** EphemeralStorage.Size is a whole number of MB in 512–10,240. */
export const LambdaEphemeralStorage: BlueprintRule = {
  name: 'LambdaEphemeralStorage',
  info: `The Lambda function's EphemeralStorage.Size is outside ${range(LIMITS.ephemeralStorageSize)} or not a whole number of MB.`,
  explanation: `${LIMITS.ephemeralStorageSize.reason}; /tmp survives only between warm invocations of one environment, so durable data belongs on S3 or EFS.`,
  level: NagMessageLevel.ERROR,
  check: (e) => {
    if (e.type !== FUNCTION) return NOT_APPLICABLE;
    const storage = e.properties.EphemeralStorage;
    if (storage === undefined) return COMPLIANT;
    return isObject(storage) ? judgeLimit(storage.Size, LIMITS.ephemeralStorageSize) : NOT_APPLICABLE;
  },
};
