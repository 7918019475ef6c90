import { hasSnapStart } from './provisioned';
import { SNAPSTART_FACTS } from '../../limits';
import { imageBuildOf } from '../private/dockerfile';
import { FUNCTION, Rule, Severity, show } from '../private/rule';

/** Whether an image is an AWS base image whose version supports SnapStart as it is. */
export function isSnapStartBaseImage(image: string): boolean {
  const m = SNAPSTART_FACTS.baseImage.exec(image);
  if (!m) return false;
  const version = m[2].split('.').map(Number);
  const min = SNAPSTART_FACTS.baseImageMinimum[m[1]];
  for (let i = 0; i < min.length; i++) {
    if ((version[i] ?? 0) !== min[i]) return (version[i] ?? 0) > min[i];
  }
  return true;
}

/**
 * A SnapStart function's image, when it is an asset of the app, is an AWS base image for Java 11+,
 * Python 3.12+ or .NET 8+, or carries the SnapStart label. A warning: an image may implement the runtime
 * API's restore hooks instead. An image from ECR (not built by the app) is not judged.
 */
export const LambdaSnapStartImage: Rule = {
  id: 'LambdaSnapStartImage',
  severity: Severity.WARNING,
  summary: `The image of a SnapStart function built by the app starts from an AWS base image for Java 11+, Python 3.12+ or .NET 8+, or has LABEL ${SNAPSTART_FACTS.imageLabel}="${SNAPSTART_FACTS.imageLabelValue}" (or implements the restore hooks: acknowledge).`,
  types: [FUNCTION],
  check: (e, { index }) => {
    if (!hasSnapStart(e)) return [];
    const build = imageBuildOf(index, e);
    if (!build || build.base === undefined || isSnapStartBaseImage(build.base)) return [];
    if (build.labels.get(SNAPSTART_FACTS.imageLabel) === SNAPSTART_FACTS.imageLabelValue) return [];
    return [{
      property: 'SnapStart.ApplyOn',
      value: `${show(SNAPSTART_FACTS.applyOn)} on an image built FROM ${show(build.base)} (${build.label}) without LABEL ${SNAPSTART_FACTS.imageLabel}="${SNAPSTART_FACTS.imageLabelValue}"`,
      allowed: `an AWS base image for Java 11+, Python 3.12+ or .NET 8+, the label ${SNAPSTART_FACTS.imageLabel}="${SNAPSTART_FACTS.imageLabelValue}", or an image that implements the runtime API's restore hooks (acknowledge this warning)`,
      reason: 'Lambda snapshots other images only when they declare SnapStart support through the label or the hooks; otherwise publishing a version fails',
    }];
  },
};
