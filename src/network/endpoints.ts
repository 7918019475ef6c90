import { Names, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct, IConstruct } from 'constructs';
import { childSingleton, stackSingleton } from '../core/private/stack-registry';

/** The port every AWS API endpoint listens on. */
const HTTPS = 443;

/**
 * The VPC endpoints of one VPC, shared by every blueprint placed in it.
 *
 * S3 and DynamoDB are reached through free gateway endpoints (no NAT traffic, no NAT cost); other AWS
 * services through interface endpoints (PrivateLink) added on request. All interface endpoints share
 * one security group that admits HTTPS (443) only from the security groups of the functions that use
 * them. Get the instance with `BlueprintVpcEndpoints.of(scope, vpc)`: it is created once per VPC — under
 * the VPC when the VPC is defined in the app, at the root of the caller's stack under an id derived from
 * the VPC id when it is imported — so any number of functions and constructs share it without clashes.
 *
 * @see https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html
 */
export class BlueprintVpcEndpoints extends Construct {
  /**
   * The shared endpoints of `vpc`, created on first use.
   * @param scope a construct of the stack that needs the endpoints (used for imported VPCs)
   * @param vpc the VPC
   */
  public static of(scope: IConstruct, vpc: ec2.IVpc): BlueprintVpcEndpoints {
    const create = (parent: Construct, id: string) => new BlueprintVpcEndpoints(parent, id, vpc);
    if (isDefinedInApp(vpc)) return childSingleton(vpc as unknown as Construct, 'BlueprintEndpoints', create);
    const vpcId = Token.isUnresolved(vpc.vpcId) ? Names.uniqueId(vpc) : vpc.vpcId;
    return stackSingleton(scope, `BlueprintEndpoints-${vpcId.replace(/[^a-zA-Z0-9-]/g, '')}`, create);
  }

  /** The VPC the endpoints belong to. */
  public readonly vpc: ec2.IVpc;

  private readonly gateways = new Map<string, ec2.IGatewayVpcEndpoint>();
  private readonly interfaces = new Map<string, ec2.InterfaceVpcEndpoint>();
  private readonly httpsPeers: ec2.IConnectable[] = [];
  private endpointSecurityGroup?: ec2.SecurityGroup;

  private constructor(scope: Construct, id: string, vpc: ec2.IVpc) {
    super(scope, id);
    this.vpc = vpc;
  }

  /**
   * The security group of every interface endpoint (ingress 443 from the functions' groups only);
   * created with the first interface endpoint.
   */
  public get securityGroup(): ec2.SecurityGroup | undefined {
    return this.endpointSecurityGroup;
  }

  /** The S3 gateway endpoint (created on first call). */
  public get s3(): ec2.IGatewayVpcEndpoint {
    return this.gateway('S3', ec2.GatewayVpcEndpointAwsService.S3);
  }

  /** The DynamoDB gateway endpoint (created on first call). */
  public get dynamoDb(): ec2.IGatewayVpcEndpoint {
    return this.gateway('DynamoDB', ec2.GatewayVpcEndpointAwsService.DYNAMODB);
  }

  /** The interface endpoints created so far, by service short name (e.g. `sqs`). */
  public get interfaceEndpoints(): { [shortName: string]: ec2.InterfaceVpcEndpoint } {
    return Object.fromEntries(this.interfaces);
  }

  /** Adds the S3 and DynamoDB gateway endpoints (once). */
  public addGatewayEndpoints(): void {
    void this.s3;
    void this.dynamoDb;
  }

  /**
   * The interface endpoint of a service, created once with private DNS in one subnet per AZ.
   * @param service e.g. `InterfaceVpcEndpointAwsService.SQS`
   * @param subnets where to place it, when it does not exist yet
   * @default subnets - the VPC's private subnets (isolated when it has no private-with-egress ones), one per AZ
   */
  public addInterfaceEndpoint(service: ec2.InterfaceVpcEndpointAwsService, subnets?: ec2.SubnetSelection): ec2.InterfaceVpcEndpoint {
    const existing = this.interfaces.get(service.shortName);
    if (existing) return existing;
    const endpoint = new ec2.InterfaceVpcEndpoint(this, `Endpoint-${service.shortName.replace(/[^a-zA-Z0-9-]/g, '-')}`, {
      vpc: this.vpc,
      service,
      subnets: { ...(subnets ?? this.defaultEndpointSubnets()), onePerAz: true },
      securityGroups: [this.interfaceSecurityGroup()],
      privateDnsEnabled: true,
      open: false,
    });
    this.interfaces.set(service.shortName, endpoint);
    return endpoint;
  }

  /**
   * Admit HTTPS from a peer (a function's connections) to every interface endpoint, and let the peer
   * send it.
   * @param peer the function or security groups that call AWS services through the endpoints
   */
  public allowHttpsFrom(peer: ec2.IConnectable): void {
    this.httpsPeers.push(peer);
    if (this.endpointSecurityGroup) this.admit(this.endpointSecurityGroup, peer);
  }

  private interfaceSecurityGroup(): ec2.SecurityGroup {
    if (!this.endpointSecurityGroup) {
      this.endpointSecurityGroup = new ec2.SecurityGroup(this, 'InterfaceEndpointSecurityGroup', {
        vpc: this.vpc,
        description: 'Interface VPC endpoints: HTTPS from blueprint function security groups only',
        allowAllOutbound: false,
      });
      for (const peer of this.httpsPeers) this.admit(this.endpointSecurityGroup, peer);
    }
    return this.endpointSecurityGroup;
  }

  private admit(group: ec2.SecurityGroup, peer: ec2.IConnectable): void {
    group.connections.allowFrom(peer, ec2.Port.tcp(HTTPS), 'HTTPS to AWS APIs through interface endpoints');
  }

  private gateway(name: string, service: ec2.GatewayVpcEndpointAwsService): ec2.IGatewayVpcEndpoint {
    let endpoint = this.gateways.get(name);
    if (!endpoint) {
      endpoint = new ec2.GatewayVpcEndpoint(this, name, { vpc: this.vpc, service });
      this.gateways.set(name, endpoint);
    }
    return endpoint;
  }

  private defaultEndpointSubnets(): ec2.SubnetSelection {
    if (this.vpc.privateSubnets.length) return { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };
    return { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
  }
}

/** Whether the VPC is defined in this app (an `ec2.Vpc`, with its subnets and routes visible). */
export function isDefinedInApp(vpc: ec2.IVpc): boolean {
  return vpc instanceof ec2.Vpc || vpc.node.defaultChild instanceof ec2.CfnVPC;
}
