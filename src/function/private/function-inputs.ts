import { Duration, Stack, Tokenization } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { TargetedCode } from '../../code/private/targeted-code';
import { isToken } from '../../core/private/tokens';
import { within } from '../../core/private/within';
import { DEFAULTS, FUNCTION_NAME_PATTERN, LIMITS } from '../../limits';
import { LambdaReservedConcurrency } from '../../rules/function/reserved-concurrency';
import { LambdaTimeout } from '../../rules/function/timeout';
import { reportInput } from '../../rules/private/enforce';
import { allowedRange, show } from '../../rules/private/rule';
import { BlueprintFunctionProps } from '../blueprint-function-props';

/** Values aws-cdk-lib would throw on, written into the template for the rules to report. */
export interface RefusedValues {
  readonly timeout?: number;
  readonly functionName?: string;
}

/**
 * The timeout aws-cdk-lib can take. A value it would throw on (NaN, a fraction, out of range) goes to the
 * template instead (see `writeRefusedValues`), where the rule reports it with the others; a deploy-time
 * value in another unit than seconds cannot be expressed and is reported here.
 */
export function usableTimeout(scope: Construct, timeout?: Duration): { timeout: Duration; refused?: number } {
  if (!timeout) return { timeout: Duration.seconds(DEFAULTS.timeoutSeconds) };
  let seconds: number;
  try {
    seconds = timeout.toSeconds({ integral: false });
  } catch {
    const amount = Tokenization.stringifyNumber((timeout as unknown as { amount: number }).amount);
    reportInput(scope, LambdaTimeout, {
      property: 'timeout',
      value: `Duration.${timeout.unitLabel()}(${amount})`,
      allowed: 'Duration.seconds(<value>) for a value known only at deploy time',
      reason: 'CloudFormation cannot convert a deploy-time value between units, and Lambda takes whole seconds',
    });
    return { timeout: Duration.seconds(DEFAULTS.timeoutSeconds) };
  }
  if (isToken(seconds) || Number.isInteger(seconds)) return { timeout };
  return { timeout: Duration.seconds(DEFAULTS.timeoutSeconds), refused: seconds };
}

/** A name aws-cdk-lib would throw on goes to the template, where the rule reports it. */
export function usableFunctionName(name?: string): { name?: string; refused?: string } {
  if (name === undefined || isToken(name)) return { name };
  if (name.length >= 1 && name.length <= LIMITS.functionNameLength.max && FUNCTION_NAME_PATTERN.test(name)) return { name };
  return { refused: name };
}

/** Writes the values aws-cdk-lib would have thrown on (and refused inline code) into the template. */
export function writeRefusedValues(scope: Construct, cfn: lambda.CfnFunction, props: BlueprintFunctionProps, refused: RefusedValues): void {
  if (refused.timeout !== undefined) cfn.timeout = refused.timeout;
  if (refused.functionName !== undefined) cfn.functionName = refused.functionName;
  if (props.code instanceof lambda.InlineCode && !props.runtime!.supportsInlineCode) {
    cfn.code = { zipFile: Stack.of(scope).resolve(props.code.bind(scope).inlineCode) };
  }
}

/** The account limit, when usable; otherwise reported (the reservation check needs a whole number). */
export function checkedConcurrencyLimit(scope: Construct, limit?: number): number {
  const spec = LIMITS.accountConcurrency;
  if (limit === undefined) return DEFAULTS.accountConcurrencyLimit;
  if (!isToken(limit) && within(limit, spec)) return limit;
  reportInput(scope, LambdaReservedConcurrency, { property: 'accountConcurrencyLimit', value: show(limit, spec.unit), allowed: allowedRange(spec), reason: `${spec.reason}; the reserved concurrency check needs it` });
  return DEFAULTS.accountConcurrencyLimit;
}

/**
 * Inline code on a runtime that cannot take it would make aws-cdk-lib throw: a placeholder, then the real code in the template.
 * `sourceMapped`: whether the code is a bundle with a source map (BlueprintCode.fromEntry).
 */
export function usableCode(scope: Construct, props: BlueprintFunctionProps): { code: lambda.Code; sourceMapped: boolean } {
  if (props.code instanceof TargetedCode) {
    // Packaged for this function (bundle file name and Node.js version, pip platform, layout checks).
    const architecture = props.architecture!; // the prop or the standard's (set in the constructor)
    const resolved = props.code.resolveFor(scope, { runtime: props.runtime!, handler: props.handler, architecture });
    return { code: resolved.code, sourceMapped: resolved.sourceMapped };
  }
  if (props.code instanceof lambda.InlineCode && !props.runtime!.supportsInlineCode) {
    const placeholder = s3.Bucket.fromBucketName(scope, 'RefusedInlineCode', 'refused-inline-code');
    return { code: lambda.Code.fromBucket(placeholder, 'refused-inline-code.zip'), sourceMapped: false };
  }
  return { code: props.code, sourceMapped: false };
}
