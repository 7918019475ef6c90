import { Duration, Size } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { AppliedStandard, standardLabel } from '../../core/private/standards-state';
import { Finding, RuleContext } from '../private/rule';
import { CfnEntry } from '../private/template-index';

/** What a custom rule reports on a resource (the public `RuleViolation`). */
export type Violation = Pick<Finding, 'property' | 'value' | 'allowed' | 'reason'>;

/** A custom rule as the engine runs it: standards/ wraps each public `StandardRule` (its `RuleResource` built from the entry). */
export interface CustomRule {
  readonly id: string;
  readonly resourceTypes: readonly string[];
  /** The violations of one resource (an empty list when it complies); may throw. */
  check(entry: CfnEntry): Violation[];
}

/**
 * A standard's rule settings as the rules read them: standards/ makes them of its public `StandardRules`
 * (same names and types, custom rules wrapped), so that the rules never import standards/.
 */
export interface RuleSettings {
  readonly allowedRuntimes?: lambda.Runtime[];
  readonly allowedArchitectures?: lambda.Architecture[];
  readonly maxMemorySize?: number;
  readonly maxTimeout?: Duration;
  readonly maxEphemeralStorageSize?: Size;
  readonly requireVpc?: boolean;
  readonly requireCodeDeployRelease?: boolean;
  readonly denyPublicFunctionUrls?: boolean;
  readonly minLogRetention?: logs.RetentionDays;
  readonly requireReservedConcurrency?: boolean;
  readonly requireCodeSigning?: boolean;
  readonly customRules?: CustomRule[];
}

/** A rule setting of one standard. */
export interface Setting<K extends keyof RuleSettings> {
  readonly standard: AppliedStandard;
  readonly value: NonNullable<RuleSettings[K]>;
}

/** The standards in force for the resource that set rule `key`. */
export function setting<K extends keyof RuleSettings>(ctx: RuleContext, key: K): Array<Setting<K>> {
  const out: Array<Setting<K>> = [];
  for (const standard of ctx.config.standards) {
    // standards/ records the rules of each standard as RuleSettings (see registry.ts there).
    const value = (standard.rules as RuleSettings)[key];
    if (value !== undefined && value !== null && value !== false) out.push({ standard, value: value as NonNullable<RuleSettings[K]> });
  }
  return out;
}

/** A finding of a standard's rule: the reason names the standard and the scope that set it. */
export function standardFinding(standard: AppliedStandard, property: string, value: string, allowed: string, why: string): Finding {
  return { property, value, allowed, reason: `${why} (${standardLabel(standard)})` };
}
