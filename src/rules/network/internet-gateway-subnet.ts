import { FUNCTION, Rule, Severity } from '../private/rule';
import { isObject, knownString, refId, TemplateIndex } from '../private/template-index';

/** Whether a subnet (by logical id) is associated with a route table that routes to an internet gateway. */
export function routesToInternetGateway(index: TemplateIndex, subnetId: string): boolean {
  const tables = index.ofType('AWS::EC2::SubnetRouteTableAssociation')
    .filter(a => refId(a.properties.SubnetId) === subnetId)
    .map(a => refId(a.properties.RouteTableId))
    .filter((t): t is string => t !== undefined);
  return index.ofType('AWS::EC2::Route').some(route => {
    const table = refId(route.properties.RouteTableId);
    if (table === undefined || !tables.includes(table)) return false;
    const gateway = route.properties.GatewayId;
    return index.target(gateway)?.type === 'AWS::EC2::InternetGateway' || (knownString(gateway) ?? '').startsWith('igw-');
  });
}

/** What the rule allows and why: also the words of the construct's check of subnets the template cannot show. */
export const PUBLIC_SUBNET_FINDING = {
  allowed: 'private subnets routed to a NAT gateway, or isolated subnets with VPC endpoints',
  reason: 'a VPC function never gets a public IP, so from a public subnet it reaches neither the internet nor AWS endpoints',
} as const;

/** A VPC function sits in subnets routed to a NAT gateway or isolated, never to an internet gateway. */
export const LambdaInternetGatewaySubnet: Rule = {
  id: 'LambdaInternetGatewaySubnet',
  severity: Severity.ERROR,
  summary: 'A VPC function is not placed in a public subnet (one routed to an internet gateway).',
  types: [FUNCTION],
  check: (e, { index }) => {
    if (!isObject(e.properties.VpcConfig) || !Array.isArray(e.properties.VpcConfig.SubnetIds)) return [];
    const publicSubnets = e.properties.VpcConfig.SubnetIds.map((s: unknown) => index.target(s))
      .filter((t: any) => t?.type === 'AWS::EC2::Subnet' && routesToInternetGateway(index, t.logicalId));
    if (publicSubnets.length === 0) return [];
    return [{
      property: 'VpcConfig.SubnetIds',
      value: `public subnets ${publicSubnets.map((s: any) => s.path).join(', ')}`,
      ...PUBLIC_SUBNET_FINDING,
    }];
  },
};
