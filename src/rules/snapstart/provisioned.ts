import { SNAPSTART_FACTS } from '../../limits';
import { ALIAS, Rule, Severity, show, VERSION } from '../private/rule';
import { CfnEntry, isObject, knownString } from '../private/template-index';

/** Whether a function resource turns SnapStart on (`SnapStart.ApplyOn: PublishedVersions`). */
export function hasSnapStart(fn: CfnEntry): boolean {
  const snapStart = fn.properties.SnapStart;
  return isObject(snapStart) && knownString(snapStart.ApplyOn) === SNAPSTART_FACTS.applyOn;
}

/** A version or alias of a SnapStart function has no provisioned concurrency. */
export const LambdaSnapStartProvisioned: Rule = {
  id: 'LambdaSnapStartProvisioned',
  severity: Severity.ERROR,
  summary: 'A version or alias of a function with SnapStart (ApplyOn PublishedVersions) has no provisioned concurrency.',
  types: [ALIAS, VERSION],
  check: (e, { index }) => {
    const config = e.properties.ProvisionedConcurrencyConfig;
    if (!isObject(config)) return [];
    const fn = index.functionOf(e.properties.FunctionName);
    if (!fn || !hasSnapStart(fn)) return [];
    return [{
      property: 'ProvisionedConcurrencyConfig',
      value: `ProvisionedConcurrentExecutions ${show(config.ProvisionedConcurrentExecutions)} on a version of ${fn.path}, whose SnapStart.ApplyOn is ${show(SNAPSTART_FACTS.applyOn)}`,
      allowed: 'no provisioned concurrency on a SnapStart function (or SnapStart.ApplyOn "None")',
      reason: 'Lambda does not support SnapStart together with provisioned concurrency',
      involves: [fn],
    }];
  },
};
