import { setting, standardFinding } from './helpers';
import { PUBLIC_URL_REASON } from '../http/function-url-auth';
import { Rule, Severity, show } from '../private/rule';

/**
 * No function URL with `AuthType: NONE` where a standard denies public URLs. This rule owns the case there
 * (LambdaFunctionUrlAuth stays silent): one error, naming the standard and the scope that set it.
 */
export const StandardNoPublicUrl: Rule = {
  id: 'StandardNoPublicUrl',
  severity: Severity.ERROR,
  summary: 'A function URL has AuthType AWS_IAM when the platform standards in force deny public URLs (the one error for such a URL: LambdaFunctionUrlAuth stays silent).',
  types: ['AWS::Lambda::Url'],
  standard: true,
  check: (e, ctx) => e.properties.AuthType !== 'NONE' ? [] : setting(ctx, 'denyPublicFunctionUrls').map(({ standard }) =>
    standardFinding(standard, 'AuthType', show(e.properties.AuthType), '"AWS_IAM"', PUBLIC_URL_REASON)),
};
