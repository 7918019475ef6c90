import { FUNCTION_URL, Rule, Severity, show } from '../private/rule';

/** Why a URL without authentication is refused (this rule's and StandardNoPublicUrl's reason). */
export const PUBLIC_URL_REASON = 'a URL without authentication lets anyone on the internet invoke the function';

/**
 * A function URL authenticates its callers (AWS_IAM). A public URL (NONE) is a decision to acknowledge with
 * a reason (`BlueprintFunctionUrl`'s `allowPublicAccess: true` does), and its function then caps what
 * anyone on the internet can run with reserved concurrency.
 */
export const LambdaFunctionUrlAuth: Rule = {
  id: 'LambdaFunctionUrlAuth',
  severity: Severity.ERROR,
  summary: 'A function URL authenticates its callers (AuthType AWS_IAM); a public one (NONE) is acknowledged with a reason.',
  types: [FUNCTION_URL],
  check: e => (e.properties.AuthType === 'NONE' ? [{
    property: 'AuthType',
    value: show(e.properties.AuthType),
    allowed: 'AWS_IAM, or NONE acknowledged with a reason (BlueprintFunctionUrl: allowPublicAccess: true)',
    reason: PUBLIC_URL_REASON,
  }] : []),
};
