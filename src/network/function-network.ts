import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { BlueprintVpcEndpoints } from './endpoints';

/**
 * A target the function talks to inside the VPC (RDS/Aurora, ElastiCache, an internal ALB…) and its port.
 */
export interface NetworkTarget {
  /**
   * The target: its security groups are opened to the function's on `port`, and the function's egress
   * to it is added.
   */
  readonly target: ec2.IConnectable;

  /**
   * The one port the function uses, e.g. `Port.tcp(5432)` for PostgreSQL.
   */
  readonly port: ec2.Port;
}

/**
 * Options of a function's VPC placement.
 */
export interface FunctionNetworkOptions {
  /**
   * Where the function's ENIs go. Private subnets only (a public subnet gives the function no public IP
   * and so no internet), in at least two AZs, all of the placement's VPC.
   * @default - the VPC's private-with-egress subnets for `privateEgress`; for `isolated`, its isolated
   * subnets (or its private-with-egress ones when it has no isolated subnets)
   * @see https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html
   */
  readonly subnets?: ec2.SubnetSelection;

  /**
   * Security groups of the function: 1 to 5, all of the placement's VPC. The same groups may be shared
   * by several functions: Lambda creates one Hyperplane ENI per subnet and security-group combination,
   * so sharing means fewer ENIs. Their egress rules are left as they are (targets and endpoints add
   * their own rules).
   * @default - one group per function with explicit egress only: HTTPS (443) and the declared targets
   */
  readonly securityGroups?: ec2.ISecurityGroup[];

  /**
   * Interface endpoints (PrivateLink) to add to the VPC for AWS services the function calls, e.g.
   * `InterfaceVpcEndpointAwsService.SQS`, `.SNS`, `.SECRETS_MANAGER`, `.SSM`, `.KMS`, `.STS`. Shared by
   * every function in the VPC; their security group admits 443 only from the functions' groups.
   * @default - none (AWS APIs other than S3 and DynamoDB are reached through NAT, or not at all when isolated)
   * @see https://docs.aws.amazon.com/vpc/latest/privatelink/aws-services-privatelink-support.html
   */
  readonly interfaceEndpoints?: ec2.InterfaceVpcEndpointAwsService[];

  /**
   * Add the S3 and DynamoDB gateway endpoints to the VPC (once per VPC, shared). Set false when an
   * imported VPC already has them: a second S3 or DynamoDB gateway endpoint on the same route tables
   * fails to deploy.
   * @default true
   */
  readonly gatewayEndpoints?: boolean;

  /**
   * Targets in the VPC the function talks to, each on one port: the target's security groups admit the
   * function's, and the function's egress to them is added. More can be added later with
   * `BlueprintFunction.connectTo`.
   * @default - none
   */
  readonly connectTo?: NetworkTarget[];
}

/**
 * Where a BlueprintFunction's ENIs go: private subnets of a VPC with or without internet egress.
 *
 * Outside a VPC (no `network`) a function reaches the internet and AWS APIs but no VPC resource. In a
 * VPC it reaches VPC resources, S3 and DynamoDB through gateway endpoints, other AWS services through
 * interface endpoints, and the internet only through a NAT gateway (`privateEgress`).
 *
 * @see https://docs.aws.amazon.com/lambda/latest/dg/foundation-networking.html
 */
export class FunctionNetwork {
  /**
   * Private subnets routed to a NAT gateway (or NAT instance) in a public subnet: the function reaches
   * the internet. Verified from the route tables when the VPC is defined in the app (isolated subnets
   * are refused), warned as unverifiable for imported VPCs.
   * @param vpc the VPC
   * @param options subnets, security groups, endpoints and targets
   */
  public static privateEgress(vpc: ec2.IVpc, options: FunctionNetworkOptions = {}): FunctionNetwork {
    return new FunctionNetwork(vpc, true, options);
  }

  /**
   * Private subnets without internet: AWS services only through the VPC endpoints (S3 and DynamoDB
   * gateway endpoints always, others on request with `interfaceEndpoints`).
   * @param vpc the VPC
   * @param options subnets, security groups, endpoints and targets
   */
  public static isolated(vpc: ec2.IVpc, options: FunctionNetworkOptions = {}): FunctionNetwork {
    return new FunctionNetwork(vpc, false, options);
  }

  /** The VPC. */
  public readonly vpc: ec2.IVpc;
  /** Whether the function needs internet egress through NAT. */
  public readonly internetEgress: boolean;
  /** The options. */
  public readonly options: FunctionNetworkOptions;

  private constructor(vpc: ec2.IVpc, internetEgress: boolean, options: FunctionNetworkOptions) {
    this.vpc = vpc;
    this.internetEgress = internetEgress;
    this.options = options;
  }
}

/**
 * Where a BlueprintFunction was placed: every network part it uses or created.
 */
export interface NetworkPlacement {
  /** The VPC. */
  readonly vpc: ec2.IVpc;
  /** The subnets of the function's ENIs. */
  readonly subnets: ec2.ISubnet[];
  /** The function's security groups. */
  readonly securityGroups: ec2.ISecurityGroup[];
  /** The security group the blueprint created, when none was given. */
  readonly securityGroup?: ec2.SecurityGroup;
  /** The connections of the function (all its security groups). */
  readonly connections: ec2.Connections;
  /** The VPC's shared endpoints, when the placement adds any. */
  readonly endpoints?: BlueprintVpcEndpoints;
  /** Whether the function has internet egress through NAT. */
  readonly internetEgress: boolean;
}
