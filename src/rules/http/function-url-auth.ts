import { FUNCTION_URL, Rule, Severity, show } from '../private/rule';
import { setting } from '../standards/helpers';

/** Why a URL without authentication is refused (this rule's and StandardNoPublicUrl's reason). */
export const PUBLIC_URL_REASON = 'a URL without authentication lets anyone on the internet invoke the function';

/**
 * A function URL authenticates its callers (AWS_IAM). A public URL (NONE) is a decision to acknowledge with
 * a reason (`BlueprintFunctionUrl`'s `allowPublicAccess: true` does), and its function then caps what
 * anyone on the internet can run with reserved concurrency. Where a platform standard denies public URLs,
 * the standard's rule StandardNoPublicUrl owns the case (one error, naming the standard, which no
 * acknowledgement of this rule lifts): this rule stays silent there.
 */
export const LambdaFunctionUrlAuth: Rule = {
  id: 'LambdaFunctionUrlAuth',
  severity: Severity.ERROR,
  summary: 'A function URL authenticates its callers (AuthType AWS_IAM); a public one (NONE) is acknowledged with a reason. '
    + 'Where a standard denies public URLs, StandardNoPublicUrl reports it instead.',
  types: [FUNCTION_URL],
  check: (e, ctx) => (e.properties.AuthType === 'NONE' && setting(ctx, 'denyPublicFunctionUrls').length === 0 ? [{
    property: 'AuthType',
    value: show(e.properties.AuthType),
    allowed: 'AWS_IAM, or NONE acknowledged with a reason (BlueprintFunctionUrl: allowPublicAccess: true)',
    reason: PUBLIC_URL_REASON,
  }] : []),
};
