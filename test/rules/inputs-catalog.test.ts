import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { constructMode, FN_PROPS, newStack, packMode } from './modes';
import {
  BlueprintCode, BlueprintDashboard, BlueprintFunction, BlueprintLayer, BlueprintStandards, BlueprintVpc, ConcurrencyBudget, EventBridgeToFunction,
  FunctionNetwork, KinesisToFunction, NagAcknowledgements, QueueToFunction, ResourceBudget,
} from '../../src';
import { ALL_RULES } from '../../src/rules/catalog';
import { tree } from '../layers/fixtures';

const fn = (s: Stack, props: object = {}) => new BlueprintFunction(s, 'Fn', { ...FN_PROPS, ...props });
const layerDir = () => tree({ 'nodejs/node_modules/tiny-lib/index.js': 'module.exports = 1;\n' });
const layerProps = { compatibleRuntimes: [lambda.Runtime.NODEJS_24_X], compatibleArchitectures: [lambda.Architecture.ARM_64], license: 'MIT' };
const importedLayer = (s: Stack, runtimes?: lambda.Runtime[]) => lambda.LayerVersion.fromLayerVersionAttributes(s, 'Imported', { layerVersionArn: 'arn:aws:lambda:us-east-1:123456789012:layer:shared:1', compatibleRuntimes: runtimes });
const vpc = (s: Stack) => new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 1 });

/** One misuse per construct-input rule: each is reported in construct mode under its id. */
const INPUT_FIXTURES: Record<string, (s: Stack) => void> = {
  LambdaFunctionPropsRefused: s => { fn(s, { deadLetterQueueEnabled: true }); },
  LambdaNetworkPlacement: s => fn(s).connections.allowToAnyIpv4(ec2.Port.tcp(443)),
  LambdaIsolatedInNatSubnets: s => {
    fn(s, { network: FunctionNetwork.isolated(vpc(s), { subnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } }) });
  },
  LambdaNatEgressUnverified: s => {
    const imported = ec2.Vpc.fromVpcAttributes(s, 'Imported', {
      vpcId: 'vpc-0123456789abcdef0',
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      privateSubnetIds: ['subnet-a', 'subnet-b'],
      privateSubnetRouteTableIds: ['rtb-a', 'rtb-b'],
    });
    fn(s, { network: FunctionNetwork.privateEgress(imported) });
  },
  LambdaSingleAvailabilityZone: s => {
    const v = vpc(s);
    fn(s, { network: FunctionNetwork.privateEgress(v, { subnets: { subnets: [v.privateSubnets[0]] } }) });
  },
  BlueprintVpcLayout: s => { new BlueprintVpc(s, 'Vpc', { maxAzs: 1 }); },
  LambdaSnapStartRuntime: s => { fn(s, { snapStart: lambda.SnapStartConf.ON_PUBLISHED_VERSIONS }); },
  LambdaManagedInstancesOptions: s => { fn(s, { capacityProviderOptions: {} }); },
  LambdaCodePackage: s => { fn(s, { code: BlueprintCode.fromDirectory('/no/such/dir') }); },
  BlueprintDashboardFunctions: s => { new BlueprintDashboard(s, 'Dashboard', { functions: [] }); },
  BlueprintDashboardWidgets: s => {
    // One function drawing more queues than a dashboard body has widgets for.
    const f = fn(s);
    for (let q = 0; q < 500; q++) f.function.addEventSource(new SqsEventSource(new sqs.Queue(s, `Q${q}`, { visibilityTimeout: Duration.minutes(3) })));
  },
  LambdaAccountConcurrencyBudget: s => {
    new BlueprintFunction(s, 'A', { ...FN_PROPS, reservedConcurrentExecutions: 500 });
    new BlueprintFunction(s, 'B', { ...FN_PROPS, reservedConcurrentExecutions: 401 });
    ConcurrencyBudget.enforce(s.node.root);
  },
  BlueprintStandardsProps: s => { BlueprintStandards.of(s).apply({ name: 'bad', defaults: { memorySize: 64 } }); },
  CloudFormationStackResources: s => {
    for (let i = 0; i < 501; i++) new sqs.CfnQueue(s, `Queue${i}`);
    ResourceBudget.watch(s);
  },
  LambdaLayerContent: s => { new BlueprintLayer(s, 'Layer', { ...layerProps, path: layerDir(), compatibleRuntimes: [] }); },
  LambdaLayerCompatibility: s => { fn(s, { layers: [importedLayer(s, [lambda.Runtime.PYTHON_3_13])] }); },
  LambdaLayerVersionRetained: s => { new BlueprintLayer(s, 'Layer', { ...layerProps, path: layerDir(), removalPolicy: RemovalPolicy.DESTROY }); },
  LambdaPackageUnverified: s => { fn(s, { layers: [importedLayer(s)] }); },
  LambdaAsyncInvokeOptions: s => { const f = fn(s, { asyncInvoke: { retryAttempts: 1 } }); f.configureAsyncInvoke({ retryAttempts: 0 }); },
  LambdaReleaseOptions: s => { fn(s, { deployment: { rollbackOnAlarm: true } }); },
  SqsSourceMaxReceiveCount: s => { new QueueToFunction(s, 'Queue', { function: fn(s), maxReceiveCount: 2 }); },
  KinesisStreamEncryption: s => { new KinesisToFunction(s, 'Stream', { function: fn(s), streamProps: { encryption: kinesis.StreamEncryption.UNENCRYPTED } }); },
  EventBridgeToFunctionSource: s => { new EventBridgeToFunction(s, 'Rule', { function: fn(s) }); },
  NagAcknowledgementReason: s => NagAcknowledgements.add(fn(s), 'AwsSolutions-L1', 'too short'),
};

const INPUT_RULES = ALL_RULES.filter(r => r.input);

describe('every construct-input rule', () => {
  test('has a fixture here (a new input rule without one fails this test)', () => {
    expect(Object.keys(INPUT_FIXTURES).sort()).toEqual(INPUT_RULES.map(r => r.id).sort());
  });
  test.each(INPUT_RULES.map(r => [r.id, r.severity]))('%s is reported by the construct under its id with severity %s, in the rule message form', (id, severity) => {
    const s = newStack();
    INPUT_FIXTURES[id](s);
    const found = constructMode(s).filter(f => f.id === `LambdaBlueprints-${id}`);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every(f => f.severity === severity)).toBe(true);
    for (const f of found) expect(f.message).toMatch(/^.+ is .+, allowed is .+, because .+\.$/);
    // Nothing in the template says it: the pack has nothing to read for it.
    expect(packMode(s).filter(f => f.id === `LambdaBlueprints-${id}`)).toEqual([]);
  });
});
