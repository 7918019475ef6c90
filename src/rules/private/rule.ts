import { Token, Tokenization } from 'aws-cdk-lib';
import { subjectOf } from './prop-names';
import { CfnEntry, knownNumber, TemplateIndex } from './template-index';
import { fmt } from '../../core/private/format';
import { AppliedStandard } from '../../core/private/standards-state';
import { within } from '../../core/private/within';
import { LimitSpec } from '../../limits';

export { fmt };

/** How bad a finding is: AWS rejects it at deploy (error) or it is a risk (warning, acknowledgeable). */
export enum Severity {
  ERROR = 'error',
  WARNING = 'warning',
}

/** Settings a rule may read. */
export interface RuleConfig {
  /** The account concurrency limit of the environment. */
  readonly accountConcurrencyLimit: number;
  /** The platform standards in force for the resource's construct path, outermost scope first. */
  readonly standards: readonly AppliedStandard[];
}

/** What a rule sees: the stack's model, and the settings in force for the resource. */
export interface RuleContext {
  readonly index: TemplateIndex;
  readonly config: RuleConfig;
}

/**
 * One thing wrong with one resource, in the product's message form:
 * `<property> is <value>, allowed is <allowed>, because <reason>.`
 */
export interface Finding {
  /** The property as the template names it (`Timeout`, `Environment.Variables.AWS_REGION`). */
  readonly property: string;
  /** The value, already printed (see `show`). */
  readonly value: string;
  /** What is allowed. */
  readonly allowed: string;
  /** Why (no final full stop). */
  readonly reason: string;
  /** Other resources the finding concerns (e.g. the function a bucket notifies): blueprints report it too. */
  readonly involves?: CfnEntry[];
  /** The id to report under instead of the rule's (a custom standard rule run by `StandardCustomRules`). */
  readonly id?: string;
}

/** One product rule: an id, a severity, a one-line summary and a pure check over the template model. */
export interface Rule {
  /** Rule id without the pack prefix: `LambdaMemorySize` (reported as `LambdaBlueprints-LambdaMemorySize`). */
  readonly id: string;
  readonly severity: Severity;
  /** One sentence for the rule table. */
  readonly summary: string;
  /** The resource types the rule inspects (`*`: every resource). */
  readonly types: readonly string[];
  /**
   * A rule of the platform standards: it fires only where a standard is in force, on every function in
   * the standard's scope (blueprint or not), so construct mode reports it outside blueprints too.
   */
  readonly standard?: boolean;
  /**
   * A check of a construct's props, not of the template: the value never reaches the template as such
   * (aws-cdk-lib would throw on it first, or it is a call or a combination of options). Constructs report
   * it through the same engine (`checkInputs`); `LambdaBlueprintChecks` has nothing to read for it.
   */
  readonly input?: boolean;
  /** The findings on one resource of those types (none when compliant or when a value is unknown). */
  check(entry: CfnEntry, ctx: RuleContext): Finding[];
}

/** A rule checked on a construct's props only (see `Rule.input`). */
export function inputRule(id: string, severity: Severity, summary: string): Rule {
  return { id, severity, summary, types: [], input: true, check: () => [] };
}

/**
 * The message of a finding on a resource of `type` (none for a construct's input): what is wrong named as the
 * user wrote it and as the template has it (`memorySize (MemorySize)`, `memory_size (MemorySize)` in Python).
 */
export function messageOf(f: Finding, type?: string): string {
  return `${subjectOf(f.property, type)} is ${f.value}, allowed is ${f.allowed}, because ${f.reason}.`;
}

/**
 * Prints any template value for a message: strings quoted, numbers grouped, intrinsics and tokens as they
 * stand (`{"Ref":"Timeout"}`, `${Token[TOKEN.12]}`), never `[object Object]`.
 */
export function show(value: unknown, unit = ''): string {
  const u = unit ? ` ${unit}` : '';
  if (typeof value === 'number') {
    if (Token.isUnresolved(value)) return `${Tokenization.stringifyNumber(value)}${u}`;
    return `${fmt(value)}${u}`;
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'not set';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The allowed range of a limit as messages print it: `a whole number 128–10,240 MB`. */
export function allowedRange(limit: LimitSpec, also: readonly number[] = []): string {
  const extra = also.length ? ` or ${also.map(fmt).join(', ')}` : '';
  return `${limit.integer ? 'a whole number ' : ''}${also.length ? 'in ' : ''}${describeRange(limit)}${extra}`;
}

/**
 * Judges a template value against a limit of the table. Unset values and intrinsics (unknown at synth)
 * pass; a string that is not a number, NaN, a value out of range or a fraction where whole numbers are
 * required is a finding.
 */
export function checkLimit(property: string, value: unknown, limit: LimitSpec, also: readonly number[] = []): Finding[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'object') return [];
  const n = typeof value === 'number' ? value : knownNumber(value);
  if (typeof value === 'number' && Token.isUnresolved(value)) return [];
  if (n !== undefined && within(n, limit, also)) return [];
  return [{ property, value: typeof value === 'number' ? show(value, limit.unit) : show(value), allowed: allowedRange(limit, also), reason: limit.reason }];
}

/** A finding when `condition` holds. */
export function when(condition: boolean, f: Finding): Finding[] {
  return condition ? [f] : [];
}

export const FUNCTION = 'AWS::Lambda::Function';
export const MAPPING = 'AWS::Lambda::EventSourceMapping';
export const ALIAS = 'AWS::Lambda::Alias';
export const QUEUE = 'AWS::SQS::Queue';
export const STREAM = 'AWS::Kinesis::Stream';
export const BUCKET = 'AWS::S3::Bucket';
export const CUSTOM_NOTIFICATIONS = 'Custom::S3BucketNotifications';
export const EVENT_INVOKE_CONFIG = 'AWS::Lambda::EventInvokeConfig';
export const VERSION = 'AWS::Lambda::Version';
export const FUNCTION_URL = 'AWS::Lambda::Url';
export const CODE_SIGNING_CONFIG = 'AWS::Lambda::CodeSigningConfig';

/** A limit's range as printed in messages, without "a whole number": `128–10,240 MB`. */
export function describeRange(limit: LimitSpec): string {
  return `${fmt(limit.min)}–${fmt(limit.max)}${limit.unit ? ` ${limit.unit}` : ''}`;
}
