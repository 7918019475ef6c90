import { CODE_SIGNING_FACTS } from '../../limits';
import { FUNCTION, Rule, Severity, show } from '../private/rule';
import { knownString } from '../private/template-index';

/** A container image function has no code signing configuration. */
export const LambdaCodeSigningImage: Rule = {
  id: 'LambdaCodeSigningImage',
  severity: Severity.ERROR,
  summary: 'A container image function (PackageType Image) has no CodeSigningConfigArn.',
  types: [FUNCTION],
  check: e => {
    const arn = e.properties.CodeSigningConfigArn;
    if (arn === undefined || knownString(e.properties.PackageType) !== CODE_SIGNING_FACTS.unsupportedPackageType) return [];
    return [{
      property: 'CodeSigningConfigArn',
      value: `${show(arn)} on a container image function (PackageType ${show(CODE_SIGNING_FACTS.unsupportedPackageType)})`,
      allowed: 'no code signing configuration on a container image function (sign .zip packages)',
      reason: 'Lambda does not support code signing for functions defined as container images',
    }];
  },
};
