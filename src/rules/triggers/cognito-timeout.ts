import { SERVICE_DEFAULTS, TRIGGER_FACTS } from '../../limits';
import { Finding, Rule, Severity, show } from '../private/rule';
import { CfnEntry, isObject, knownNumber, ResourceEntry, TemplateIndex } from '../private/template-index';

export const USER_POOL = 'AWS::Cognito::UserPool';

/** LambdaConfig entries that are no synchronous trigger (the key; the custom senders' timing is not documented as 5 s). */
const NOT_CHECKED: ReadonlySet<string> = new Set(['KMSKeyID', 'CustomEmailSender', 'CustomSMSSender']);

/** The synchronous triggers of a user pool's LambdaConfig: the property and its function ARN value. */
export function userPoolTriggers(pool: ResourceEntry): Array<{ property: string; arn: unknown }> {
  const config = pool.properties.LambdaConfig;
  if (!isObject(config)) return [];
  return Object.entries(config).filter(([key, value]) => !NOT_CHECKED.has(key) && value !== undefined).map(([key, value]) => {
    const nested = isObject(value) && value.LambdaArn !== undefined;
    return { property: nested ? `LambdaConfig.${key}.LambdaArn` : `LambdaConfig.${key}`, arn: nested ? value.LambdaArn : value };
  });
}

function findingsOf(index: TemplateIndex, pool: CfnEntry): Finding[] {
  const out: Finding[] = [];
  for (const t of userPoolTriggers(pool)) {
    const fn = index.functionOf(t.arn);
    if (!fn) continue;
    const raw = fn.properties.Timeout;
    const timeout = raw === undefined ? SERVICE_DEFAULTS.functionTimeoutSeconds : knownNumber(raw);
    if (timeout === undefined || timeout <= TRIGGER_FACTS.cognitoTimeout.max) continue;
    out.push({
      property: t.property,
      value: `${fn.path}, whose Timeout is ${show(timeout, TRIGGER_FACTS.cognitoTimeout.unit)}`,
      allowed: `a function whose Timeout is at most ${show(TRIGGER_FACTS.cognitoTimeout.max, TRIGGER_FACTS.cognitoTimeout.unit)}`,
      reason: TRIGGER_FACTS.cognitoTimeout.reason,
      involves: [fn],
    });
  }
  return out;
}

/** A Cognito user pool trigger's function may run at most 5 s: Cognito waits no longer. */
export const CognitoTriggerTimeout: Rule = {
  id: 'CognitoTriggerTimeout',
  severity: Severity.ERROR,
  summary: 'A Cognito user pool trigger\'s function has a Timeout of at most 5 s (Cognito waits no longer, then fails the user\'s request).',
  types: [USER_POOL],
  check: (e, { index }) => findingsOf(index, e),
};
