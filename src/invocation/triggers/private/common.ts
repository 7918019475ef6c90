import { IResource, Stack, Token } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';
import { underlyingLambda } from '../../../function/private/invoke-target';
import { Problems } from '../../../validation/private/problems';

/**
 * Reports a function that receives asynchronous events without any on-failure path: no dead-letter
 * queue on the function and no on-failure destination on its asynchronous configuration.
 */
export function requireFailurePath(p: Problems, fn: lambda.IFunction, trigger: string): void {
  const underlying = underlyingLambda(fn);
  // A function imported from elsewhere: its failure path is not in this app.
  if (!underlying) return;
  const stack = Stack.of(underlying);
  const cfn = underlying.node.defaultChild as lambda.CfnFunction;
  const hasDlq = stack.resolve(cfn.deadLetterConfig)?.targetArn !== undefined;
  const scopes = new Set([fn.node, underlying.node]);
  const hasDestination = [...scopes].some(n => n.findAll().some(c => c instanceof lambda.CfnEventInvokeConfig
    && stack.resolve(c.destinationConfig)?.onFailure?.destination !== undefined));
  p.when(!hasDlq && !hasDestination, 'function', fn.node.path, 'a function with a dead-letter queue or an on-failure destination',
    `${trigger} invokes it asynchronously and Lambda drops an event after its retries unless a failure path catches it`);
}

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
