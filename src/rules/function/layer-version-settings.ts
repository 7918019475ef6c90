import { LIMITS } from '../../limits';
import { asArray } from '../private/iam';
import { checkLimit, Rule, Severity } from '../private/rule';
import { knownString } from '../private/template-index';

/** A layer version. */
export const LAYER_VERSION = 'AWS::Lambda::LayerVersion';

/** A layer version's licence is 1–512 characters; it declares at most 15 runtimes and 2 architectures. */
export const LambdaLayerVersionSettings: Rule = {
  id: 'LambdaLayerVersionSettings',
  severity: Severity.ERROR,
  summary: 'A layer version has a licence of at most 512 characters and declares at most 15 compatible runtimes and 2 architectures.',
  types: [LAYER_VERSION],
  check: e => {
    const license = knownString(e.properties.LicenseInfo);
    const runtimes = e.properties.CompatibleRuntimes;
    const architectures = e.properties.CompatibleArchitectures;
    return [
      ...(license === undefined ? [] : checkLimit('LicenseInfo (length)', license.length, LIMITS.layerLicenseLength)),
      ...(Array.isArray(runtimes) ? checkLimit('CompatibleRuntimes (count)', asArray(runtimes).length, LIMITS.compatibleRuntimesPerLayer) : []),
      ...(Array.isArray(architectures) ? checkLimit('CompatibleArchitectures (count)', asArray(architectures).length, LIMITS.compatibleArchitecturesPerLayer) : []),
    ];
  },
};
