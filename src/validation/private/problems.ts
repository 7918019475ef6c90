import { Annotations, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { fmt } from '../../core/private/format';
import { spellProp } from '../../core/private/language';
import { LIMITS, LimitName, LimitSpec } from '../../limits';

export { fmt };

/** Prefix of every warning id this library emits (acknowledge with `Annotations.acknowledgeWarning`). */
export const WARNING_PREFIX = 'cdk-lambda-blueprints';

function unitOf(limit: LimitSpec): string {
  return limit.unit ? ` ${limit.unit}` : '';
}

/** The allowed range of a limit as printed in messages: `128–10,240 MB`. */
export function describeRange(limit: LimitSpec): string {
  return `${fmt(limit.min)}–${fmt(limit.max)}${unitOf(limit)}`;
}

/** Whether a value is an unresolved token (CfnParameter, Lazy, reference): such values are never judged. */
export function isToken(value: unknown): boolean {
  return value !== undefined && value !== null && Token.isUnresolved(value as any);
}

/**
 * Collects every problem of one construct so that a synth reports all of them at once.
 *
 * Each message is one sentence that names the prop, the value, the allowed range and the reason; CDK prints
 * the construct path once in front of it. Tokens are skipped: a value unknown at synth time is never rejected or guessed.
 */
export class Problems {
  private readonly messages: string[] = [];

  constructor(_scope?: IConstruct) {}

  /** The messages collected so far. */
  public get all(): string[] {
    return [...this.messages];
  }

  /** Adds a problem in the standard form (the prop as the user's language spells it). */
  public add(prop: string, value: string, allowed: string, reason: string): void {
    this.messages.push(`${spellProp(prop)} is ${value}, allowed is ${allowed}, because ${reason}.`);
  }

  /**
   * Checks a number against a limit of the table: range and, where the limit says so, whole numbers.
   * `also` lists extra allowed values outside the range (e.g. `-1` for "infinite").
   * @returns whether the value passed (tokens and undefined pass)
   */
  public limit(prop: string, value: number | undefined, name: LimitName | LimitSpec, also: number[] = []): boolean {
    // Resolved references ({ Ref: … }) and unresolved tokens are unknown at synth: never judged.
    if (typeof value !== 'number' || isToken(value)) return true;
    const limit: LimitSpec = typeof name === 'string' ? LIMITS[name] : name;
    const extra = also.length ? ` or ${also.map(fmt).join(', ')}` : '';
    const allowed = `${limit.integer ? 'a whole number ' : ''}${also.length ? 'in ' : ''}${describeRange(limit)}${extra}`;
    if (also.includes(value)) return true;
    if (!Number.isFinite(value) || value < limit.min || value > limit.max || (limit.integer && !Number.isInteger(value))) {
      this.add(prop, `${fmt(value)}${unitOf(limit)}`, allowed, limit.reason);
      return false;
    }
    return true;
  }

  /**
   * Checks a string against a pattern.
   * @returns whether the value passed (tokens and undefined pass)
   */
  public pattern(prop: string, value: string | undefined, pattern: RegExp, allowed: string, reason: string): boolean {
    if (value === undefined || isToken(value)) return true;
    if (!pattern.test(value)) {
      this.add(prop, JSON.stringify(value), allowed, reason);
      return false;
    }
    return true;
  }

  /** Records a problem when `condition` is true. */
  public when(condition: boolean, prop: string, value: string, allowed: string, reason: string): void {
    if (condition) this.add(prop, value, allowed, reason);
  }
}

/**
 * Registers a check that runs at synth time (after every mutation of the construct) and reports every
 * problem it finds together with all other problems of the app.
 */
export function validateAtSynth(scope: IConstruct, check: (problems: Problems) => void): void {
  scope.node.addValidation({
    validate: () => {
      const problems = new Problems(scope);
      check(problems);
      return problems.all;
    },
  });
}

/**
 * Adds a warning that names the construct path; users acknowledge it with
 * `Annotations.of(scope).acknowledgeWarning('cdk-lambda-blueprints:<id>', reason)`.
 */
export function warn(scope: IConstruct, id: string, message: string): void {
  Annotations.of(scope).addWarningV2(`${WARNING_PREFIX}:${id}`, message);
}
