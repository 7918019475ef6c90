import { env } from './common';
import { CognitoSampleOptions } from '../options';

/** The parameters every user pool trigger event carries, and the user's attributes. */
function common(o: CognitoSampleOptions, triggerSource: string, version = '1'): any {
  const { region } = env(o);
  return {
    version,
    triggerSource: o.triggerSource ?? triggerSource,
    region,
    userPoolId: `${region}_EXAMPLE`,
    userName: o.userName ?? 'jane.doe',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: o.clientId ?? '1example23456789' },
  };
}

function attributes(o: CognitoSampleOptions, confirmed: boolean): { [name: string]: string } {
  const given = o.userAttributes ?? { email: 'jane.doe@example.com' };
  if (!confirmed) return given;
  return { 'sub': 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111', 'cognito:user_status': 'CONFIRMED', 'email_verified': 'true', ...given };
}

/**
 * Pre sign-up: the handler returns the event, setting `response.autoConfirmUser` / `autoVerifyEmail` /
 * `autoVerifyPhone`, or throws to refuse the sign-up.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-sign-up.html
 */
export function preSignUp(o: CognitoSampleOptions): any {
  return {
    ...common(o, 'PreSignUp_SignUp'),
    request: { userAttributes: attributes(o, false), validationData: {}, clientMetadata: o.clientMetadata ?? {} },
    response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  };
}

/**
 * Post confirmation: the handler returns the event unchanged (`response` is empty).
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-post-confirmation.html
 */
export function postConfirmation(o: CognitoSampleOptions): any {
  return {
    ...common(o, 'PostConfirmation_ConfirmSignUp'),
    request: { userAttributes: attributes(o, true), clientMetadata: o.clientMetadata ?? {} },
    response: {},
  };
}

/**
 * Pre token generation: version 1 returns `response.claimsOverrideDetails`; versions 2 and 3 return
 * `response.claimsAndScopeOverrideDetails` (ID and access token claims, scopes, groups).
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-pre-token-generation.html
 */
export function preTokenGeneration(o: CognitoSampleOptions): any {
  const version = o.eventVersion ?? '1';
  const groupConfiguration = { groupsToOverride: [], iamRolesToOverride: [], preferredRole: null };
  const v1 = version === '1';
  return {
    ...common(o, 'TokenGeneration_Authentication', version),
    request: {
      userAttributes: attributes(o, true),
      groupConfiguration,
      ...(v1 ? {} : { scopes: ['openid', 'email', 'aws.cognito.signin.user.admin'] }),
      clientMetadata: o.clientMetadata ?? {},
    },
    response: v1 ? { claimsOverrideDetails: null } : { claimsAndScopeOverrideDetails: null },
  };
}

/**
 * Custom message: the handler returns the event with `response.emailSubject`, `emailMessage` and
 * `smsMessage` (which must contain `request.codeParameter`).
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-message.html
 */
export function customMessage(o: CognitoSampleOptions): any {
  return {
    ...common(o, 'CustomMessage_SignUp'),
    request: {
      userAttributes: attributes(o, false),
      codeParameter: '{####}',
      linkParameter: '{##Click Here##}',
      usernameParameter: null,
      clientMetadata: o.clientMetadata ?? {},
    },
    response: { smsMessage: null, emailMessage: null, emailSubject: null },
  };
}
