/**
 * Example: cognito-logs-triggers
 *
 * A Cognito user pool (MFA required, strong passwords, Plus threat protection) whose pre sign-up trigger
 * admits only the company's e-mail domain (CognitoToFunction: synchronous, so the function's timeout is 5 s,
 * what Cognito waits), and a log shipper subscribed to an application's log group for its errors
 * (LogsSubscriptionToFunction: asynchronous, with an on-failure destination queue).
 */
import * as path from 'path';
import { App, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { AsyncDestination, BlueprintCode, BlueprintFunction, CognitoToFunction, DurableQueue, LogsSubscriptionToFunction } from '../src';

export function buildApp(app: App = new App()): App {
  const stack = new Stack(app, 'CognitoLogsTriggers', { env: { account: '123456789012', region: 'us-east-1' } });

  const users = new cognito.UserPool(stack, 'Users', {
    selfSignUpEnabled: true,
    signInAliases: { email: true },
    mfa: cognito.Mfa.REQUIRED,
    mfaSecondFactor: { sms: false, otp: true },
    passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true },
    featurePlan: cognito.FeaturePlan.PLUS,
    standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
  });
  const preSignUp = new BlueprintFunction(stack, 'PreSignUp', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: BlueprintCode.fromFile(path.join(__dirname, 'handlers', 'pre-sign-up.js')),
    timeout: Duration.seconds(5),
    environment: { ALLOWED_DOMAIN: 'example.com' },
  });
  new CognitoToFunction(stack, 'OnSignUp', { function: preSignUp, userPool: users, operation: cognito.UserPoolOperation.PRE_SIGN_UP });

  const appLogs = new logs.LogGroup(stack, 'AppLogs', { retention: logs.RetentionDays.ONE_MONTH });
  const failures = new DurableQueue(stack, 'ShipperFailures', { purpose: 'log batches the shipper failed on' });
  const shipper = new BlueprintFunction(stack, 'LogShipper', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: BlueprintCode.fromFile(path.join(__dirname, 'handlers', 'log-shipper.js')),
    asyncInvoke: { retryAttempts: 2, onFailure: AsyncDestination.toQueue(failures.queue) },
  });
  new LogsSubscriptionToFunction(stack, 'ShipErrors', {
    function: shipper,
    logGroup: appLogs,
    filterPattern: logs.FilterPattern.anyTerm('ERROR', 'Exception'),
    filterName: 'errors-to-shipper',
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return app;
}

if (require.main === module) buildApp().synth();
