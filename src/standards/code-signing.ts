import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as signer from 'aws-cdk-lib/aws-signer';
import { Construct } from 'constructs';

/**
 * Properties of a `BlueprintCodeSigning`.
 */
export interface BlueprintCodeSigningProps {
  /**
   * What Lambda does with code (function or layer) that is not signed by a trusted profile, or whose
   * signature expired or was revoked: refuse the deployment (ENFORCE) or only log it (WARN).
   * @default UntrustedArtifactOnDeployment.ENFORCE
   * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-codesigning.html
   */
  readonly untrustedArtifactOnDeployment?: lambda.UntrustedArtifactOnDeployment;

  /**
   * More signing profiles to trust besides the one this construct creates (e.g. a central build account's),
   * at most 20 profiles in all.
   * @default - only the profile created here
   */
  readonly additionalSigningProfiles?: signer.ISigningProfile[];

  /**
   * How long signatures made with the created profile stay valid, 1 day to 135 months.
   * @default Duration.days(135 * 30) - AWS Signer's maximum
   * @see https://docs.aws.amazon.com/signer/latest/developerguide/signing-profiles.html
   */
  readonly signatureValidity?: Duration;

  /**
   * A description of the code signing configuration.
   * @default - names the construct path and the enforcement
   */
  readonly description?: string;
}

/**
 * An AWS Signer signing profile for Lambda (`AWS_LAMBDA_SHA384_ECDSA`) and a Lambda code signing
 * configuration that trusts it, enforcing or warning. Give `codeSigningConfig` to the platform's
 * standards (`defaults.codeSigningConfig`) and every BlueprintFunction under the scope is signed-code
 * only — its layers included, since Lambda checks the signature of every layer a function with a code
 * signing configuration uses. Pair it with `rules.requireCodeSigning` so that plain functions are checked
 * too. Code must be signed (e.g. `aws signer start-signing-job`) before deployment; CloudFormation does not
 * sign assets.
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-codesigning.html
 */
export class BlueprintCodeSigning extends Construct {
  /** The signing profile created for the platform. */
  public readonly signingProfile: signer.SigningProfile;
  /** The code signing configuration to attach to functions. */
  public readonly codeSigningConfig: lambda.CodeSigningConfig;

  constructor(scope: Construct, id: string, props: BlueprintCodeSigningProps = {}) {
    super(scope, id);
    const enforcement = props.untrustedArtifactOnDeployment ?? lambda.UntrustedArtifactOnDeployment.ENFORCE;
    this.signingProfile = new signer.SigningProfile(this, 'SigningProfile', {
      platform: signer.Platform.AWS_LAMBDA_SHA384_ECDSA,
      signatureValidity: props.signatureValidity,
    });
    this.codeSigningConfig = new lambda.CodeSigningConfig(this, 'CodeSigningConfig', {
      signingProfiles: [this.signingProfile, ...(props.additionalSigningProfiles ?? [])],
      untrustedArtifactOnDeployment: enforcement,
      description: props.description ?? `${this.node.path}: code signed by the platform's profiles only (${enforcement})`,
    });
  }
}
