import { PACKAGE_FACTS } from '../../limits';
import { knownImageUri } from '../private/image-uri';
import { Finding, FUNCTION, Rule, Severity, show } from '../private/rule';
import { isObject, knownString } from '../private/template-index';

const ALLOWED = 'an image in an Amazon ECR repository (<account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<digest> or :<tag>)';

/**
 * A function image comes from Amazon ECR in the function's own account and region, and an image function
 * has no layers (Lambda does not extract layers into images).
 */
export const LambdaImageUri: Rule = {
  id: 'LambdaImageUri',
  severity: Severity.ERROR,
  summary: 'A container image comes from Amazon ECR in the function\'s account and region, an image function has no layers, and Runtime.FROM_IMAGE goes with image code only.',
  types: [FUNCTION],
  check: (e, { index }) => {
    const code = e.properties.Code;
    if (!isObject(code) || code.ImageUri === undefined) return [];
    const out: Finding[] = [];
    if (Array.isArray(e.properties.Layers) && e.properties.Layers.length > 0) {
      out.push({ property: 'Layers', value: `${e.properties.Layers.length} layer(s) on a container image function`, allowed: 'no layers', reason: 'Lambda does not extract layers into container images; copy their content into the image instead' });
    }
    const uri = knownImageUri(code.ImageUri);
    if (uri === undefined) return out;
    const m = PACKAGE_FACTS.ecrImageUri.exec(uri);
    if (!m) return [...out, { property: 'Code.ImageUri', value: show(uri), allowed: ALLOWED, reason: 'Lambda pulls function images from Amazon ECR private repositories only' }];
    const account = knownString(index.stack.account);
    const region = knownString(index.stack.region);
    if (account !== undefined && m[1] !== account) {
      out.push({ property: 'Code.ImageUri', value: `${show(uri)} (account ${m[1]})`, allowed: `an ECR repository of the function's account (${account})`, reason: 'the product deploys function images from ECR in the same account' });
    }
    if (region !== undefined && m[2] !== region) {
      out.push({ property: 'Code.ImageUri', value: `${show(uri)} (region ${m[2]})`, allowed: `an ECR repository of the function's region (${region})`, reason: 'Lambda pulls a function image from the function\'s own region' });
    }
    return out;
  },
};
