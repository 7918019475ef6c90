import { isToken } from './tokens';
import { LimitSpec } from '../../limits';

/**
 * The one range judgement of the library: whether a number lies within a limit of `src/limits.ts`
 * (finite, in range, whole where the limit says so), or is one of `also` (e.g. `-1` for "infinite").
 * Tokens and undefined pass: a value unknown at synth is never judged.
 */
export function within(value: number | undefined, limit: LimitSpec, also: readonly number[] = []): boolean {
  if (value === undefined || isToken(value)) return true;
  if (also.includes(value)) return true;
  return Number.isFinite(value) && value >= limit.min && value <= limit.max && (!limit.integer || Number.isInteger(value));
}
