import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { accountOf, scopePermissionsToAccount } from './private/push-wiring';
import { invokeTargetOf } from '../function/private/invoke-target';
import { enforceRules } from '../rules/private/enforce';

/** Properties of a `CognitoToFunction`. */
export interface CognitoToFunctionProps {
  /**
   * The function Cognito invokes (through its alias when it has one). Cognito waits at most 5 s for it, so
   * its timeout must be 5 s or less (rule CognitoTriggerTimeout).
   */
  readonly function: lambda.IFunction;

  /**
   * The user pool. A trigger is part of the pool's own configuration (`LambdaConfig`), so the pool must be
   * defined in this app: an imported pool cannot be changed.
   */
  readonly userPool: cognito.UserPool;

  /**
   * The operation that invokes the function: `UserPoolOperation.PRE_SIGN_UP`, `POST_CONFIRMATION`,
   * `PRE_TOKEN_GENERATION_CONFIG`, `CUSTOM_MESSAGE`, … (one function per operation and pool).
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html
   */
  readonly operation: cognito.UserPoolOperation;

  /**
   * The event version of a pre token generation trigger (`PRE_TOKEN_GENERATION_CONFIG` only): V2_0 and V3_0
   * can change access tokens too (feature plan Essentials or Plus).
   * @default LambdaVersion.V1_0
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
   */
  readonly lambdaVersion?: cognito.LambdaVersion;
}

/**
 * A Cognito user pool trigger: the pool invokes a BlueprintFunction synchronously during sign-up, sign-in,
 * token generation or messaging, and waits for its answer.
 *
 * The invoke permission is scoped to the pool ARN and account. Cognito waits at most 5 s (3 attempts, then
 * the user's request fails): a function with a longer timeout is refused at synth (rule
 * CognitoTriggerTimeout, which reads the pool's `LambdaConfig` in the template). Being synchronous, the
 * trigger needs no failure path: the error goes back to the user's request.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html
 */
export class CognitoToFunction extends Construct {
  /** The operation that invokes the function. */
  public readonly operation: cognito.UserPoolOperation;

  constructor(scope: Construct, id: string, props: CognitoToFunctionProps) {
    super(scope, id);
    this.operation = props.operation;
    props.userPool.addTrigger(props.operation, invokeTargetOf(props.function), props.lambdaVersion);
    // The permission aws-cdk-lib adds is scoped to the pool ARN; the account is added here.
    const account = accountOf(props.userPool);
    if (account) scopePermissionsToAccount(props.userPool, account);
    // The pool's LambdaConfig is checked by the rule library at synth, whatever kind of function it names.
    enforceRules(this);
    enforceRules(props.userPool);
  }
}
