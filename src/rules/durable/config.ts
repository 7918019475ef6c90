import { DURABLE_FACTS } from '../../limits';
import { checkLimit, FUNCTION, Rule, Severity } from '../private/rule';
import { CfnEntry, isObject } from '../private/template-index';

/** The `DurableConfig` of a durable function (undefined for other functions; `{}` when it is a token). */
export function durableConfig(fn: CfnEntry): Record<string, any> | undefined {
  const config = fn.properties.DurableConfig;
  if (config === undefined || config === null) return undefined;
  return isObject(config) ? config : {};
}

/** DurableConfig: ExecutionTimeout a whole number of seconds in 1–31,622,400, retention 1–90 whole days. */
export const LambdaDurableConfig: Rule = {
  id: 'LambdaDurableConfig',
  severity: Severity.ERROR,
  summary: 'DurableConfig.ExecutionTimeout is a whole number of seconds from 1 to 31,622,400 (366 days) and RetentionPeriodInDays a whole number from 1 to 90.',
  types: [FUNCTION],
  check: e => {
    const config = durableConfig(e);
    if (!config) return [];
    return [
      ...checkLimit('DurableConfig.ExecutionTimeout', config.ExecutionTimeout, DURABLE_FACTS.executionTimeout),
      ...checkLimit('DurableConfig.RetentionPeriodInDays', config.RetentionPeriodInDays, DURABLE_FACTS.retentionDays),
    ];
  },
};
