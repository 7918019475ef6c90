import { TRIGGER_FACTS } from '../../limits';
import { CfnEntry, isObject, knownString, refId, TemplateIndex } from '../private/template-index';

export const SUBSCRIPTION_FILTER = 'AWS::Logs::SubscriptionFilter';
export const LOG_GROUP = 'AWS::Logs::LogGroup';

/**
 * The identities a log group value may have (`name:/aws/lambda/x`, `ref:LogGroupId`, `fn:FnId` for
 * `/aws/lambda/<Ref Fn>`, `expr:<json>` for any other intrinsic): two values name the same log group
 * when their identities meet.
 */
export function logGroupKeys(index: TemplateIndex, value: unknown): Set<string> {
  const keys = new Set<string>();
  const name = knownString(value);
  if (name !== undefined) {
    keys.add(`name:${name}`);
    if (name.startsWith(TRIGGER_FACTS.functionLogGroupPrefix)) {
      for (const fn of index.functionsNamed(name.slice(TRIGGER_FACTS.functionLogGroupPrefix.length))) {
        if (index.get(fn.logicalId) === fn) keys.add(`fn:${fn.logicalId}`);
      }
    }
    return keys;
  }
  const id = refId(value);
  const target = id === undefined ? undefined : index.get(id);
  if (target?.type === LOG_GROUP) {
    keys.add(`ref:${target.logicalId}`);
    if (target.properties.LogGroupName !== undefined) logGroupKeys(index, target.properties.LogGroupName).forEach(k => keys.add(k));
    return keys;
  }
  const fn = functionPrefixed(index, value);
  if (fn) keys.add(`fn:${fn.logicalId}`);
  if (value !== undefined) keys.add(`expr:${JSON.stringify(value)}`);
  return keys;
}

/** The function of `/aws/lambda/<Ref Fn>` written as `Fn::Join` or `Fn::Sub`. */
function functionPrefixed(index: TemplateIndex, value: unknown): CfnEntry | undefined {
  if (!isObject(value)) return undefined;
  const join = value['Fn::Join'];
  if (Array.isArray(join) && join[0] === '' && Array.isArray(join[1]) && join[1].length === 2 && join[1][0] === TRIGGER_FACTS.functionLogGroupPrefix) {
    return fnRef(index, join[1][1]);
  }
  const sub = value['Fn::Sub'];
  if (typeof sub === 'string') {
    const m = new RegExp(`^${TRIGGER_FACTS.functionLogGroupPrefix.replace(/\//g, '\\/')}\\$\\{([A-Za-z0-9]+)\\}$`).exec(sub);
    if (m) return fnRef(index, { Ref: m[1] });
  }
  return undefined;
}

function fnRef(index: TemplateIndex, value: unknown): CfnEntry | undefined {
  const t = index.target(value);
  return t?.type === 'AWS::Lambda::Function' && isObject(value) && typeof value.Ref === 'string' ? t : undefined;
}

/** The identities of the log group a function writes to: its LoggingConfig's, else `/aws/lambda/<name>`. */
export function functionLogGroupKeys(index: TemplateIndex, fn: CfnEntry): Set<string> {
  const config = fn.properties.LoggingConfig;
  if (isObject(config) && config.LogGroup !== undefined) return logGroupKeys(index, config.LogGroup);
  const keys = new Set([`fn:${fn.logicalId}`]);
  const name = knownString(fn.properties.FunctionName);
  if (name !== undefined) keys.add(`name:${TRIGGER_FACTS.functionLogGroupPrefix}${name}`);
  return keys;
}

/** Whether two identity sets name the same log group. */
export function sameLogGroup(a: Set<string>, b: Set<string>): boolean {
  return [...a].some(k => b.has(k));
}

/** The function a subscription filter delivers to, if it is one of this stack. */
export function destinationFunction(index: TemplateIndex, filter: CfnEntry): CfnEntry | undefined {
  return index.functionOf(filter.properties.DestinationArn);
}
