import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DEPRECATED_RUNTIMES } from '../limits';

/** Handler formats per runtime family (zip packages only). */
const HANDLER_FORMATS: Partial<Record<lambda.RuntimeFamily, { pattern: RegExp; example: string }>> = {
  [lambda.RuntimeFamily.NODEJS]: { pattern: /^[\w\-/.]*[\w\-]\.[A-Za-z_$][\w$]*$/, example: 'file.export (e.g. index.handler)' },
  [lambda.RuntimeFamily.PYTHON]: { pattern: /^[\w\-/.]*\w\.[A-Za-z_]\w*$/, example: 'module.function (e.g. app.handler)' },
  [lambda.RuntimeFamily.JAVA]: { pattern: /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*(::[A-Za-z_$][\w$]*)?$/, example: 'package.Class::method (e.g. com.example.Handler::handleRequest)' },
  [lambda.RuntimeFamily.DOTNET_CORE]: { pattern: /^[\w.]+::[\w.]+::\w+$/, example: 'Assembly::Namespace.Class::Method' },
  [lambda.RuntimeFamily.RUBY]: { pattern: /^[\w\-/.]*\w\.[A-Za-z_]\w*[?!]?$/, example: 'file.method (e.g. function.handler)' },
};

/** The expected handler format for a runtime, or undefined when any non-empty handler is accepted. */
export function handlerFormat(runtime: lambda.Runtime): { pattern: RegExp; example: string } | undefined {
  return runtime.family === undefined ? undefined : HANDLER_FORMATS[runtime.family];
}

/** Whether AWS Lambda no longer accepts new functions on this runtime. */
export function isDeprecatedRuntime(runtime: lambda.Runtime): boolean {
  return DEPRECATED_RUNTIMES.includes(runtime.name);
}

const VERSIONED = /^([a-z]+)(\d+(\.?\d+|\.x)?)?.*$/;

/**
 * The newest runtime of the same family that this aws-cdk-lib knows (the comparison cdk-nag's
 * LambdaLatestVersion makes), or undefined for custom runtimes and images.
 */
export function newestOfFamily(runtime: lambda.Runtime): lambda.Runtime | undefined {
  const m = VERSIONED.exec(runtime.name);
  if (!m || m[1] === 'provided' || runtime === lambda.Runtime.FROM_IMAGE) return undefined;
  const family = m[1];
  const versions = lambda.Runtime.ALL.filter(r => VERSIONED.exec(r.name)?.[1] === family)
    .sort((a, b) => (VERSIONED.exec(a.name)?.[2] ?? '0').localeCompare(VERSIONED.exec(b.name)?.[2] ?? '0', undefined, { numeric: true }));
  return versions.pop();
}
