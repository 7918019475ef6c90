import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { buildApp } from '../../examples/code-signing-standard';
import { BlueprintFunction } from '../../src';
import { appSynthErrors } from '../helpers';
import { FN_PROPS } from '../rules/modes';

function app(): { app: App; stack: Stack } {
  const a = buildApp(new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'code-signing-standard-')) }));
  return { app: a, stack: a.node.findChild('CodeSigningStandard') as Stack };
}

describe('example code-signing-standard', () => {
  test('every function gets the standard\'s enforcing configuration, which trusts the standard\'s profile; code is never inline', () => {
    const t = Template.fromStack(app().stack);
    const [config] = Object.keys(t.findResources('AWS::Lambda::CodeSigningConfig'));
    const [profile] = Object.keys(t.findResources('AWS::Signer::SigningProfile'));
    t.hasResourceProperties('AWS::Signer::SigningProfile', { PlatformId: 'AWSLambda-SHA384-ECDSA' });
    t.hasResourceProperties('AWS::Lambda::CodeSigningConfig', {
      AllowedPublishers: { SigningProfileVersionArns: [{ 'Fn::GetAtt': [profile, 'ProfileVersionArn'] }] },
      CodeSigningPolicies: { UntrustedArtifactOnDeployment: 'Enforce' },
    });
    const functions = Object.values(t.findResources('AWS::Lambda::Function')).filter(f => f.Properties.Runtime === 'nodejs24.x' && f.Properties.Environment?.Variables?.SERVICE);
    expect(functions.map(f => [f.Properties.Environment.Variables.SERVICE, f.Properties.CodeSigningConfigArn, f.Properties.Code.ZipFile])).toEqual([
      ['orders', { 'Fn::GetAtt': [config, 'CodeSigningConfigArn'] }, undefined],
      ['invoices', { 'Fn::GetAtt': [config, 'CodeSigningConfigArn'] }, undefined],
    ]);
  });

  test('a function without code signing is refused (a plain lambda.Function); a new BlueprintFunction is signed by default', () => {
    const { app: a, stack } = app();
    new lambda.Function(stack, 'Plain', { ...FN_PROPS, architecture: lambda.Architecture.ARM_64, loggingFormat: lambda.LoggingFormat.JSON });
    new BlueprintFunction(stack, 'Signed', FN_PROPS);
    expect(appSynthErrors(a).filter(l => l.includes('LambdaBlueprints-Standard'))).toEqual([
      '[CodeSigningStandard/Plain/Resource] LambdaBlueprints-StandardCodeSigning: codeSigningConfig (CodeSigningConfigArn) is not set, allowed is a '
        + 'code signing configuration (e.g. `BlueprintCodeSigning`), because only code signed by the platform\'s signing profiles may run (standard '
        + '"acme-signed-code" set at CodeSigningStandard).',
    ]);
  });
});
