import { isToken } from '../../core/private/tokens';
import { LimitSpec } from '../../limits';

/** Whether a number (tokens and undefined pass) lies within a limit of the table. */
export function within(value: number | undefined, limit: LimitSpec): boolean {
  if (value === undefined || isToken(value)) return true;
  return Number.isFinite(value) && value >= limit.min && value <= limit.max && (!limit.integer || Number.isInteger(value));
}
