import { edgeUsesOf, eventTypesOf } from './associations';
import { FUNCTION, Rule, Severity, show } from '../private/rule';

/** A Lambda@Edge function uses no layers. */
export const LambdaEdgeLayers: Rule = {
  id: 'LambdaEdgeLayers',
  severity: Severity.ERROR,
  summary: 'A Lambda@Edge function uses no layers.',
  types: [FUNCTION],
  check: (e, { index }) => {
    const layers = e.properties.Layers;
    if (layers === undefined || (Array.isArray(layers) && layers.length === 0)) return [];
    const uses = edgeUsesOf(index, e);
    if (!uses.length) return [];
    return [{
      property: 'Layers',
      value: `${show(layers)} (a Lambda@Edge ${eventTypesOf(uses)} trigger)`,
      allowed: 'no layers (bundle the dependencies into the function package)',
      reason: 'Lambda@Edge does not support functions with layers',
    }];
  },
};
