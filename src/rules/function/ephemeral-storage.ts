import { LIMITS } from '../../limits';
import { checkLimit, FUNCTION, Rule, Severity } from '../private/rule';
import { isObject } from '../private/template-index';

/** EphemeralStorage.Size is a whole number of MB in 512–10,240. */
export const LambdaEphemeralStorage: Rule = {
  id: 'LambdaEphemeralStorage',
  severity: Severity.ERROR,
  summary: 'EphemeralStorage.Size (/tmp) is a whole number of MB from 512 to 10,240.',
  types: [FUNCTION],
  check: e => {
    const storage = e.properties.EphemeralStorage;
    return isObject(storage) ? checkLimit('EphemeralStorage.Size', storage.Size, LIMITS.ephemeralStorageSize) : [];
  },
};
