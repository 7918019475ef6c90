import { edgeUsesOf, eventTypesOf } from './associations';
import { FUNCTION, Rule, Severity, show } from '../private/rule';
import { isObject } from '../private/template-index';

/** A Lambda@Edge function is not placed in a VPC. */
export const LambdaEdgeVpc: Rule = {
  id: 'LambdaEdgeVpc',
  severity: Severity.ERROR,
  summary: 'A Lambda@Edge function has no VpcConfig (subnets or security groups).',
  types: [FUNCTION],
  check: (e, { index }) => {
    const vpc = e.properties.VpcConfig;
    if (!isObject(vpc)) return [];
    const subnets = vpc.SubnetIds;
    if (Array.isArray(subnets) && subnets.length === 0 && !(Array.isArray(vpc.SecurityGroupIds) && vpc.SecurityGroupIds.length)) return [];
    const uses = edgeUsesOf(index, e);
    if (!uses.length) return [];
    return [{
      property: 'VpcConfig',
      value: `${show(vpc)} (a Lambda@Edge ${eventTypesOf(uses)} trigger)`,
      allowed: 'no VpcConfig',
      reason: 'Lambda@Edge runs the function at CloudFront edge locations and does not support access to resources inside a VPC',
    }];
  },
};
