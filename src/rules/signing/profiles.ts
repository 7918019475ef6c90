import { CODE_SIGNING_FACTS } from '../../limits';
import { CODE_SIGNING_CONFIG, FUNCTION, Rule, Severity } from '../private/rule';
import { isObject, refId } from '../private/template-index';

/** A code signing configuration names at most 20 signing profile versions. */
export const LambdaCodeSigningProfiles: Rule = {
  id: 'LambdaCodeSigningProfiles',
  severity: Severity.ERROR,
  summary: `A code signing configuration allows at most ${CODE_SIGNING_FACTS.maxSigningProfiles} signing profiles (AllowedPublishers.SigningProfileVersionArns).`,
  types: [CODE_SIGNING_CONFIG],
  check: (e, { index }) => {
    const publishers = e.properties.AllowedPublishers;
    const arns = isObject(publishers) ? publishers.SigningProfileVersionArns : undefined;
    if (!Array.isArray(arns) || arns.length <= CODE_SIGNING_FACTS.maxSigningProfiles) return [];
    return [{
      property: 'AllowedPublishers.SigningProfileVersionArns',
      value: `${arns.length} signing profile versions`,
      allowed: `at most ${CODE_SIGNING_FACTS.maxSigningProfiles}`,
      reason: `a code signing configuration holds up to ${CODE_SIGNING_FACTS.maxSigningProfiles} signing profiles`,
      involves: index.ofType(FUNCTION).filter(f => refId(f.properties.CodeSigningConfigArn) === e.logicalId),
    }];
  },
};
