import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DEPRECATED_RUNTIMES, HANDLER_FORMATS, HandlerFormat } from '../../limits';

/** The expected handler format for a runtime name, or undefined when any non-empty handler is accepted. */
export function handlerFormat(runtime: string): HandlerFormat | undefined {
  return HANDLER_FORMATS.find(([prefix]) => prefix.test(runtime))?.[1];
}

/** Whether AWS Lambda no longer accepts new functions on this runtime (by name). */
export function isDeprecatedRuntime(runtime: string): boolean {
  return DEPRECATED_RUNTIMES.includes(runtime);
}

const VERSIONED = /^([a-z]+)(\d+(\.?\d+|\.x)?)?.*$/;

/** Compares runtime versions numerically ('3.9' < '3.12'); one collator for every comparison. */
const VERSION_ORDER = new Intl.Collator(undefined, { numeric: true });

/**
 * The newest runtime of the same family that this aws-cdk-lib knows (the comparison cdk-nag's
 * LambdaLatestVersion makes), or undefined for custom runtimes and images.
 */
export function newestOfFamily(runtime: string): string | undefined {
  const m = VERSIONED.exec(runtime);
  if (!m || m[1] === 'provided' || runtime === lambda.Runtime.FROM_IMAGE.name) return undefined;
  const family = m[1];
  // Read every time: lambda.Runtime.ALL grows as runtimes are declared (about 40 names: cheap once per function).
  const versions = lambda.Runtime.ALL.map(r => r.name).filter(name => VERSIONED.exec(name)?.[1] === family)
    .sort((a, b) => VERSION_ORDER.compare(VERSIONED.exec(a)?.[2] ?? '0', VERSIONED.exec(b)?.[2] ?? '0'));
  return versions.pop();
}
