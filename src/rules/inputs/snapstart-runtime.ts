import { SNAPSTART_FACTS } from '../../limits';
import { inputRule, Severity } from '../private/rule';

const NAMES: Readonly<Record<string, string>> = { java: 'Java', python: 'Python', dotnet: '.NET' };

/** The runtimes with SnapStart, as messages print them: `Java 11+, Python 3.12+, .NET 8+`. */
export const SNAPSTART_RUNTIMES = Object.entries(SNAPSTART_FACTS.baseImageMinimum)
  .map(([language, min]) => `${NAMES[language] ?? language} ${min.join('.')}+`).join(', ');

/** SnapStart only on a runtime that supports it. */
export const LambdaSnapStartRuntime = inputRule('LambdaSnapStartRuntime', Severity.ERROR,
  `SnapStart is set only on a runtime with SnapStart (${SNAPSTART_RUNTIMES}).`);
