import { inputRule, Severity } from '../private/rule';

/** A function's VPC placement and the network calls that need one. */
export const LambdaNetworkPlacement = inputRule('LambdaNetworkPlacement', Severity.ERROR,
  'A function\'s VPC placement uses private subnets of its own VPC (routed to a NAT gateway when it asks for internet egress) and security groups of that VPC; connections, targets and IPv6 only with a placement.');

/** An isolated placement whose subnets still route to a NAT gateway. */
export const LambdaIsolatedInNatSubnets = inputRule('LambdaIsolatedInNatSubnets', Severity.WARNING,
  'A placement without internet (isolated) is in subnets without a route to a NAT gateway, so routing enforces it.');

/** A placement in an imported VPC whose route tables are unknown. */
export const LambdaNatEgressUnverified = inputRule('LambdaNatEgressUnverified', Severity.WARNING,
  'A placement with internet egress in an imported VPC whose route tables are hidden cannot be verified to route 0.0.0.0/0 to a NAT gateway.');

/** A placement whose subnets are all in one AZ. */
export const LambdaSingleAvailabilityZone = inputRule('LambdaSingleAvailabilityZone', Severity.WARNING,
  'A function in a VPC has subnets in at least two Availability Zones.');
