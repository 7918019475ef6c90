import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DEPRECATED_RUNTIMES } from '../../limits';

/** A handler format: the pattern and an example for messages. */
export interface HandlerFormat {
  readonly pattern: RegExp;
  readonly example: string;
}

/** Handler formats per runtime name prefix (zip packages only). */
const HANDLER_FORMATS: Array<[RegExp, HandlerFormat]> = [
  [/^nodejs/, { pattern: /^[\w\-/.]*[\w\-]\.[A-Za-z_$][\w$]*$/, example: 'file.export (e.g. index.handler)' }],
  [/^python/, { pattern: /^[\w\-/.]*\w\.[A-Za-z_]\w*$/, example: 'module.function (e.g. app.handler)' }],
  [/^java/, { pattern: /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*(::[A-Za-z_$][\w$]*)?$/, example: 'package.Class::method (e.g. com.example.Handler::handleRequest)' }],
  [/^dotnet/, { pattern: /^[\w.]+::[\w.]+::\w+$/, example: 'Assembly::Namespace.Class::Method' }],
  [/^ruby/, { pattern: /^[\w\-/.]*\w\.[A-Za-z_]\w*[?!]?$/, example: 'file.method (e.g. function.handler)' }],
];

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

/** The newest runtime per family, for the `lambda.Runtime.ALL` of a given length (it grows as runtimes are declared). */
const NEWEST = new Map<string, { readonly known: number; readonly newest: string | undefined }>();

/**
 * The newest runtime of the same family that this aws-cdk-lib knows (the comparison cdk-nag's
 * LambdaLatestVersion makes), or undefined for custom runtimes and images.
 */
export function newestOfFamily(runtime: string): string | undefined {
  const m = VERSIONED.exec(runtime);
  if (!m || m[1] === 'provided' || runtime === lambda.Runtime.FROM_IMAGE.name) return undefined;
  const family = m[1];
  const known = lambda.Runtime.ALL.length;
  const cached = NEWEST.get(family);
  if (cached?.known === known) return cached.newest;
  const versions = lambda.Runtime.ALL.map(r => r.name).filter(name => VERSIONED.exec(name)?.[1] === family)
    .sort((a, b) => VERSION_ORDER.compare(VERSIONED.exec(a)?.[2] ?? '0', VERSIONED.exec(b)?.[2] ?? '0'));
  const newest = versions.pop();
  NEWEST.set(family, { known, newest });
  return newest;
}
