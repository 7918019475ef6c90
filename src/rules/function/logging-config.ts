import { LOGGING_FACTS } from '../../limits';
import { Finding, fmt, FUNCTION, Rule, Severity, show } from '../private/rule';
import { isObject, knownString } from '../private/template-index';

/** The logging config of a function, when the template spells it out. */
export function loggingConfigOf(properties: Record<string, any>): Record<string, any> | undefined {
  const config = properties.LoggingConfig;
  return isObject(config) ? config : undefined;
}

function oneOf(property: string, value: unknown, allowed: readonly string[], reason: string): Finding[] {
  const s = knownString(value);
  if (s === undefined || allowed.includes(s)) return [];
  return [{ property, value: show(s), allowed: allowed.map(a => show(a)).join(', '), reason }];
}

function logGroupFindings(value: unknown): Finding[] {
  const name = knownString(value);
  if (name === undefined) return [];
  const limit = LOGGING_FACTS.logGroupLength;
  if (name.length >= limit.min && name.length <= limit.max && LOGGING_FACTS.logGroupPattern.test(name)) return [];
  return [{ property: 'LoggingConfig.LogGroup', value: `${show(name)} (${fmt(name.length)} characters)`, allowed: `${fmt(limit.min)}–${fmt(limit.max)} characters matching ${LOGGING_FACTS.logGroupPattern.source}`, reason: limit.reason }];
}

/** LoggingConfig: a log group name Lambda accepts, and known format and level values. */
export const LambdaLoggingConfig: Rule = {
  id: 'LambdaLoggingConfig',
  severity: Severity.ERROR,
  summary: 'LoggingConfig.LogGroup is 1–512 characters of [.-_/#A-Za-z0-9]; LogFormat, ApplicationLogLevel and SystemLogLevel are values Lambda knows.',
  types: [FUNCTION],
  check: e => {
    const config = loggingConfigOf(e.properties);
    if (!config) return [];
    return [
      ...logGroupFindings(config.LogGroup),
      ...oneOf('LoggingConfig.LogFormat', config.LogFormat, LOGGING_FACTS.formats, 'Lambda writes logs as plain text or JSON'),
      ...oneOf('LoggingConfig.ApplicationLogLevel', config.ApplicationLogLevel, LOGGING_FACTS.applicationLevels, 'Lambda filters application logs only at these levels'),
      ...oneOf('LoggingConfig.SystemLogLevel', config.SystemLogLevel, LOGGING_FACTS.systemLevels, 'Lambda filters system logs only at these levels'),
    ];
  },
};
