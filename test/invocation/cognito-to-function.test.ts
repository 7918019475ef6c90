import { CfnParameter, Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { newFunction } from './fixtures';
import { CognitoToFunction, LambdaLimits } from '../../src';
import { expectErrors, nagFindings, newStack, synthErrors } from '../helpers';

/** A user pool that passes AwsSolutions: MFA required (TOTP), a strong password policy, Plus threat protection. */
function compliantPool(scope: Construct, id = 'Pool'): cognito.UserPool {
  return new cognito.UserPool(scope, id, {
    selfSignUpEnabled: true,
    signInAliases: { email: true },
    mfa: cognito.Mfa.REQUIRED,
    mfaSecondFactor: { sms: false, otp: true },
    passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true },
    featurePlan: cognito.FeaturePlan.PLUS,
    standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
  });
}

const TIMEOUT_REASON = 'because Amazon Cognito invokes a user pool trigger synchronously and waits at most 5 s for it \\(3 attempts in all\\), then fails the user\'s request: a function allowed to run longer fails sign-ups and sign-ins instead of finishing\\.';

describe('CognitoToFunction', () => {
  test('pre sign-up, post confirmation and pre token generation triggers with permissions scoped to the pool (snapshot, cdk-nag clean)', () => {
    const stack = newStack();
    const pool = compliantPool(stack);
    const fast = { timeout: Duration.seconds(5) };
    const signUp = new CognitoToFunction(stack, 'SignUp', { function: newFunction(stack, 'PreSignUp', fast), userPool: pool, operation: cognito.UserPoolOperation.PRE_SIGN_UP });
    new CognitoToFunction(stack, 'Confirmed', { function: newFunction(stack, 'PostConfirmation', fast), userPool: pool, operation: cognito.UserPoolOperation.POST_CONFIRMATION });
    new CognitoToFunction(stack, 'Tokens', {
      function: newFunction(stack, 'PreToken', fast),
      userPool: pool,
      operation: cognito.UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      lambdaVersion: cognito.LambdaVersion.V2_0,
    });
    new CognitoToFunction(stack, 'Messages', { function: newFunction(stack, 'Message', fast), userPool: pool, operation: cognito.UserPoolOperation.CUSTOM_MESSAGE });
    expect(signUp.operation).toBe(cognito.UserPoolOperation.PRE_SIGN_UP);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: {
        PreSignUp: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PreSignUpFunction'), 'Arn'] },
        PostConfirmation: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PostConfirmationFunction'), 'Arn'] },
        PreTokenGenerationConfig: { LambdaArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PreTokenFunction'), 'Arn'] }, LambdaVersion: 'V2_0' },
        CustomMessage: { 'Fn::GetAtt': [Match.stringLikeRegexp('^MessageFunction'), 'Arn'] },
      },
    });
    template.resourcePropertiesCountIs('AWS::Lambda::Permission', {
      Principal: 'cognito-idp.amazonaws.com',
      SourceAccount: '123456789012',
      SourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Pool'), 'Arn'] },
    }, 4);
    expect(synthErrors(stack)).toEqual([]);
    expect(nagFindings(stack)).toEqual([]);
    expect(template.toJSON()).toMatchSnapshot();
  });

  test('a function with a 6 s timeout is refused: Cognito waits 5 s', () => {
    expect(LambdaLimits.MAX_COGNITO_TRIGGER_TIMEOUT_SECONDS).toBe(5);
    const stack = newStack();
    new CognitoToFunction(stack, 'T', { function: newFunction(stack, 'Fn', { timeout: Duration.seconds(6) }), userPool: compliantPool(stack), operation: cognito.UserPoolOperation.PRE_SIGN_UP });
    expectErrors(stack, new RegExp(`^\\[Test/Pool/Resource\\] LambdaBlueprints-CognitoTriggerTimeout: LambdaConfig\\.PreSignUp is Test/Fn/Function/Resource, whose Timeout is 6 s, allowed is a function whose Timeout is at most 5 s, ${TIMEOUT_REASON}$`));
  });

  test('the blueprint default timeout (30 s) is refused too, with the trigger\'s property named', () => {
    const stack = newStack();
    new CognitoToFunction(stack, 'T', {
      function: newFunction(stack),
      userPool: compliantPool(stack),
      operation: cognito.UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      lambdaVersion: cognito.LambdaVersion.V2_0,
    });
    expectErrors(stack, /^\[Test\/Pool\/Resource\] LambdaBlueprints-CognitoTriggerTimeout: LambdaConfig\.PreTokenGenerationConfig\.LambdaArn is Test\/Fn\/Function\/Resource, whose Timeout is 30 s, allowed is a function whose Timeout is at most 5 s/);
  });

  test('a plain lambda.Function is checked as well (the rule reads the pool)', () => {
    const stack = newStack();
    const fn = new lambda.Function(stack, 'Plain', {
      runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async e => e;'), timeout: Duration.seconds(10),
    });
    new CognitoToFunction(stack, 'T', { function: fn, userPool: compliantPool(stack), operation: cognito.UserPoolOperation.POST_CONFIRMATION });
    expect(synthErrors(stack)).toEqual([expect.stringMatching(/^\[Test\/Pool\/Resource\] LambdaBlueprints-CognitoTriggerTimeout: LambdaConfig\.PostConfirmation is Test\/Plain\/Resource, whose Timeout is 10 s/)]);
  });

  test('5 s, Lambda\'s default (3 s) and a token timeout are accepted', () => {
    const stack = newStack();
    const pool = compliantPool(stack);
    new CognitoToFunction(stack, 'AT', { function: newFunction(stack, 'A', { timeout: Duration.seconds(5) }), userPool: pool, operation: cognito.UserPoolOperation.PRE_SIGN_UP });
    const plain = new lambda.Function(stack, 'B', { runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async e => e;') });
    new CognitoToFunction(stack, 'BT', { function: plain, userPool: pool, operation: cognito.UserPoolOperation.CUSTOM_MESSAGE });
    const seconds = new CfnParameter(stack, 'Seconds', { type: 'Number' }).valueAsNumber;
    new CognitoToFunction(stack, 'CT', { function: newFunction(stack, 'C', { timeout: Duration.seconds(seconds) }), userPool: pool, operation: cognito.UserPoolOperation.POST_CONFIRMATION });
    expect(synthErrors(stack)).toEqual([]);
  });

  test('a released function is triggered through its alias, and the function behind it is checked', () => {
    const stack = newStack();
    new CognitoToFunction(stack, 'T', { function: newFunction(stack, 'Fn', { timeout: Duration.seconds(8), deployment: {} }), userPool: compliantPool(stack), operation: cognito.UserPoolOperation.PRE_SIGN_UP });
    expect(synthErrors(stack)).toEqual([expect.stringMatching(/LambdaConfig\.PreSignUp is Test\/Fn\/Function\/Resource, whose Timeout is 8 s/)]);
    const ok = newStack();
    new CognitoToFunction(ok, 'T', { function: newFunction(ok, 'Fn', { timeout: Duration.seconds(5), deployment: {} }), userPool: compliantPool(ok), operation: cognito.UserPoolOperation.PRE_SIGN_UP });
    Template.fromStack(ok).hasResourceProperties('AWS::Cognito::UserPool', { LambdaConfig: { PreSignUp: { Ref: Match.stringLikeRegexp('Alias') } } });
  });
});
