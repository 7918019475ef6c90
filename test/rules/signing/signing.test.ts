import { CfnParameter, Stack } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as signer from 'aws-cdk-lib/aws-signer';
import { BlueprintCode, BlueprintFunction } from '../../../src';
import { l1Function } from '../l1';
import { both, FN_PROPS, newStack, ofRule, packMode } from '../modes';

const IMAGE = { runtime: lambda.Runtime.FROM_IMAGE, handler: lambda.Handler.FROM_IMAGE };
const DIGEST = `sha256:${'a'.repeat(64)}`;
const CSC_ARN = 'arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0123456789abcdef0';

function messages(stack: Stack, rule: string): string[] {
  return ofRule(packMode(stack), rule).map(r => r.message);
}

function profileArns(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `arn:aws:signer:us-east-1:123456789012:/signing-profiles/p${i}/v1`);
}

describe('LambdaCodeSigningImage', () => {
  const TAIL = 'allowed is no code signing configuration on a container image function (sign .zip packages), because Lambda does not support code signing for functions defined as container images.';
  test('construct mode: an image blueprint with a code signing config set through the escape hatch is refused', () => {
    const s = newStack();
    const fn = new BlueprintFunction(s, 'Fn', { ...IMAGE, code: BlueprintCode.fromEcr(ecr.Repository.fromRepositoryName(s, 'Repo', 'app'), DIGEST) });
    const csc = new lambda.CodeSigningConfig(s, 'Signing', { signingProfiles: [new signer.SigningProfile(s, 'Profile', { platform: signer.Platform.AWS_LAMBDA_SHA384_ECDSA })] });
    fn.cfn.addPropertyOverride('CodeSigningConfigArn', csc.codeSigningConfigArn);
    expect(both(s, 'LambdaCodeSigningImage')).toEqual([{
      id: 'LambdaBlueprints-LambdaCodeSigningImage',
      severity: 'error',
      path: 'Test/Fn/Function/Resource',
      message: `codeSigningConfig (CodeSigningConfigArn) is {"Fn::GetAtt":["Signing608E83C0","CodeSigningConfigArn"]} on a container image function (PackageType "Image"), ${TAIL}`,
    }]);
  });
  test('pack mode: an L1 image function with a literal ARN; a zip function may be signed', () => {
    const s = newStack();
    l1Function(s, 'Image', { PackageType: 'Image', Runtime: undefined, Handler: undefined, Code: { ImageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/app@${DIGEST}`, ZipFile: undefined }, CodeSigningConfigArn: CSC_ARN });
    l1Function(s, 'Zip', { CodeSigningConfigArn: CSC_ARN });
    expect(messages(s, 'LambdaCodeSigningImage')).toEqual([`codeSigningConfig (CodeSigningConfigArn) is "${CSC_ARN}" on a container image function (PackageType "Image"), ${TAIL}`]);
  });
  test('a package type from a parameter is not judged', () => {
    const s = newStack();
    l1Function(s, 'Fn', { PackageType: new CfnParameter(s, 'Type').valueAsString, CodeSigningConfigArn: CSC_ARN });
    expect(messages(s, 'LambdaCodeSigningImage')).toEqual([]);
  });
});

describe('LambdaCodeSigningProfiles', () => {
  test('construct mode: a configuration of 21 profiles that signs a blueprint is refused', () => {
    const s = newStack();
    const fn = new BlueprintFunction(s, 'Fn', FN_PROPS);
    const csc = new lambda.CfnCodeSigningConfig(s, 'Signing', { allowedPublishers: { signingProfileVersionArns: profileArns(21) } });
    fn.cfn.codeSigningConfigArn = csc.attrCodeSigningConfigArn;
    expect(both(s, 'LambdaCodeSigningProfiles')).toEqual([{
      id: 'LambdaBlueprints-LambdaCodeSigningProfiles',
      severity: 'error',
      path: 'Test/Signing',
      message: 'signingProfiles (AllowedPublishers.SigningProfileVersionArns) is 21 signing profile versions, allowed is at most 20, because a code signing configuration holds up to 20 signing profiles.',
    }]);
  });
  test('pack mode: 21 L2 signing profiles are refused, 20 are not', () => {
    const s = newStack();
    const profiles = Array.from({ length: 21 }, (_, i) => new signer.SigningProfile(s, `P${i}`, { platform: signer.Platform.AWS_LAMBDA_SHA384_ECDSA }));
    new lambda.CodeSigningConfig(s, 'Twenty', { signingProfiles: profiles.slice(0, 20) });
    expect(messages(s, 'LambdaCodeSigningProfiles')).toEqual([]);
    new lambda.CodeSigningConfig(s, 'TwentyOne', { signingProfiles: profiles });
    expect(ofRule(packMode(s), 'LambdaCodeSigningProfiles').map(r => r.path)).toEqual(['Test/TwentyOne/Resource']);
  });
  test('a list from a parameter is not judged', () => {
    const s = newStack();
    new lambda.CfnCodeSigningConfig(s, 'Signing', { allowedPublishers: { signingProfileVersionArns: new CfnParameter(s, 'Arns', { type: 'CommaDelimitedList' }).valueAsList } });
    expect(messages(s, 'LambdaCodeSigningProfiles')).toEqual([]);
  });
});
