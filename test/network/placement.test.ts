import { CfnParameter, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { BlueprintFunction, BlueprintFunctionProps, BlueprintVpc, BlueprintVpcEndpoints, FunctionFileSystem, FunctionNetwork } from '../../src';
import { expectErrors, nagFindings, newStack, synthErrors, statementsFor } from '../helpers';

function fn(scope: Construct, id: string, props: Partial<BlueprintFunctionProps> = {}): BlueprintFunction {
  return new BlueprintFunction(scope, id, {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => 1;'),
    ...props,
  });
}

function plainVpc(stack: Stack, id = 'Vpc', props: ec2.VpcProps = {}): ec2.Vpc {
  return new ec2.Vpc(stack, id, { maxAzs: 2, natGateways: 1, restrictDefaultSecurityGroup: false, ...props });
}

function isolatedVpc(stack: Stack, id = 'Isolated'): ec2.Vpc {
  return plainVpc(stack, id, {
    natGateways: 0,
    subnetConfiguration: [{ name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
}

function countEndpoints(template: Template, service: string): number {
  const all = template.findResources('AWS::EC2::VPCEndpoint');
  return Object.values(all).filter(r => JSON.stringify(r.Properties.ServiceName).includes(service)).length;
}

describe('privateEgress on a BlueprintVpc', () => {
  const stack = newStack();
  const net = new BlueprintVpc(stack, 'Net');
  const f = fn(stack, 'Fn', { network: net.privateEgress() });
  const template = Template.fromStack(stack);

  test('places the ENIs in the two private subnets with the function\'s own security group', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      VpcConfig: {
        SubnetIds: [{ Ref: Match.stringLikeRegexp('NetVpcPrivateSubnet1') }, { Ref: Match.stringLikeRegexp('NetVpcPrivateSubnet2') }],
        SecurityGroupIds: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('FnSecurityGroup'), 'GroupId'] }],
      },
    });
    expect(f.networkPlacement?.subnets).toHaveLength(2);
    expect(f.networkPlacement?.internetEgress).toBe(true);
    expect(f.networkPlacement?.securityGroup).toBeDefined();
  });

  test('the private subnets route to a NAT gateway', () => {
    template.hasResourceProperties('AWS::EC2::Route', {
      RouteTableId: { Ref: Match.stringLikeRegexp('NetVpcPrivateSubnet1RouteTable') },
      DestinationCidrBlock: '0.0.0.0/0',
      NatGatewayId: Match.anyValue(),
    });
  });

  test('the security group allows HTTPS egress only', () => {
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Lambda Test/Fn: explicit egress only',
      SecurityGroupEgress: [{ CidrIp: '0.0.0.0/0', IpProtocol: 'tcp', FromPort: 443, ToPort: 443, Description: Match.stringLikeRegexp('NAT') }],
    });
  });

  test('ENI permissions are inline statements, no AWS managed policy', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([{
          Sid: 'LambdaVpcNetworkInterfaces',
          Effect: 'Allow',
          Action: ['ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses'],
          Resource: '*',
        }]),
      },
    });
    for (const role of Object.values(template.findResources('AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  test('the wildcard acknowledgement names the ENI actions', () => {
    // Acknowledgements are recorded once in the template's Metadata, with the logical ids they cover.
    const policyIds = Object.keys(template.findResources('AWS::IAM::Policy'));
    const acks: Array<{ id: string; reason: string; resources?: string[] }> = template.toJSON().Metadata.cdk_lambda_blueprints_acknowledgements;
    const wildcard = acks.filter(a => a.id === 'AwsSolutions-IAM5[Resource::*]' && (a.resources ?? []).some(r => policyIds.includes(r)));
    expect(wildcard).toHaveLength(1);
    expect(wildcard[0].reason).toMatch(/X-Ray.*CreateNetworkInterface/);
  });

  test('the function waits for the NAT routes', () => {
    const fns = template.findResources('AWS::Lambda::Function');
    const dependsOn = Object.values(fns)[0].DependsOn as string[];
    expect(dependsOn.some(d => /NetVpcPrivateSubnet1DefaultRoute/.test(d))).toBe(true);
  });

  test('has zero unacknowledged cdk-nag findings', () => {
    expect(nagFindings(stack)).toEqual([]);
  });

  test('snapshot', () => {
    expect(template.toJSON()).toMatchSnapshot();
  });
});

describe('shared endpoints', () => {
  test('exist exactly once per VPC with several functions and constructs', () => {
    const stack = newStack();
    const vpc = plainVpc(stack);
    fn(stack, 'A', { network: FunctionNetwork.privateEgress(vpc, { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SQS] }) });
    fn(stack, 'B', { network: FunctionNetwork.privateEgress(vpc, { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SQS, ec2.InterfaceVpcEndpointAwsService.KMS] }) });
    const other1 = new Construct(stack, 'OtherConstruct1');
    const other2 = new Construct(stack, 'OtherConstruct2');
    BlueprintVpcEndpoints.of(other1, vpc).addGatewayEndpoints();
    const shared = BlueprintVpcEndpoints.of(other2, vpc);
    shared.addInterfaceEndpoint(ec2.InterfaceVpcEndpointAwsService.SQS);
    expect(shared).toBe(BlueprintVpcEndpoints.of(stack, vpc));

    const template = Template.fromStack(stack);
    expect(countEndpoints(template, '.s3')).toBe(1);
    expect(countEndpoints(template, '.dynamodb')).toBe(1);
    expect(countEndpoints(template, '.sqs')).toBe(1);
    expect(countEndpoints(template, '.kms')).toBe(1);
    template.resourceCountIs('AWS::EC2::VPCEndpoint', 4);
    expect(Object.keys(shared.interfaceEndpoints).sort()).toEqual(['kms', 'sqs']);
  });

  test('interface endpoints admit 443 only from the functions\' security groups, and the functions may send it', () => {
    const stack = newStack();
    const vpc = plainVpc(stack);
    fn(stack, 'A', { network: FunctionNetwork.privateEgress(vpc) });
    fn(stack, 'B', { network: FunctionNetwork.privateEgress(vpc, { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER] }) });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Interface', PrivateDnsEnabled: true });
    const ingress = template.findResources('AWS::EC2::SecurityGroupIngress');
    const sources = Object.values(ingress).map(r => `${r.Properties.SourceSecurityGroupId['Fn::GetAtt'][0]}:${r.Properties.FromPort}-${r.Properties.ToPort}`).sort();
    expect(sources).toEqual([expect.stringMatching(/^ASecurityGroup.*:443-443$/), expect.stringMatching(/^BSecurityGroup.*:443-443$/)]);
    template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      GroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('ASecurityGroup'), 'GroupId'] },
      DestinationSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('InterfaceEndpointSecurityGroup'), 'GroupId'] },
      FromPort: 443,
    });
    // No ingress from the VPC CIDR (the L2 default `open: true`).
    const groups = template.findResources('AWS::EC2::SecurityGroup');
    for (const g of Object.values(groups)) expect(g.Properties.SecurityGroupIngress).toBeUndefined();
  });

  test('gatewayEndpoints: false adds none', () => {
    const stack = newStack();
    const vpc = plainVpc(stack);
    fn(stack, 'A', { network: FunctionNetwork.privateEgress(vpc, { gatewayEndpoints: false }) });
    Template.fromStack(stack).resourceCountIs('AWS::EC2::VPCEndpoint', 0);
  });

  test('imported VPC: endpoints once in the stack, NAT egress warned as unverifiable', () => {
    const stack = newStack();
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', {
      vpcId: 'vpc-0123456789abcdef0',
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      privateSubnetIds: ['subnet-a', 'subnet-b'],
      privateSubnetRouteTableIds: ['rtb-a', 'rtb-b'],
    });
    fn(stack, 'A', { network: FunctionNetwork.privateEgress(vpc, { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SSM] }) });
    fn(stack, 'B', { network: FunctionNetwork.privateEgress(vpc, { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SSM] }) });
    const template = Template.fromStack(stack);
    expect(countEndpoints(template, '.s3')).toBe(1);
    expect(countEndpoints(template, '.ssm')).toBe(1);
    expect(stack.node.tryFindChild('BlueprintEndpoints-vpc-0123456789abcdef0')).toBeDefined();
    template.hasResourceProperties('AWS::Lambda::Function', { VpcConfig: { SubnetIds: ['subnet-a', 'subnet-b'] } });
    Annotations.fromStack(stack).hasWarning('/Test/A', Match.stringLikeRegexp('network is privateEgress in the imported VPC .*, whose route tables are hidden, allowed is subnets known to route 0.0.0.0/0 to a NAT gateway'));
  });
});

describe('isolated', () => {
  test('defaults to the isolated subnets, allowed without NAT', () => {
    const stack = newStack();
    const vpc = isolatedVpc(stack);
    fn(stack, 'Fn', { network: FunctionNetwork.isolated(vpc) });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::Function', { VpcConfig: { SubnetIds: [{ Ref: Match.stringLikeRegexp('IsolatedSubnet1') }, { Ref: Match.stringLikeRegexp('IsolatedSubnet2') }] } });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', { SecurityGroupEgress: [Match.objectLike({ FromPort: 443, Description: 'HTTPS to AWS APIs through the VPC endpoints' })] });
  });

  test('BlueprintVpc.isolated uses its isolated subnets', () => {
    const stack = newStack();
    const net = new BlueprintVpc(stack, 'Net');
    fn(stack, 'Fn', { network: net.isolated() });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', { VpcConfig: { SubnetIds: [{ Ref: Match.stringLikeRegexp('NetVpcIsolatedSubnet1') }, Match.anyValue()] } });
    expect(nagFindings(stack)).toEqual([]);
  });

  test('in NAT-routed subnets gets a warning', () => {
    const stack = newStack();
    const vpc = plainVpc(stack);
    fn(stack, 'Fn', { network: FunctionNetwork.isolated(vpc) });
    Annotations.fromStack(stack).hasWarning('/Test/Fn', Match.stringLikeRegexp('network is isolated, in subnets that route to a NAT gateway, allowed is isolated subnets'));
  });

  test('isolated subnets with internet asked for are refused', () => {
    const stack = newStack();
    const vpc = isolatedVpc(stack);
    fn(stack, 'Fn', { network: FunctionNetwork.privateEgress(vpc, { subnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } }) });
    expectErrors(stack, /^\[Test\/Fn\] LambdaBlueprints-LambdaNetworkPlacement: network subnets is isolated subnets Test\/Isolated\/IsolatedSubnet1, Test\/Isolated\/IsolatedSubnet2 with internet egress asked for .* because without a NAT route every call to the internet times out/);
  });

  test('a NAT route added later to an isolated subnet is seen at synth', () => {
    const stack = newStack();
    const vpc = isolatedVpc(stack);
    fn(stack, 'Fn', { network: FunctionNetwork.privateEgress(vpc, { subnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } }) });
    for (const s of vpc.isolatedSubnets) (s as ec2.Subnet).addRoute('Nat', { routerType: ec2.RouterType.NAT_GATEWAY, routerId: 'nat-0123' });
    expect(synthErrors(stack)).toEqual([]);
  });
});

describe('bad placements', () => {
  test('public subnets are refused with the reason', () => {
    const stack = newStack();
    const vpc = plainVpc(stack);
    fn(stack, 'Fn', { network: FunctionNetwork.privateEgress(vpc, { subnets: { subnetType: ec2.SubnetType.PUBLIC } }) });
    // Subnets in the template are judged by the rule (once), not by the construct as well.
    expectErrors(stack, /^\[Test\/Fn\/Function\/Resource\] LambdaBlueprints-LambdaInternetGatewaySubnet: VpcConfig.SubnetIds is public subnets Test\/Vpc\/PublicSubnet1\/Subnet, Test\/Vpc\/PublicSubnet2\/Subnet, allowed is private subnets routed to a NAT gateway, or isolated subnets with VPC endpoints, because a VPC function never gets a public IP/);
  });

  test('public subnets of an imported VPC (not in the template) are refused by the construct', () => {
    const stack = newStack();
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', { vpcId: 'vpc-1', availabilityZones: ['us-east-1a', 'us-east-1b'], publicSubnetIds: ['subnet-a', 'subnet-b'], privateSubnetIds: ['subnet-c', 'subnet-d'] });
    fn(stack, 'Fn', { network: FunctionNetwork.privateEgress(vpc, { subnets: { subnetType: ec2.SubnetType.PUBLIC }, gatewayEndpoints: false }) });
    expectErrors(stack, /^\[Test\/Fn\] LambdaBlueprints-LambdaInternetGatewaySubnet: network subnets is public subnets Test\/Imported\/PublicSubnet1, Test\/Imported\/PublicSubnet2, allowed is private subnets routed to a NAT gateway, or isolated subnets with VPC endpoints, because a VPC function never gets a public IP/);
  });

  test('a selection the VPC cannot satisfy is reported, not thrown', () => {
    const stack = newStack();
    const vpc = plainVpc(stack);
    fn(stack, 'Fn', { network: FunctionNetwork.privateEgress(vpc, { subnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } }) });
    expectErrors(stack, /network subnets is a selection the VPC cannot satisfy/);
  });

  test('subnets of another VPC are refused', () => {
    const stack = newStack();
    const a = plainVpc(stack, 'A');
    const b = plainVpc(stack, 'B');
    fn(stack, 'Fn', { network: FunctionNetwork.privateEgress(a, { subnets: { subnets: b.privateSubnets } }) });
    expectErrors(stack, /network subnets is Test\/B\/PrivateSubnet1, Test\/B\/PrivateSubnet2, allowed is subnets of the placement's VPC Test\/A/);
  });

  test('imported subnets not listed by an imported VPC are refused', () => {
    const stack = newStack();
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', { vpcId: 'vpc-1', availabilityZones: ['us-east-1a', 'us-east-1b'], privateSubnetIds: ['subnet-a', 'subnet-b'] });
    const stranger = ec2.Subnet.fromSubnetAttributes(stack, 'Stranger', { subnetId: 'subnet-z', availabilityZone: 'us-east-1c' });
    fn(stack, 'Fn', { network: FunctionNetwork.privateEgress(vpc, { subnets: { subnets: [vpc.privateSubnets[0], stranger] }, gatewayEndpoints: false }) });
    expectErrors(stack, /network subnets is Test\/Stranger, allowed is subnets of the placement's VPC/);
  });

  test('security groups of another VPC are refused', () => {
    const stack = newStack();
    const a = plainVpc(stack, 'A');
    const b = plainVpc(stack, 'B');
    const foreign = new ec2.SecurityGroup(stack, 'Foreign', { vpc: b });
    fn(stack, 'Fn', { network: FunctionNetwork.privateEgress(a, { securityGroups: [foreign] }) });
    expectErrors(stack, /network securityGroups is Test\/Foreign, allowed is security groups of the placement's VPC Test\/A/);
  });

  test('5 security groups are accepted, 6 refused', () => {
    const groups = (stack: Stack, vpc: ec2.IVpc, n: number) => Array.from({ length: n }, (_, i) => new ec2.SecurityGroup(stack, `Sg${i}`, { vpc }));
    const five = newStack();
    const v5 = plainVpc(five);
    fn(five, 'Fn', { network: FunctionNetwork.privateEgress(v5, { securityGroups: groups(five, v5, 5) }) });
    expect(synthErrors(five)).toEqual([]);
    const six = newStack();
    const v6 = plainVpc(six);
    fn(six, 'Fn', { network: FunctionNetwork.privateEgress(v6, { securityGroups: groups(six, v6, 6) }) });
    expectErrors(six, /network securityGroups \(count\) is 6 security groups, allowed is a whole number 1–5 security groups, because a VPC function accepts at most 5 security groups/);
  });

  test('network options without a VPC are refused', () => {
    const stack = newStack();
    fn(stack, 'Fn', { network: FunctionNetwork.privateEgress(undefined as unknown as ec2.IVpc) });
    expectErrors(stack, /^\[Test\/Fn\] LambdaBlueprints-LambdaNetworkPlacement: network is a placement without a VPC/);
  });

  test('imported subnets and groups the app cannot judge are accepted without an AZ warning', () => {
    const stack = newStack();
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', { vpcId: 'vpc-1', availabilityZones: ['us-east-1a', 'us-east-1b'], privateSubnetIds: ['subnet-a', 'subnet-b'] });
    const noAz = ec2.Subnet.fromSubnetId(stack, 'NoAz', 'subnet-a');
    const group = ec2.SecurityGroup.fromSecurityGroupId(stack, 'Group', 'sg-0123');
    fn(stack, 'Fn', { network: FunctionNetwork.privateEgress(vpc, { subnets: { subnets: [noAz] }, securityGroups: [group], gatewayEndpoints: false }) });
    expect(synthErrors(stack)).toEqual([]);
    Annotations.fromStack(stack).hasNoWarning('/Test/Fn', Match.stringLikeRegexp('at least two AZs'));
  });

  test('an app-defined subnet whose default route is an internet gateway counts as public', () => {
    const stack = newStack();
    const vpc = isolatedVpc(stack);
    for (const s of vpc.isolatedSubnets) (s as ec2.Subnet).addRoute('Igw', { routerType: ec2.RouterType.GATEWAY, routerId: 'igw-0123' });
    fn(stack, 'Fn', { network: FunctionNetwork.isolated(vpc) });
    expectErrors(stack, /^\[Test\/Fn\/Function\/Resource\] LambdaBlueprints-LambdaInternetGatewaySubnet: VpcConfig.SubnetIds is public subnets Test\/Isolated\/IsolatedSubnet1\/Subnet, Test\/Isolated\/IsolatedSubnet2\/Subnet, allowed is private subnets routed to a NAT gateway/);
  });

  test('a single AZ gets a warning', () => {
    const stack = newStack();
    const vpc = plainVpc(stack);
    fn(stack, 'Fn', { network: FunctionNetwork.privateEgress(vpc, { subnets: { subnets: [vpc.privateSubnets[0]] } }) });
    Annotations.fromStack(stack).hasWarning('/Test/Fn', Match.stringLikeRegexp('network subnets is all in [a-z0-9-]+, allowed is subnets in at least 2 Availability Zones, because .*at least two AZs'));
    expect(synthErrors(stack)).toEqual([]);
  });
});

describe('security groups and targets', () => {
  test('one given security group is shared by two functions (fewer ENIs), none created', () => {
    const stack = newStack();
    const vpc = plainVpc(stack);
    const shared = new ec2.SecurityGroup(stack, 'Shared', { vpc, allowAllOutbound: false });
    const a = fn(stack, 'A', { network: FunctionNetwork.privateEgress(vpc, { securityGroups: [shared] }) });
    fn(stack, 'B', { network: FunctionNetwork.privateEgress(vpc, { securityGroups: [shared] }) });
    const template = Template.fromStack(stack);
    const fns = Object.values(template.findResources('AWS::Lambda::Function'));
    const sharedId = stack.getLogicalId(shared.node.defaultChild as ec2.CfnSecurityGroup);
    expect(fns).toHaveLength(2);
    for (const f of fns) expect(f.Properties.VpcConfig.SecurityGroupIds).toEqual([{ 'Fn::GetAtt': [sharedId, 'GroupId'] }]);
    expect(a.networkPlacement?.securityGroup).toBeUndefined();
    template.resourceCountIs('AWS::EC2::SecurityGroup', 1);
  });

  test('connectTo option and method open the target on one port, both sides', () => {
    const stack = newStack();
    const vpc = plainVpc(stack);
    const db = new ec2.SecurityGroup(stack, 'Db', { vpc, allowAllOutbound: false });
    const cache = new ec2.SecurityGroup(stack, 'Cache', { vpc, allowAllOutbound: false });
    const f = fn(stack, 'Fn', { network: FunctionNetwork.privateEgress(vpc, { connectTo: [{ target: db, port: ec2.Port.tcp(5432) }] }) });
    f.connectTo(cache, ec2.Port.tcp(6379));
    const template = Template.fromStack(stack);
    for (const [target, port] of [['Db', 5432], ['Cache', 6379]] as const) {
      template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
        GroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp(`^${target}`), 'GroupId'] },
        SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('FnSecurityGroup'), 'GroupId'] },
        FromPort: port,
        ToPort: port,
        IpProtocol: 'tcp',
      });
      template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
        GroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('FnSecurityGroup'), 'GroupId'] },
        DestinationSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp(`^${target}`), 'GroupId'] },
        FromPort: port,
        ToPort: port,
      });
    }
  });

  test('connectTo without network is refused', () => {
    const stack = newStack();
    const vpc = plainVpc(stack);
    fn(stack, 'Fn').connectTo(new ec2.SecurityGroup(stack, 'Db', { vpc }), ec2.Port.tcp(5432));
    expectErrors(stack, /^\[Test\/Fn\] LambdaBlueprints-LambdaNetworkPlacement: connectTo is a target on port 5432 without network, allowed is targets only with a VPC placement/);
  });
});

describe('EFS', () => {
  function fileSystem(stack: Stack, vpc: ec2.IVpc, id = 'Fs'): efs.AccessPoint {
    const fs = new efs.FileSystem(stack, id, { vpc, encrypted: true });
    return fs.addAccessPoint('Ap', { path: '/data', createAcl: { ownerGid: '1000', ownerUid: '1000', permissions: '750' }, posixUser: { gid: '1000', uid: '1000' } });
  }

  test('mounts the access point with NFS opened both ways and a scoped grant', () => {
    const stack = newStack();
    const vpc = plainVpc(stack);
    const ap = fileSystem(stack, vpc);
    fn(stack, 'Fn', { network: FunctionNetwork.privateEgress(vpc), fileSystem: FunctionFileSystem.fromEfsAccessPoint(ap, '/mnt/data') });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::Function', { FileSystemConfigs: [{ LocalMountPath: '/mnt/data', Arn: Match.anyValue() }] });
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      GroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('FsEfsSecurityGroup'), 'GroupId'] },
      SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('FnSecurityGroup'), 'GroupId'] },
      FromPort: 2049,
      ToPort: 2049,
    });
    template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      GroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('FnSecurityGroup'), 'GroupId'] },
      DestinationSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('FsEfsSecurityGroup'), 'GroupId'] },
      FromPort: 2049,
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([{
          Sid: 'EfsMountThroughAccessPoint',
          Effect: 'Allow',
          Action: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
          Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('Fs'), 'Arn'] },
          Condition: { StringEquals: { 'elasticfilesystem:AccessPointArn': Match.anyValue() } },
        }]),
      },
    });
    // The only EFS statement is the one above: no EFS action on Resource *.
    expect(statementsFor(template, 'elasticfilesystem')).toEqual([expect.objectContaining({ Sid: 'EfsMountThroughAccessPoint' })]);
    expect(statementsFor(template, 'elasticfilesystem').filter(s => s.Resource === '*')).toEqual([]);
  });

  test('without VPC placement is refused', () => {
    const stack = newStack();
    const ap = fileSystem(stack, plainVpc(stack));
    fn(stack, 'Fn', { fileSystem: FunctionFileSystem.fromEfsAccessPoint(ap, '/mnt/data') });
    expectErrors(stack, /^\[Test\/Fn\] LambdaBlueprints-LambdaNetworkPlacement: fileSystem is an EFS access point mounted at \/mnt\/data without network, allowed is EFS with a VPC placement/);
  });

  test.each([
    ['/tmp/data', /fileSystem mountPath is "\/tmp\/data", allowed is \/mnt\/<name> with <name> of \[a-zA-Z0-9-_.\], because Lambda mounts file systems only under \/mnt/],
    ['/mnt/a/b', /fileSystem mountPath is "\/mnt\/a\/b"/],
    ['/mnt/', /fileSystem mountPath is "\/mnt\/"/],
  ])('mount path %s is refused', (mountPath, error) => {
    const stack = newStack();
    const vpc = plainVpc(stack);
    fn(stack, 'Fn', { network: FunctionNetwork.privateEgress(vpc), fileSystem: FunctionFileSystem.fromEfsAccessPoint(fileSystem(stack, vpc), mountPath) });
    expectErrors(stack, error);
  });

  test('mount path length: 160 accepted, 161 refused, token accepted', () => {
    const at = newStack();
    const v1 = plainVpc(at);
    fn(at, 'Fn', { network: FunctionNetwork.privateEgress(v1), fileSystem: FunctionFileSystem.fromEfsAccessPoint(fileSystem(at, v1), `/mnt/${'x'.repeat(155)}`) });
    expect(synthErrors(at)).toEqual([]);
    const above = newStack();
    const v2 = plainVpc(above);
    fn(above, 'Fn', { network: FunctionNetwork.privateEgress(v2), fileSystem: FunctionFileSystem.fromEfsAccessPoint(fileSystem(above, v2), `/mnt/${'x'.repeat(156)}`) });
    expectErrors(above, /fileSystem mountPath \(length\) is 161 characters, allowed is a whole number 6–160 characters/);
    const token = newStack();
    const v3 = plainVpc(token);
    const param = new CfnParameter(token, 'MountPath', { type: 'String' }).valueAsString;
    fn(token, 'Fn', { network: FunctionNetwork.privateEgress(v3), fileSystem: FunctionFileSystem.fromEfsAccessPoint(fileSystem(token, v3), param) });
    expect(synthErrors(token)).toEqual([]);
  });

  test('a file system of another VPC is refused', () => {
    const stack = newStack();
    const a = plainVpc(stack, 'A');
    const b = plainVpc(stack, 'B');
    fn(stack, 'Fn', { network: FunctionNetwork.privateEgress(a), fileSystem: FunctionFileSystem.fromEfsAccessPoint(fileSystem(stack, b), '/mnt/data') });
    expectErrors(stack, /fileSystem is file system Test\/Fs, allowed is an EFS file system with mount targets in the placement's VPC Test\/A/);
  });

  test('an access point imported without its file system is refused', () => {
    const stack = newStack();
    const vpc = plainVpc(stack);
    const ap = efs.AccessPoint.fromAccessPointId(stack, 'Ap', 'fsap-0123');
    fn(stack, 'Fn', { network: FunctionNetwork.privateEgress(vpc), fileSystem: FunctionFileSystem.fromEfsAccessPoint(ap, '/mnt/data') });
    expectErrors(stack, /fileSystem is an access point imported without its file system/);
  });
});
