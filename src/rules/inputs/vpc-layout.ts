import { inputRule, Severity } from '../private/rule';

/** A BlueprintVpc spans 2–6 AZs with 1 NAT gateway up to one per AZ. */
export const BlueprintVpcLayout = inputRule('BlueprintVpcLayout', Severity.ERROR,
  'A BlueprintVpc spans a whole number of 2–6 Availability Zones (maxAzs) with 1 NAT gateway up to one per AZ (natGateways).');
