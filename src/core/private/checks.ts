import { LimitName, LimitSpec } from '../../limits';

/**
 * Where a construct reports the problems of its props at synth (the rule library's `InputChecks`): declared
 * here, in the lowest layer, so that a construct of any layer can take one without importing the rules.
 */
export interface InputCheckSink {
  /** Adds a finding: `<property> is <value>, allowed is <allowed>, because <reason>.` */
  add(property: string, value: string, allowed: string, reason: string): void;
  /** Checks a number against a limit of `src/limits.ts`; returns whether it passed (tokens and unset values pass). */
  limit(property: string, value: number | undefined, name: LimitName | LimitSpec, also?: number[]): boolean;
  /** Adds a finding when `condition` holds. */
  when(condition: boolean, property: string, value: string, allowed: string, reason: string): void;
}
