import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { EFS_MOUNT_PATH_PATTERN, LIMITS } from '../../limits';
import { BlueprintVpcEndpoints, isDefinedInApp } from '../endpoints';
import { FunctionFileSystem } from '../file-system';
import { FunctionNetwork, NetworkPlacement } from '../function-network';
import { azOf, belongsTo, groupBelongsTo, routeOf, SubnetRoute } from './subnets';
import { isToken } from '../../core/private/tokens';
import { LambdaIsolatedInNatSubnets, LambdaNatEgressUnverified, LambdaNetworkPlacement, LambdaSingleAvailabilityZone } from '../../rules/inputs';
import { LambdaInternetGatewaySubnet } from '../../rules/network';
import { PUBLIC_SUBNET_FINDING } from '../../rules/network/internet-gateway-subnet';
import { reportInput } from '../../rules/private/enforce';
import { checkInputs, InputChecks } from '../../rules/private/inputs';

/** The ENI actions Lambda needs on the execution role of a VPC function (AWSLambdaVPCAccessExecutionRole). */
export const ENI_ACTIONS = [
  'ec2:CreateNetworkInterface',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DeleteNetworkInterface',
  'ec2:AssignPrivateIpAddresses',
  'ec2:UnassignPrivateIpAddresses',
];

/** Why the ENI statement uses `Resource: *` (appended to the role's IAM5 acknowledgement). */
export const ENI_WILDCARD_REASON = ' VPC placement: Lambda manages the function\'s Hyperplane ENIs with ec2:CreateNetworkInterface, DescribeNetworkInterfaces, DeleteNetworkInterface, AssignPrivateIpAddresses and UnassignPrivateIpAddresses, whose Describe action supports no resource-level permissions and whose ENI ids are unknown before Lambda creates them (the same Resource * as the AWS managed AWSLambdaVPCAccessExecutionRole, kept inline).';

const NFS_PORT = efs.FileSystem.DEFAULT_PORT;
const HTTPS = 443;

/** The network part of the `lambda.Function` props. */
export interface FunctionNetworkProps {
  readonly vpc?: ec2.IVpc;
  readonly vpcSubnets?: ec2.SubnetSelection;
  readonly securityGroups?: ec2.ISecurityGroup[];
  readonly allowPublicSubnet?: boolean;
  readonly filesystem?: lambda.FileSystem;
}

/** Problems found while placing, reported at synth. */
export type Deferred = Array<(p: InputChecks) => void>;

/** Result of placing a function. */
export interface PlacedNetwork {
  /** Spread into the `lambda.Function` props. */
  readonly functionProps: FunctionNetworkProps;
  /** The placement, when the function is in a VPC. */
  readonly placement?: NetworkPlacement;
}

/**
 * Places a function in its VPC: checks subnets (private only, of the VPC, NAT-routed when internet is
 * asked for, two AZs), creates or checks its security groups, adds the shared endpoints, connects the
 * declared targets, grants the ENI actions and mounts EFS. Problems are reported at synth with all
 * others; nothing here throws, and nothing the L2 would throw for is passed to it.
 *
 * @param scope the BlueprintFunction
 * @param role its execution role
 */
export function placeNetwork(scope: Construct, role: iam.IRole, network?: FunctionNetwork, fileSystem?: FunctionFileSystem): PlacedNetwork {
  const problems: Deferred = [];
  checkInputs(scope, LambdaNetworkPlacement, p => problems.forEach(check => check(p)));

  if (!network) {
    if (fileSystem) {
      problems.push(p => p.add('fileSystem', `an EFS access point mounted at ${fileSystem.mountPath} without network`, 'EFS with a VPC placement (network: FunctionNetwork.privateEgress(vpc) or .isolated(vpc))', 'a function reaches EFS mount targets only from inside their VPC'));
    }
    return { functionProps: {} };
  }
  const placement = placeInVpc(scope, network, problems);
  if (!placement) return { functionProps: {} };
  const { vpc, subnets, securityGroups } = placement;

  role.addToPrincipalPolicy(new iam.PolicyStatement({ sid: 'LambdaVpcNetworkInterfaces', actions: ENI_ACTIONS, resources: ['*'] }));

  const filesystem = fileSystem ? mountFileSystem(vpc, role, fileSystem, problems) : undefined;

  return {
    functionProps: {
      vpc,
      vpcSubnets: { subnets },
      securityGroups,
      // Public subnets are refused above with every other problem; the L2 must not throw first.
      allowPublicSubnet: true,
      filesystem,
    },
    placement,
  };
}

/**
 * Places `scope` (a function, or the instances of a capacity provider) in the VPC of `network`: checks
 * the subnets (private only, of the VPC, NAT-routed when internet is asked for, two AZs), creates or
 * checks the security groups, adds the shared endpoints and connects the declared targets. Problems are
 * reported at synth (deferred into `problems`); undefined when no subnets could be selected.
 */
export function placeInVpc(scope: Construct, network: FunctionNetwork, problems: Deferred): NetworkPlacement | undefined {
  const vpc = network.vpc;
  if (!vpc) {
    problems.push(p => p.add('network', 'a placement without a VPC', 'FunctionNetwork.privateEgress(vpc) or .isolated(vpc) with a VPC', 'Lambda places ENIs in the subnets of one VPC'));
    return undefined;
  }

  const options = network.options;
  const subnets = selectSubnets(vpc, network, problems);
  if (!subnets) return undefined;
  checkSubnets(scope, vpc, network, subnets, problems);

  const { securityGroups, securityGroup } = functionSecurityGroups(scope, vpc, network, problems);
  const connections = new ec2.Connections({ securityGroups });

  const endpoints = BlueprintVpcEndpoints.of(scope, vpc);
  if (options.gatewayEndpoints ?? true) endpoints.addGatewayEndpoints();
  for (const service of options.interfaceEndpoints ?? []) endpoints.addInterfaceEndpoint(service, { subnets });
  // Private DNS sends every call of the VPC to the interface endpoints, so every function is admitted.
  endpoints.allowHttpsFrom(connections);

  for (const target of options.connectTo ?? []) connectTo(connections, scope, target.target, target.port);
  return { vpc, subnets, securityGroups, securityGroup, connections, endpoints, internetEgress: network.internetEgress };
}

/**
 * Opens `target` to the function on one port (ingress on the target's groups, egress on the function's).
 */
export function connectTo(connections: ec2.Connections, scope: Construct, target: ec2.IConnectable, port: ec2.Port): void {
  connections.allowTo(target, port, `from ${scope.node.path}`);
}

/** Records a problem for `connectTo` on a function without VPC placement. */
export function refuseConnectWithoutVpc(scope: Construct, port: ec2.Port): void {
  checkInputs(scope, LambdaNetworkPlacement, p => p.add('connectTo', `a target on port ${port.toString()} without network`, 'targets only with a VPC placement (network)', 'a function outside a VPC has no security group a target could admit'));
}

function selectSubnets(vpc: ec2.IVpc, network: FunctionNetwork, problems: Deferred): ec2.ISubnet[] | undefined {
  const selection = network.options.subnets ?? defaultSelection(vpc, network);
  try {
    return vpc.selectSubnets(selection).subnets;
  } catch (e) {
    const message = (e as Error).message.replace(/\.$/, '');
    problems.push(p => p.add('network subnets', 'a selection the VPC cannot satisfy', 'private subnets the VPC has', message));
    return undefined;
  }
}

function defaultSelection(vpc: ec2.IVpc, network: FunctionNetwork): ec2.SubnetSelection {
  if (!network.internetEgress && vpc.isolatedSubnets.length > 0) return { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
  return { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };
}

function checkSubnets(scope: Construct, vpc: ec2.IVpc, network: FunctionNetwork, subnets: ec2.ISubnet[], problems: Deferred): void {
  const describe = (s: ec2.ISubnet) => s.node.path;
  const foreign = subnets.filter(s => !belongsTo(vpc, s));
  if (foreign.length) {
    problems.push(p => p.add('network subnets', foreign.map(describe).join(', '), `subnets of the placement's VPC ${vpc.node.path}`, 'a function\'s ENIs are all in the VPC of its security groups'));
  }
  const own = subnets.filter(s => belongsTo(vpc, s));
  // Public subnets the template cannot show (imported, or of another stack), under the template rule's id and words.
  checkInputs(scope, LambdaInternetGatewaySubnet, p => {
    const inTemplate = (s: ec2.ISubnet) => s.node.defaultChild instanceof ec2.CfnSubnet && Stack.of(s) === Stack.of(scope);
    const publicOnes = own.filter(s => !inTemplate(s) && routeOf(vpc, s) === SubnetRoute.INTERNET_GATEWAY).map(describe);
    p.when(publicOnes.length > 0, 'network subnets', `public subnets ${publicOnes.join(', ')}`, PUBLIC_SUBNET_FINDING.allowed, PUBLIC_SUBNET_FINDING.reason);
  });

  // Routes are read at synth: routes added after the function still count.
  problems.push(p => {
    const routes = own.map(s => ({ subnet: s, route: routeOf(vpc, s) }));
    if (network.internetEgress) {
      const isolated = routes.filter(r => r.route === SubnetRoute.NONE).map(r => describe(r.subnet));
      p.when(isolated.length > 0, 'network subnets', `isolated subnets ${isolated.join(', ')} with internet egress asked for (privateEgress)`, 'private subnets whose default route goes to a NAT gateway or instance, or FunctionNetwork.isolated', 'without a NAT route every call to the internet times out at run time');
    }
  });

  if (!network.internetEgress && own.some(s => routeOf(vpc, s) === SubnetRoute.NAT)) {
    reportInput(scope, LambdaIsolatedInNatSubnets, {
      property: 'network',
      value: 'isolated, in subnets that route to a NAT gateway',
      allowed: 'isolated subnets (no route to a NAT gateway)',
      reason: 'HTTPS to the internet stays possible; only routing enforces a placement without internet',
    });
  }
  if (network.internetEgress && !isDefinedInApp(vpc) && own.some(s => routeOf(vpc, s) === SubnetRoute.UNKNOWN)) {
    reportInput(scope, LambdaNatEgressUnverified, {
      property: 'network',
      value: `privateEgress in the imported VPC ${vpc.node.path}, whose route tables are hidden`,
      allowed: 'subnets known to route 0.0.0.0/0 to a NAT gateway (acknowledge this warning once checked)',
      reason: 'without that route every call to the internet times out at run time',
    });
  }

  const azs = subnets.map(azOf);
  const distinct = new Set(azs);
  if (azs.every(az => az !== undefined) && distinct.size < LIMITS.functionAvailabilityZones.min) {
    reportInput(scope, LambdaSingleAvailabilityZone, {
      property: 'network subnets',
      value: `all in ${[...distinct].join(', ') || 'no AZ'}`,
      allowed: `subnets in at least ${LIMITS.functionAvailabilityZones.min} Availability Zones`,
      reason: LIMITS.functionAvailabilityZones.reason,
    });
  }
}

interface FunctionGroups {
  readonly securityGroups: ec2.ISecurityGroup[];
  readonly securityGroup?: ec2.SecurityGroup;
}

function functionSecurityGroups(scope: Construct, vpc: ec2.IVpc, network: FunctionNetwork, problems: Deferred): FunctionGroups {
  const given = network.options.securityGroups ?? [];
  if (given.length > 0) {
    problems.push(p => p.limit('network securityGroups (count)', given.length, 'securityGroupsPerFunction'));
    const foreign = given.filter(g => !groupBelongsTo(vpc, g));
    if (foreign.length) {
      problems.push(p => p.add('network securityGroups', foreign.map(g => g.node.path).join(', '), `security groups of the placement's VPC ${vpc.node.path}`, 'Lambda attaches the groups to ENIs in that VPC, and a group belongs to one VPC'));
    }
    return { securityGroups: given };
  }
  const securityGroup = new ec2.SecurityGroup(scope, 'SecurityGroup', {
    vpc,
    description: `Lambda ${scope.node.path}: explicit egress only`,
    allowAllOutbound: false,
  });
  securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(HTTPS), network.internetEgress
    ? 'HTTPS to the internet through NAT and to AWS APIs'
    : 'HTTPS to AWS APIs through the VPC endpoints');
  return { securityGroups: [securityGroup], securityGroup };
}

function mountFileSystem(vpc: ec2.IVpc, role: iam.IRole, mount: FunctionFileSystem, problems: Deferred): lambda.FileSystem | undefined {
  const path = mount.mountPath;
  if (!isToken(path)) {
    const limit = LIMITS.efsMountPathLength;
    if (!EFS_MOUNT_PATH_PATTERN.test(path) || path.length > limit.max) {
      problems.push(p => {
        if (!p.pattern('fileSystem mountPath', path, EFS_MOUNT_PATH_PATTERN, '/mnt/<name> with <name> of [a-zA-Z0-9-_.]', 'Lambda mounts file systems only under /mnt')) return;
        p.limit('fileSystem mountPath (length)', path.length, 'efsMountPathLength');
      });
      return undefined;
    }
  }
  let fs: efs.IFileSystem;
  try {
    fs = mount.accessPoint.fileSystem;
  } catch {
    problems.push(p => p.add('fileSystem', 'an access point imported without its file system', 'AccessPoint.fromAccessPointAttributes({ accessPointId, fileSystem })', 'the function must reach the file system\'s mount targets and be granted access to it'));
    return undefined;
  }
  if (!fileSystemInVpc(vpc, fs)) {
    problems.push(p => p.add('fileSystem', `file system ${fs.node.path}`, `an EFS file system with mount targets in the placement's VPC ${vpc.node.path}`, 'a function reaches only mount targets of its own VPC'));
  }
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    sid: 'EfsMountThroughAccessPoint',
    actions: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
    resources: [fs.fileSystemArn],
    conditions: { StringEquals: { 'elasticfilesystem:AccessPointArn': mount.accessPoint.accessPointArn } },
  }));
  return new AccessPointMount({
    localMountPath: path,
    arn: mount.accessPoint.accessPointArn,
    dependency: [fs.mountTargetsAvailable],
    connections: new ec2.Connections({ securityGroups: fs.connections.securityGroups, defaultPort: ec2.Port.tcp(NFS_PORT) }),
  });
}

/** The L2's file system config without its `Resource: *` policy (the blueprint grants a scoped one). */
class AccessPointMount extends lambda.FileSystem {
  constructor(config: lambda.FileSystemConfig) {
    super(config);
  }
}

/** False only when the file system's mount targets are visible and none is in a subnet of the VPC. */
function fileSystemInVpc(vpc: ec2.IVpc, fs: efs.IFileSystem): boolean {
  const targets = fs.node.findAll().filter((c): c is efs.CfnMountTarget => c instanceof efs.CfnMountTarget);
  if (targets.length === 0) return true;
  const ids = [...vpc.publicSubnets, ...vpc.privateSubnets, ...vpc.isolatedSubnets].map(s => s.subnetId);
  return targets.some(t => ids.includes(t.subnetId));
}
