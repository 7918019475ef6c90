import { INLINE_CODE_RUNTIME_PATTERN, LIMITS } from '../../limits';
import { checkLimit, FUNCTION, Rule, Severity, show } from '../private/rule';
import { isObject, knownString } from '../private/template-index';

/** Inline code (`Code.ZipFile`) only for Node.js and Python runtimes, within the size limit. */
export const LambdaInlineCode: Rule = {
  id: 'LambdaInlineCode',
  severity: Severity.ERROR,
  summary: 'Inline code (Code.ZipFile) is used only with Node.js and Python runtimes and stays within 4 MB.',
  types: [FUNCTION],
  check: e => {
    const code = e.properties.Code;
    if (!isObject(code) || code.ZipFile === undefined) return [];
    const source = knownString(code.ZipFile);
    const size = source === undefined ? [] : checkLimit('Code.ZipFile size', Buffer.byteLength(source, 'utf8'), LIMITS.inlineCodeBytes);
    const runtime = e.properties.Runtime === undefined ? '' : knownString(e.properties.Runtime);
    if (runtime === undefined || INLINE_CODE_RUNTIME_PATTERN.test(runtime)) return size;
    return [...size, { property: 'Code.ZipFile', value: `inline code on ${show(runtime)}`, allowed: 'inline code only for Node.js and Python', reason: 'CloudFormation Code.ZipFile supports only those runtimes; package the handler as an asset' }];
  },
};
