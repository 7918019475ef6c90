import { Token } from 'aws-cdk-lib';
import { runtimeManagementOf } from './runtime-management';
import { RUNTIME_MANAGEMENT_FACTS } from '../../limits';
import { FUNCTION, Rule, Severity, show } from '../private/rule';
import { knownString } from '../private/template-index';

/**
 * A pinned runtime version is of the stack's region. A warning: that Lambda refuses another region's
 * runtime version is not documented; the ARN names a region. Not judged when the stack's region is a token.
 */
export const LambdaRuntimeVersionRegion: Rule = {
  id: 'LambdaRuntimeVersionRegion',
  severity: Severity.WARNING,
  summary: 'RuntimeManagementConfig.RuntimeVersionArn names the stack\'s region (not judged for an environment-agnostic stack).',
  types: [FUNCTION],
  check: (e, { index }) => {
    const arn = knownString(runtimeManagementOf(e.properties)?.RuntimeVersionArn);
    const region = index.stack.region;
    const named = arn === undefined ? undefined : RUNTIME_MANAGEMENT_FACTS.versionArn.exec(arn)?.[2];
    if (named === undefined || Token.isUnresolved(region) || named === region) return [];
    return [{
      property: 'RuntimeManagementConfig.RuntimeVersionArn',
      value: `${show(arn)} (region ${named})`,
      allowed: `a runtime version of the stack's region, ${region}`,
      reason: 'a runtime version ARN is regional, and the function runs in the stack\'s region',
    }];
  },
};
