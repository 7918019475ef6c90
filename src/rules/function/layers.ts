import { LAYER_VERSION_ARN_PATTERN, LIMITS } from '../../limits';
import { checkLimit, Finding, FUNCTION, Rule, Severity, show } from '../private/rule';
import { knownString } from '../private/template-index';

function arnFindings(arn: string, region: string | undefined, seen: Set<string>): Finding[] {
  const m = LAYER_VERSION_ARN_PATTERN.exec(arn);
  if (!m) return [{ property: 'Layers', value: show(arn), allowed: 'a layer version ARN (arn:aws:lambda:<region>:<account>:layer:<name>:<version>)', reason: 'Lambda attaches layer versions by ARN only' }];
  const out: Finding[] = [];
  if (region !== undefined && m[1] !== region) {
    out.push({ property: 'Layers', value: `${show(arn)} (region ${m[1]})`, allowed: `a layer version in the function's region (${region})`, reason: 'a function can only use layers of its own region' });
  }
  if (seen.has(arn)) out.push({ property: 'Layers', value: `${show(arn)} twice`, allowed: 'each layer version once', reason: 'Lambda refuses a function that lists the same layer version twice' });
  seen.add(arn);
  return out;
}

/** At most 5 layers, each a layer version ARN of the function's region, none twice. */
export const LambdaLayers: Rule = {
  id: 'LambdaLayers',
  severity: Severity.ERROR,
  summary: 'At most 5 layers, each a layer version ARN of the function\'s region, none listed twice.',
  types: [FUNCTION],
  check: (e, { index }) => {
    const layers = e.properties.Layers;
    if (!Array.isArray(layers)) return [];
    const region = knownString(index.stack.region);
    const seen = new Set<string>();
    const out = checkLimit('Layers (count)', layers.length, LIMITS.layersPerFunction);
    for (const layer of layers) {
      const arn = knownString(layer);
      if (arn !== undefined) out.push(...arnFindings(arn, region, seen));
    }
    return out;
  },
};
