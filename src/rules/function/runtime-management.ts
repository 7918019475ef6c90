import { RUNTIME_MANAGEMENT_FACTS } from '../../limits';
import { checkLimit, Finding, fmt, FUNCTION, Rule, Severity, show } from '../private/rule';
import { isObject, knownString } from '../private/template-index';

const ARN_FORM = 'arn:<partition>:lambda:<region>::runtime:<id>';

/** The runtime management config of a function, when the template spells it out. */
export function runtimeManagementOf(properties: Record<string, any>): Record<string, any> | undefined {
  const config = properties.RuntimeManagementConfig;
  return isObject(config) ? config : undefined;
}

function arnFindings(arn: unknown): Finding[] {
  const s = knownString(arn);
  if (s === undefined) return [];
  const property = 'RuntimeManagementConfig.RuntimeVersionArn';
  const length = checkLimit(property, s.length, RUNTIME_MANAGEMENT_FACTS.versionArnLength);
  if (length.length) return length.map(f => ({ ...f, value: `${show(s)} (${fmt(s.length)} characters)` }));
  if (RUNTIME_MANAGEMENT_FACTS.versionArn.test(s)) return [];
  return [{ property, value: show(s), allowed: `a runtime version ARN, ${ARN_FORM}`, reason: 'Lambda accepts only the ARN of a runtime version (no account field)' }];
}

/** RuntimeManagementConfig: a known mode, a runtime version ARN for Manual, ARNs of the documented form. */
export const LambdaRuntimeManagement: Rule = {
  id: 'LambdaRuntimeManagement',
  severity: Severity.ERROR,
  summary: `RuntimeManagementConfig.UpdateRuntimeOn is Auto, FunctionUpdate or Manual; Manual names a RuntimeVersionArn of the form ${ARN_FORM}.`,
  types: [FUNCTION],
  check: e => {
    const config = runtimeManagementOf(e.properties);
    if (!config) return [];
    const mode = knownString(config.UpdateRuntimeOn);
    const out: Finding[] = [];
    if (mode !== undefined && !RUNTIME_MANAGEMENT_FACTS.modes.includes(mode)) {
      out.push({ property: 'RuntimeManagementConfig.UpdateRuntimeOn', value: show(mode), allowed: RUNTIME_MANAGEMENT_FACTS.modes.map(m => show(m)).join(', '), reason: 'Lambda knows only these runtime update modes' });
    }
    if (mode === RUNTIME_MANAGEMENT_FACTS.manual && config.RuntimeVersionArn === undefined) {
      out.push({ property: 'RuntimeManagementConfig.RuntimeVersionArn', value: 'not set with UpdateRuntimeOn "Manual"', allowed: `the ARN of the runtime version to pin, ${ARN_FORM}`, reason: 'Manual mode pins the function to the runtime version that ARN names' });
    }
    return [...out, ...arnFindings(config.RuntimeVersionArn)];
  },
};
