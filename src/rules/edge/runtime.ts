import { edgeUsesOf, eventTypesOf } from './associations';
import { EDGE_FACTS } from '../../limits';
import { Finding, FUNCTION, Rule, Severity, show } from '../private/rule';
import { isObject, knownString } from '../private/template-index';

/** A Lambda@Edge function is a .zip package on a Node.js or Python runtime. */
export const LambdaEdgeRuntime: Rule = {
  id: 'LambdaEdgeRuntime',
  severity: Severity.ERROR,
  summary: 'A Lambda@Edge function runs on a Node.js or Python runtime, updated automatically (runtime management Auto), from a .zip package (no container image).',
  types: [FUNCTION],
  check: (e, { index }) => {
    const out: Finding[] = [];
    const image = e.properties.PackageType === 'Image';
    const runtime = knownString(e.properties.Runtime);
    const badRuntime = runtime !== undefined && !EDGE_FACTS.runtimeFamilies.test(runtime);
    const management = e.properties.RuntimeManagementConfig;
    const updateOn = isObject(management) ? knownString(management.UpdateRuntimeOn) : undefined;
    const pinned = updateOn !== undefined && updateOn !== EDGE_FACTS.runtimeUpdateMode;
    if (!image && !badRuntime && !pinned) return [];
    const uses = edgeUsesOf(index, e);
    if (!uses.length) return [];
    const what = `a Lambda@Edge ${eventTypesOf(uses)} trigger`;
    if (image) {
      out.push({ property: 'PackageType', value: `"Image" (${what})`, allowed: '"Zip"', reason: 'Lambda@Edge does not support functions defined as container images' });
    }
    if (badRuntime) {
      out.push({ property: 'Runtime', value: `${show(runtime)} (${what})`, allowed: 'a Node.js or Python runtime (nodejs*, python*)', reason: 'Lambda@Edge supports the Node.js and Python runtimes only' });
    }
    if (pinned) {
      out.push({ property: 'RuntimeManagementConfig.UpdateRuntimeOn', value: `${show(updateOn)} (${what})`, allowed: `"${EDGE_FACTS.runtimeUpdateMode}" (or unset)`, reason: 'Lambda@Edge does not support runtime management configurations other than Auto' });
    }
    return out;
  },
};
