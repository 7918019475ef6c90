/**
 * The Acme platform's signed-code standard: every Lambda function under the scope runs only code signed by
 * the platform's AWS Signer profile. The standard creates the profile and the code signing configuration
 * (Enforce: Lambda refuses unsigned code, or code whose signature expired or was revoked), makes it the
 * default of every BlueprintFunction (`defaults.codeSigningConfig`, which governs their layers too) and
 * refuses at synth any function without one (`rules.requireCodeSigning`), a plain `lambda.Function` included.
 *
 * CloudFormation does not sign code: the pipeline signs each asset with the profile
 * (`aws signer start-signing-job --profile-name <profile> --source s3=…`) and deploys the signed object.
 */
import { IConstruct } from 'constructs';
import { BlueprintCodeSigning, BlueprintStandards } from '../../src';

/**
 * Creates the platform's signing profile and code signing configuration in `scope` (a stack: the
 * configuration must live in the same stage as the functions) and applies the signed-code standard to it.
 * @param scope the stack whose functions must run signed code
 */
export function applySignedCodeStandard(scope: IConstruct): BlueprintCodeSigning {
  const signing = new BlueprintCodeSigning(scope, 'CodeSigning');
  BlueprintStandards.of(scope).apply({
    name: 'acme-signed-code',
    defaults: { codeSigningConfig: signing.codeSigningConfig },
    rules: { requireCodeSigning: true },
  });
  return signing;
}
