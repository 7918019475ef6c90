import { NagMessageLevel } from 'cdk-nag';
import { TemplateIndex, isObject, knownString, refId } from '../../template-index';
import { BlueprintRule, COMPLIANT, FUNCTION, NON_COMPLIANT, NOT_APPLICABLE } from '../rule';

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

/** A VPC function sits in subnets routed to a NAT gateway, never to an internet gateway. */
export const LambdaInternetGatewaySubnet: BlueprintRule = {
  name: 'LambdaInternetGatewaySubnet',
  info: 'The VPC Lambda function is placed in a subnet whose route table routes to an internet gateway (a public subnet).',
  explanation: 'A VPC function never gets a public IP, even in a public subnet: it reaches neither the internet nor AWS endpoints from there. Place it in private subnets routed to a NAT gateway, or in isolated subnets with VPC endpoints.',
  level: NagMessageLevel.ERROR,
  check: (e, index) => {
    if (e.type !== FUNCTION || !isObject(e.properties.VpcConfig)) return NOT_APPLICABLE;
    const subnets = e.properties.VpcConfig.SubnetIds;
    if (!Array.isArray(subnets)) return NOT_APPLICABLE;
    const ids = subnets.map(s => index.target(s)).filter(t => t?.type === 'AWS::EC2::Subnet').map(t => t!.logicalId);
    if (ids.some(id => routesToInternetGateway(index, id))) return NON_COMPLIANT;
    return ids.length === subnets.length ? COMPLIANT : NOT_APPLICABLE;
  },
};
