import { NagMessageLevel } from 'cdk-nag';
import { LIMITS } from '../../../limits';
import { BlueprintRule, COMPLIANT, FUNCTION, NON_COMPLIANT, NOT_APPLICABLE } from '../rule';

/** At most 5 layers per function. */
export const LambdaLayerCount: BlueprintRule = {
  name: 'LambdaLayerCount',
  info: `The Lambda function uses more than ${LIMITS.layersPerFunction.max} layers.`,
  explanation: `${LIMITS.layersPerFunction.reason}; merge layers or bundle the dependencies into the function package.`,
  level: NagMessageLevel.ERROR,
  check: (e) => {
    if (e.type !== FUNCTION) return NOT_APPLICABLE;
    const layers = e.properties.Layers;
    if (layers === undefined) return COMPLIANT;
    if (!Array.isArray(layers)) return NOT_APPLICABLE;
    return layers.length > LIMITS.layersPerFunction.max ? NON_COMPLIANT : COMPLIANT;
  },
};
