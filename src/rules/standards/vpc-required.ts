import { setting, standardFinding } from './helpers';
import { FUNCTION, Rule, Severity, show } from '../private/rule';

/** The function is placed in a VPC when a standard in force requires it. */
export const StandardVpcRequired: Rule = {
  id: 'StandardVpcRequired',
  severity: Severity.ERROR,
  summary: 'VpcConfig.SubnetIds is set when the platform standards in force require a VPC.',
  types: [FUNCTION],
  standard: true,
  check: (e, ctx) => {
    const subnets = e.properties.VpcConfig?.SubnetIds;
    if (subnets !== undefined && !(Array.isArray(subnets) && subnets.length === 0)) return [];
    return setting(ctx, 'requireVpc').map(({ standard }) => standardFinding(standard, 'VpcConfig.SubnetIds',
      subnets === undefined ? 'not set' : show(subnets), 'private subnets of a VPC', 'the platform reaches its data and egress controls only inside its VPCs'));
  },
};
