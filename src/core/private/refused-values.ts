import { Duration, Token } from 'aws-cdk-lib';
import { LimitSpec } from '../../limits';

/**
 * Splits a duration that aws-cdk-lib range-checks (and would throw on) into what the L2 can take and the
 * raw value to write into the L1 instead, where the rule library reports it with every other problem.
 * Deploy-time values pass through untouched.
 */
export function durationForL2(d: Duration | undefined, limit: LimitSpec, unit: 'seconds' | 'hours'): { pass?: Duration; raw?: number } {
  if (d === undefined || d.isUnresolved()) return { pass: d };
  const value = unit === 'hours' ? d.toHours({ integral: false }) : d.toSeconds({ integral: false });
  if (Token.isUnresolved(value)) return { pass: d };
  const ok = Number.isFinite(value) && value >= limit.min && value <= limit.max && (!limit.integer || Number.isInteger(value));
  return ok ? { pass: d } : { raw: value };
}
