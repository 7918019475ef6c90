import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';

/** How a subnet reaches the internet, as far as the app can tell. */
export enum SubnetRoute {
  /** Default route to an internet gateway: a public subnet (a function there has no public IP). */
  INTERNET_GATEWAY = 'internet gateway',
  /** Default route to a NAT gateway or instance (or a transit gateway / ENI that egresses). */
  NAT = 'NAT',
  /** No default route: isolated. */
  NONE = 'none',
  /** Imported subnet whose routes the app cannot see. */
  UNKNOWN = 'unknown',
}

const ANYWHERE = '0.0.0.0/0';

/** Whether a construct is defined in the app (its L1 resources are visible), as opposed to imported. */
function hasCfn<T>(c: IConstruct, type: new (...a: any[]) => T): T | undefined {
  const child = c.node.defaultChild;
  return child instanceof type ? child : undefined;
}

function idsOf(subnets: ec2.ISubnet[]): string[] {
  return subnets.map(s => s.subnetId);
}

/** Classifies the default route of a subnet: from its route resources when defined in the app. */
export function routeOf(vpc: ec2.IVpc, subnet: ec2.ISubnet): SubnetRoute {
  const id = subnet.subnetId;
  if (subnet instanceof ec2.PublicSubnet || idsOf(vpc.publicSubnets).includes(id)) return SubnetRoute.INTERNET_GATEWAY;
  if (hasCfn(subnet, ec2.CfnSubnet)) {
    const routes = subnet.node.children.filter((c): c is ec2.CfnRoute => c instanceof ec2.CfnRoute);
    const defaultRoute = routes.find(r => r.destinationCidrBlock === ANYWHERE);
    if (!defaultRoute) return SubnetRoute.NONE;
    if (defaultRoute.gatewayId) return SubnetRoute.INTERNET_GATEWAY;
    return SubnetRoute.NAT;
  }
  if (idsOf(vpc.isolatedSubnets).includes(id)) return SubnetRoute.NONE;
  return SubnetRoute.UNKNOWN;
}

/**
 * Whether a subnet belongs to the VPC: `false` only when the app can tell it does not (its VPC id
 * differs, or the VPC lists its subnets and this one is not among them).
 */
export function belongsTo(vpc: ec2.IVpc, subnet: ec2.ISubnet): boolean {
  const cfn = hasCfn(subnet, ec2.CfnSubnet);
  if (cfn) return sameId(cfn.vpcId, vpc.vpcId);
  const known = idsOf([...vpc.publicSubnets, ...vpc.privateSubnets, ...vpc.isolatedSubnets]);
  if (known.length === 0 || Token.isUnresolved(subnet.subnetId)) return true;
  return known.includes(subnet.subnetId);
}

/** Whether a security group belongs to the VPC (`true` when the app cannot tell, e.g. imported groups). */
export function groupBelongsTo(vpc: ec2.IVpc, group: ec2.ISecurityGroup): boolean {
  const cfn = hasCfn(group, ec2.CfnSecurityGroup);
  if (!cfn || cfn.vpcId === undefined) return true;
  return sameId(cfn.vpcId, vpc.vpcId);
}

/** Two ids are different when both are literals that differ, or both are different references. */
function sameId(a: string, b: string): boolean {
  if (a === b) return true;
  return Token.isUnresolved(a) !== Token.isUnresolved(b);
}

/** The AZ of a subnet, or undefined when unknown at synth (imported without AZ, or a token). */
export function azOf(subnet: ec2.ISubnet): string | undefined {
  try {
    const az = subnet.availabilityZone;
    return Token.isUnresolved(az) ? undefined : az;
  } catch {
    return undefined;
  }
}
