import { Stack, Token } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { underlyingFunction } from './mapping';
import { SERVICE_DEFAULTS } from '../../limits';

/** The function timeout, in seconds, when it is known at synth (what the template will say). */
export function functionTimeout(target: lambda.IFunction): number | undefined {
  const fn = underlyingFunction(target);
  if (!fn) return undefined;
  const value = Stack.of(fn).resolve((fn.node.defaultChild as lambda.CfnFunction).timeout);
  if (value === undefined) return SERVICE_DEFAULTS.functionTimeoutSeconds;
  return typeof value === 'number' && !Token.isUnresolved(value) ? value : undefined;
}
