import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/** How an API authorizes callers. */
export enum ApiAuthorizationKind {
  /** AWS IAM (SigV4-signed requests from AWS principals). */
  IAM = 'IAM',
  /** Amazon Cognito user pool tokens. */
  COGNITO = 'COGNITO',
}

/**
 * How callers of a REST API are authorized. There is deliberately no "none": a public endpoint must be a
 * decision made outside this blueprint (AwsSolutions-APIG4).
 */
export class ApiAuthorization {
  /** IAM authorization: callers sign requests with SigV4 and need `execute-api:Invoke`. */
  public static iam(): ApiAuthorization {
    return new ApiAuthorization(ApiAuthorizationKind.IAM, []);
  }

  /**
   * Cognito user pool authorization: callers send an ID or access token in the Authorization header.
   * @param userPools the user pools whose tokens are accepted
   */
  public static cognito(userPools: cognito.IUserPool[]): ApiAuthorization {
    return new ApiAuthorization(ApiAuthorizationKind.COGNITO, userPools);
  }

  private authorizer?: apigw.CognitoUserPoolsAuthorizer;

  private constructor(
    /** The kind of authorization. */
    public readonly kind: ApiAuthorizationKind,
    private readonly userPools: cognito.IUserPool[],
  ) {}

  /**
   * The method options of this authorization (creates the Cognito authorizer once, under `scope`).
   * @internal
   */
  public _methodOptions(scope: Construct): apigw.MethodOptions {
    if (this.kind === ApiAuthorizationKind.IAM) return { authorizationType: apigw.AuthorizationType.IAM };
    this.authorizer ??= new apigw.CognitoUserPoolsAuthorizer(scope, 'Authorizer', { cognitoUserPools: this.userPools });
    return { authorizationType: apigw.AuthorizationType.COGNITO, authorizer: this.authorizer };
  }
}
