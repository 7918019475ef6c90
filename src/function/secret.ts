import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ssm from 'aws-cdk-lib/aws-ssm';

/**
 * A secret passed to a function by reference: the function receives its name or ARN in an environment
 * variable and read permission on its role, never the value.
 */
export abstract class BlueprintSecret {
  /**
   * An SSM SecureString parameter: the variable holds the parameter name; the role may
   * `ssm:GetParameter(s)` on it (and decrypt with its key when one is given on the parameter).
   * @param parameter the parameter
   */
  public static fromSsmSecureString(parameter: ssm.IParameter): BlueprintSecret {
    return new (class extends BlueprintSecret {
      public readonly reference = parameter.parameterName;
      public grantRead(grantee: iam.IGrantable): iam.Grant {
        return parameter.grantRead(grantee);
      }
    })();
  }

  /**
   * A Secrets Manager secret: the variable holds the secret ARN; the role may
   * `secretsmanager:GetSecretValue` on it (and decrypt with its key).
   * @param secret the secret
   */
  public static fromSecretsManager(secret: secretsmanager.ISecret): BlueprintSecret {
    return new (class extends BlueprintSecret {
      public readonly reference = secret.secretArn;
      public grantRead(grantee: iam.IGrantable): iam.Grant {
        return secret.grantRead(grantee);
      }
    })();
  }

  /** What the environment variable holds: the parameter name or the secret ARN. */
  public abstract readonly reference: string;

  /**
   * Grant read access to the secret.
   * @param grantee the function's role
   */
  public abstract grantRead(grantee: iam.IGrantable): iam.Grant;
}
