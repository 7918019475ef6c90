import { Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { LIMITS } from '../limits';
import { BlueprintVpcEndpoints } from './endpoints';
import { FunctionNetwork, FunctionNetworkOptions } from './function-network';
import { isToken } from '../core/private/tokens';
import { NagAcknowledgements } from '../nag/acknowledge';
import { BlueprintVpcLayout } from '../rules/inputs';
import { checkInputs } from '../rules/private/inputs';
import { defaultOf } from '../standards/private/registry';

/**
 * Properties of a `BlueprintVpc`.
 */
export interface BlueprintVpcProps {
  /**
   * How many AZs the VPC spans: a whole number from 2 to 6. Environment-agnostic stacks see only two AZs.
   * @default 2
   * @see https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html
   */
  readonly maxAzs?: number;

  /**
   * NAT gateways, a whole number from 1 to `maxAzs`. One per AZ keeps egress up when an AZ fails; one
   * is enough (and cheaper) for development.
   * @default - one per AZ
   * @see https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html
   */
  readonly natGateways?: number;

  /**
   * The VPC's IPv4 range.
   * @default IpAddresses.cidr('10.0.0.0/16')
   */
  readonly ipAddresses?: ec2.IIpAddresses;

  /**
   * Add isolated subnets (no route to the internet) next to the public and private ones: for databases
   * and for functions placed with `isolated()`, whose "no internet" is then enforced by routing.
   * @default true
   */
  readonly isolatedSubnets?: boolean;

  /**
   * Interface endpoints to add next to the S3 and DynamoDB gateway endpoints (shared with every
   * function placed in the VPC).
   * @default - none
   */
  readonly interfaceEndpoints?: ec2.InterfaceVpcEndpointAwsService[];

  /**
   * Retention of the flow logs (all traffic, to CloudWatch Logs).
   * @default RetentionDays.ONE_MONTH
   */
  readonly flowLogRetention?: logs.RetentionDays;
}

/**
 * A ready VPC for Lambda: two or more AZs, public subnets holding the NAT gateways, private subnets
 * with egress through them for the functions, isolated subnets without internet, flow logs on, and the shared S3 and DynamoDB gateway
 * endpoints (no NAT traffic for those).
 *
 * Place functions with `vpc.privateEgress()` / `vpc.isolated()` or `FunctionNetwork.privateEgress(vpc.vpc)`.
 */
export class BlueprintVpc extends Construct {
  /** The VPC. */
  public readonly vpc: ec2.Vpc;
  /** The VPC's shared endpoints. */
  public readonly endpoints: BlueprintVpcEndpoints;
  /** The flow log (all traffic). */
  public readonly flowLog: ec2.FlowLog;
  /** The flow log's log group. */
  public readonly flowLogGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: BlueprintVpcProps = {}) {
    super(scope, id);
    const maxAzs = props.maxAzs ?? LIMITS.vpcAvailabilityZones.min;
    const natGateways = props.natGateways ?? maxAzs;
    // Reading stack.availabilityZones makes aws-cdk-lib acknowledge CloudFormation-Validate::W3010 on the
    // whole stack (and cdk-nag's metadata aspect then writes it into every resource). Acknowledge it only
    // on the subnets, the resources that carry availability zones, and only when those are literal.
    const stack = Stack.of(this);
    (stack as unknown as { azLiteralWarningSilenced?: boolean }).azLiteralWarningSilenced = true;
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: props.ipAddresses,
      maxAzs: usable(maxAzs, LIMITS.vpcAvailabilityZones.min),
      natGateways: usable(natGateways, LIMITS.natGateways.min),
      subnetConfiguration: [
        { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 20 },
        ...(props.isolatedSubnets ?? true ? [{ name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 22 }] : []),
      ],
    });
    this.flowLogGroup = new logs.LogGroup(this, 'FlowLogGroup', { retention: props.flowLogRetention ?? logs.RetentionDays.ONE_MONTH, encryptionKey: defaultOf(this, 'logGroupEncryptionKey')?.value });
    this.flowLog = this.vpc.addFlowLog('FlowLog', {
      destination: ec2.FlowLogDestination.toCloudWatchLogs(this.flowLogGroup),
      trafficType: ec2.FlowLogTrafficType.ALL,
    });

    if (stack.availabilityZones.some(az => !Token.isUnresolved(az))) {
      for (const subnet of [...this.vpc.publicSubnets, ...this.vpc.privateSubnets, ...this.vpc.isolatedSubnets]) {
        const cfnSubnet = subnet.node.defaultChild as ec2.CfnSubnet;
        NagAcknowledgements.add(cfnSubnet, 'CloudFormation-Validate::W3010', LITERAL_AZ_REASON);
        // cfn-lint reads its own metadata: the same acknowledgement, on the same resource only.
        cfnSubnet.addMetadata('cfn-lint', { config: { ignore_checks: ['W3010'] } });
      }
    }

    this.endpoints = BlueprintVpcEndpoints.of(this, this.vpc);
    this.endpoints.addGatewayEndpoints();
    for (const service of props.interfaceEndpoints ?? []) this.endpoints.addInterfaceEndpoint(service);

    checkInputs(this, BlueprintVpcLayout, p => {
      const azsOk = p.limit('maxAzs', maxAzs, 'vpcAvailabilityZones');
      const natMax = azsOk && !isToken(maxAzs) ? maxAzs : LIMITS.natGateways.max;
      p.limit('natGateways', natGateways, { ...LIMITS.natGateways, max: Math.max(natMax, LIMITS.natGateways.min) });
    });
  }

  /**
   * A placement in the private subnets, with internet egress through the NAT gateways.
   * @param options security groups, endpoints and targets
   */
  public privateEgress(options: FunctionNetworkOptions = {}): FunctionNetwork {
    return FunctionNetwork.privateEgress(this.vpc, options);
  }

  /**
   * A placement without internet: in the isolated subnets (the private ones when `isolatedSubnets` is
   * false), AWS services through the endpoints.
   * @param options subnets, security groups, endpoints and targets
   */
  public isolated(options: FunctionNetworkOptions = {}): FunctionNetwork {
    return FunctionNetwork.isolated(this.vpc, options);
  }
}

const LITERAL_AZ_REASON = 'The subnet\'s availability zone is one of the stack\'s (stack.availabilityZones, from the cdk.context.json lookup for its account and region), not a zone typed by hand.';

/** A value the L2 accepts, so that an out-of-range value is reported with the others instead of thrown. */
function usable(value: number, min: number): number {
  if (isToken(value)) return value;
  return Number.isFinite(value) && value >= min ? Math.floor(value) : min;
}
