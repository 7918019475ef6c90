import { Token } from 'aws-cdk-lib';

/** Whether a value is an unresolved token (CfnParameter, Lazy, reference): such values are never judged. */
export function isToken(value: unknown): boolean {
  return value !== undefined && value !== null && Token.isUnresolved(value as any);
}
