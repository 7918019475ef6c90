import { LIMITS } from '../../limits';
import { checkLimit, FUNCTION, Rule, Severity } from '../private/rule';

/** MemorySize is a whole number of MB in 128–10,240. */
export const LambdaMemorySize: Rule = {
  id: 'LambdaMemorySize',
  severity: Severity.ERROR,
  summary: 'MemorySize is a whole number of MB from 128 to 10,240.',
  types: [FUNCTION],
  check: e => checkLimit('MemorySize', e.properties.MemorySize, LIMITS.memorySize),
};
