import { STREAMING_FACTS } from '../../limits';
import { FUNCTION_URL, Rule, Severity, show } from '../private/rule';
import { CfnEntry, knownString, TemplateIndex } from '../private/template-index';

/** The function a streaming function URL invokes (undefined for a buffered URL or an unknown function). */
export function streamingTarget(index: TemplateIndex, url: CfnEntry): CfnEntry | undefined {
  if (knownString(url.properties.InvokeMode) !== STREAMING_FACTS.invokeMode) return undefined;
  return index.functionOf(url.properties.TargetFunctionArn);
}

/**
 * A streaming function URL invokes a function that can stream: a Node.js managed runtime, a custom
 * runtime or a container image. A warning: other runtimes stream through the Lambda Web Adapter.
 */
export const LambdaStreamingRuntime: Rule = {
  id: 'LambdaStreamingRuntime',
  severity: Severity.WARNING,
  summary: 'A function URL with InvokeMode RESPONSE_STREAM invokes a Node.js managed runtime, a custom runtime (provided.*) or a container image (others stream only through the Lambda Web Adapter).',
  types: [FUNCTION_URL],
  check: (e, { index }) => {
    const fn = streamingTarget(index, e);
    const runtime = fn ? knownString(fn.properties.Runtime) : undefined;
    if (!fn || runtime === undefined || STREAMING_FACTS.runtimes.test(runtime)) return [];
    return [{
      property: 'InvokeMode',
      value: `${show(STREAMING_FACTS.invokeMode)} for ${fn.path}, whose Runtime is ${show(runtime)}`,
      allowed: 'a Node.js managed runtime, a custom runtime (provided.*) or a container image, or "BUFFERED"',
      reason: 'Lambda streams responses natively only on Node.js managed runtimes; other languages stream through a custom runtime or the Lambda Web Adapter (acknowledge this warning when the function uses the adapter)',
      involves: [fn],
    }];
  },
};
