import { IResource, Stack, Token } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';

/** Sets `SourceAccount` on every Lambda permission under `scope` (when the account is known). */
export function scopePermissionsToAccount(scope: IConstruct, account: string): void {
  for (const c of scope.node.findAll()) {
    if (c instanceof lambda.CfnPermission && c.sourceAccount === undefined) c.sourceAccount = account;
  }
}

/** The account of a resource (imported resources carry theirs), or undefined when it is not known at synth. */
export function accountOf(resource: IConstruct): string | undefined {
  const account = (resource as Partial<IResource>).env?.account ?? Stack.of(resource).account;
  return Token.isUnresolved(account) ? undefined : account;
}
