import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';
import { LambdaNetworkPlacement } from '../../rules/inputs';
import { checkInputs } from '../../rules/private/inputs';

/**
 * The `connections` of a BlueprintFunction without `network`: it has no security group, so every rule
 * asked of it would silently do nothing. Each use is reported at synth (with the other problems of the
 * app), naming the call and the way out.
 */
export class NoVpcConnections extends ec2.Connections {
  private readonly uses: string[] = [];

  constructor(owner: IConstruct) {
    super({ securityGroups: [] });
    checkInputs(owner, LambdaNetworkPlacement, p => {
      for (const use of this.uses) {
        p.add('connections', use, 'security-group rules only with a VPC placement (network: FunctionNetwork.privateEgress(vpc) or .isolated(vpc))',
          'a function outside a VPC has no security group: the rule would be silently dropped');
      }
    });
  }

  public addSecurityGroup(...securityGroups: ec2.ISecurityGroup[]): void {
    if (securityGroups.length > 0) this.refuse('addSecurityGroup(...)');
  }
  public allowTo(other: ec2.IConnectable, portRange: ec2.Port, _description?: string): void {
    this.refuse(`allowTo(${other.connections === this ? 'itself' : nameOf(other)}, ${portRange.toString()})`);
  }
  public allowFrom(other: ec2.IConnectable, portRange: ec2.Port, _description?: string): void {
    this.refuse(`allowFrom(${nameOf(other)}, ${portRange.toString()})`);
  }
  public allowInternally(portRange: ec2.Port, _description?: string): void {
    this.refuse(`allowInternally(${portRange.toString()})`);
  }
  public allowToAnyIpv4(portRange: ec2.Port, _description?: string): void {
    this.refuse(`allowToAnyIpv4(${portRange.toString()})`);
  }
  public allowFromAnyIpv4(portRange: ec2.Port, _description?: string): void {
    this.refuse(`allowFromAnyIpv4(${portRange.toString()})`);
  }
  public allowDefaultPortFrom(other: ec2.IConnectable, _description?: string): void {
    this.refuse(`allowDefaultPortFrom(${nameOf(other)})`);
  }
  public allowDefaultPortInternally(_description?: string): void {
    this.refuse('allowDefaultPortInternally()');
  }
  public allowDefaultPortFromAnyIpv4(_description?: string): void {
    this.refuse('allowDefaultPortFromAnyIpv4()');
  }
  public allowToDefaultPort(other: ec2.IConnectable, _description?: string): void {
    this.refuse(`allowToDefaultPort(${nameOf(other)})`);
  }
  public allowDefaultPortTo(other: ec2.IConnectable, _description?: string): void {
    this.refuse(`allowDefaultPortTo(${nameOf(other)})`);
  }

  private refuse(use: string): void {
    this.uses.push(`${use} without network`);
  }
}

function nameOf(other: ec2.IConnectable): string {
  const node = (other as Partial<IConstruct>).node;
  return node ? node.path : 'a peer';
}
