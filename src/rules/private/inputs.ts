import { IConstruct } from 'constructs';
import { reportInputAtSynth } from './enforce';
import { checkLimit, Finding, Rule } from './rule';
import { InputCheckSink } from '../../core/private/checks';
import { isToken } from '../../core/private/tokens';
import { LIMITS, LimitName, LimitSpec } from '../../limits';

/**
 * The problems of one construct's props, collected at synth in the rule library's finding form
 * (`<prop> is <value>, allowed is <allowed>, because <reason>.`). Tokens and unset values pass: a value
 * unknown at synth is never rejected or guessed. Ranges come from `src/limits.ts` through `checkLimit`.
 */
export class InputChecks implements InputCheckSink {
  private readonly list: Finding[] = [];

  /** The findings collected so far. */
  public get findings(): Finding[] {
    return [...this.list];
  }

  /** Adds a finding. */
  public add(property: string, value: string, allowed: string, reason: string): void {
    this.list.push({ property, value, allowed, reason });
  }

  /**
   * Checks a number against a limit of the table (range and, where the limit says so, whole numbers);
   * `also` lists extra allowed values outside the range (e.g. `-1` for "infinite").
   * @returns whether the value passed
   */
  public limit(property: string, value: number | undefined, name: LimitName | LimitSpec, also: number[] = []): boolean {
    if (typeof value !== 'number') return true;
    const found = checkLimit(property, value, typeof name === 'string' ? LIMITS[name] : name, also);
    this.list.push(...found);
    return found.length === 0;
  }

  /**
   * Checks a string against a pattern.
   * @returns whether the value passed
   */
  public pattern(property: string, value: string | undefined, pattern: RegExp, allowed: string, reason: string): boolean {
    if (value === undefined || isToken(value) || pattern.test(value)) return true;
    this.add(property, JSON.stringify(value), allowed, reason);
    return false;
  }

  /** Adds a finding when `condition` holds. */
  public when(condition: boolean, property: string, value: string, allowed: string, reason: string): void {
    if (condition) this.add(property, value, allowed, reason);
  }
}

/**
 * Checks a construct's props at synth, after every mutation of the construct, and reports what it finds
 * under `rule`'s id with every other finding of the synth (errors fail it together; warnings are
 * acknowledged like any rule's).
 */
export function checkInputs(scope: IConstruct, rule: Rule, check: (p: InputChecks) => void): void {
  reportInputAtSynth(scope, rule, () => {
    const p = new InputChecks();
    check(p);
    return p.findings;
  });
}
