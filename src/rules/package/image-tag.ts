import { PACKAGE_FACTS } from '../../limits';
import { knownImageUri } from '../private/image-uri';
import { FUNCTION, Rule, Severity, show } from '../private/rule';
import { isObject } from '../private/template-index';

/** What CDK tags image assets with: their content hash, so a new image is a new tag. */
const ASSET_TAG = /^[0-9a-f]{64}$/;

/** A function image named by a tag (not a digest or a content-hashed asset tag) is warned. */
export const LambdaImageTag: Rule = {
  id: 'LambdaImageTag',
  severity: Severity.WARNING,
  summary: 'A container image from ECR is named by its digest (or a content-hashed asset tag), not by a tag that can move.',
  types: [FUNCTION],
  check: e => {
    const code = e.properties.Code;
    if (!isObject(code)) return [];
    const uri = knownImageUri(code.ImageUri);
    const tag = uri === undefined ? undefined : PACKAGE_FACTS.ecrImageUri.exec(uri)?.[4];
    if (tag === undefined || ASSET_TAG.test(tag)) return [];
    return [{
      property: 'Code.ImageUri',
      value: `${show(uri)} (tag ${show(tag)})`,
      allowed: 'an image digest (<repository>@sha256:<digest>, BlueprintCode.fromEcr(repository, \'sha256:…\'))',
      reason: 'CloudFormation does not update the function when the tag moves to a new image',
    }];
  },
};
