import { INLINE_CODE_RUNTIME_PATTERN, LIMITS } from '../../limits';
import { Finding, FUNCTION, Rule, Severity, show } from '../private/rule';
import { handlerFormat } from '../private/runtimes';
import { isObject, knownString } from '../private/template-index';

function formatFindings(handler: string, runtime: string | undefined, inline: boolean): Finding[] {
  const value = show(handler);
  if (handler.trim() === '') return [{ property: 'Handler', value, allowed: 'a non-empty handler', reason: 'Lambda needs it to find the entry point of a zip package' }];
  if (handler.length > LIMITS.handlerLength.max || /\s/.test(handler)) {
    return [{ property: 'Handler', value: `${value} (${handler.length} characters)`, allowed: `1–${LIMITS.handlerLength.max} characters without white space`, reason: LIMITS.handlerLength.reason }];
  }
  const format = runtime === undefined ? undefined : handlerFormat(runtime);
  if (format && !format.pattern.test(handler)) return [{ property: 'Handler', value, allowed: format.example, reason: `${runtime} loads the entry point from that form` }];
  // Inline code on other runtimes is LambdaInlineCode's finding: `index.*` would not help there.
  const inlineRuntime = runtime === undefined || INLINE_CODE_RUNTIME_PATTERN.test(runtime);
  if (inline && inlineRuntime && !handler.startsWith('index.')) return [{ property: 'Handler', value, allowed: 'index.<export> for inline code', reason: 'CloudFormation writes inline code (Code.ZipFile) to a file named index' }];
  return [];
}

/** The handler of a zip package: 1–128 characters, no white space, the runtime's form; `index.*` for inline code. */
export const LambdaHandler: Rule = {
  id: 'LambdaHandler',
  severity: Severity.ERROR,
  summary: 'The handler of a zip package has 1–128 characters without white space, in the runtime\'s form (index.<export> for inline code).',
  types: [FUNCTION],
  check: e => {
    const code = e.properties.Code;
    if (isObject(code) && code.ImageUri !== undefined) return [];
    const handler = e.properties.Handler === undefined ? '' : knownString(e.properties.Handler);
    if (handler === undefined) return [];
    return formatFindings(handler, knownString(e.properties.Runtime), isObject(code) && code.ZipFile !== undefined);
  },
};
