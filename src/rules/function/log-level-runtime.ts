import { loggingConfigOf } from './logging-config';
import { LOGGING_FACTS } from '../../limits';
import { FUNCTION, Rule, Severity, show } from '../private/rule';
import { knownString } from '../private/template-index';

/**
 * A function that filters its application logs by level (JSON format) runs on a runtime whose built-in
 * logger writes JSON. A warning: a logger of the function's own may write JSON lines with a level.
 */
export const LambdaLogLevelRuntime: Rule = {
  id: 'LambdaLogLevelRuntime',
  severity: Severity.WARNING,
  summary: `LoggingConfig.ApplicationLogLevel is set only on runtimes whose built-in logger writes JSON application logs (${LOGGING_FACTS.jsonApplicationLogRuntimesText}).`,
  types: [FUNCTION],
  check: e => {
    const config = loggingConfigOf(e.properties);
    const level = knownString(config?.ApplicationLogLevel);
    const runtime = knownString(e.properties.Runtime);
    if (level === undefined || runtime === undefined || LOGGING_FACTS.jsonApplicationLogRuntimes.test(runtime)) return [];
    return [{
      property: 'LoggingConfig.ApplicationLogLevel',
      value: `${show(level)} on Runtime ${show(runtime)}`,
      allowed: `a runtime whose built-in logger writes JSON application logs (${LOGGING_FACTS.jsonApplicationLogRuntimesText}), or a logger of the function's own that writes JSON lines with a level`,
      reason: 'Lambda filters application logs by level only in JSON-structured logs, and the built-in loggers of other runtimes do not write them: the level does not filter their logs',
    }];
  },
};
