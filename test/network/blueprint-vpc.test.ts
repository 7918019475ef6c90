import { CfnParameter, App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { buildApp } from '../../examples/vpc-worker';
import { BlueprintVpc } from '../../src';
import { expectErrors, nagFindings, newStack, synthErrors } from '../helpers';

describe('BlueprintVpc defaults', () => {
  const stack = newStack();
  const net = new BlueprintVpc(stack, 'Net');
  const template = Template.fromStack(stack);

  test('two AZs: public, private-with-egress and isolated subnets', () => {
    template.resourceCountIs('AWS::EC2::Subnet', 6);
    expect(net.vpc.publicSubnets).toHaveLength(2);
    expect(net.vpc.privateSubnets).toHaveLength(2);
    expect(net.vpc.isolatedSubnets).toHaveLength(2);
  });

  test('one NAT gateway per AZ', () => {
    template.resourceCountIs('AWS::EC2::NatGateway', 2);
  });

  test('flow logs of all traffic to a log group with retention', () => {
    template.hasResourceProperties('AWS::EC2::FlowLog', { TrafficType: 'ALL', LogDestinationType: 'cloud-watch-logs' });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    expect(net.flowLog.node.path).toBe('Test/Net/Vpc/FlowLog');
  });

  test('S3 and DynamoDB gateway endpoints on every route table', () => {
    template.resourceCountIs('AWS::EC2::VPCEndpoint', 2);
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Gateway', RouteTableIds: Match.arrayWith([{ Ref: Match.stringLikeRegexp('PrivateSubnet1RouteTable') }]) });
    expect(net.endpoints.s3?.node.path).toMatch(/S3/);
    expect(net.endpoints.dynamoDb?.node.path).toBe('Test/Net/Vpc/BlueprintEndpoints/DynamoDB');
  });

  test('has zero unacknowledged cdk-nag findings', () => {
    expect(nagFindings(stack)).toEqual([]);
  });
});

test('dev: one NAT gateway, no isolated subnets, interface endpoints', () => {
  const stack = newStack();
  const net = new BlueprintVpc(stack, 'Net', { natGateways: 1, isolatedSubnets: false, interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.STS] });
  const template = Template.fromStack(stack);
  template.resourceCountIs('AWS::EC2::NatGateway', 1);
  template.resourceCountIs('AWS::EC2::Subnet', 4);
  template.hasResourceProperties('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Interface', ServiceName: 'com.amazonaws.us-east-1.sts' });
  expect(net.endpoints.securityGroup).toBeDefined();
});

describe('BlueprintVpc validation', () => {
  test.each([
    [1, /maxAzs is 1 AZs, allowed is a whole number 2–6 AZs, because a production VPC spans at least two AZs/],
    [7, /maxAzs is 7 AZs, allowed is a whole number 2–6 AZs/],
    [2.5, /maxAzs is 2.5 AZs, allowed is a whole number 2–6 AZs/],
  ])('maxAzs %s is refused', (maxAzs, error) => {
    const stack = newStack();
    new BlueprintVpc(stack, 'Net', { maxAzs, natGateways: 2 });
    expectErrors(stack, error);
  });

  test.each([2, 6])('maxAzs %s is accepted', (maxAzs) => {
    const stack = newStack();
    new BlueprintVpc(stack, 'Net', { maxAzs });
    expect(synthErrors(stack)).toEqual([]);
  });

  test.each([
    [0, /natGateways is 0 NAT gateways, allowed is a whole number 1–2 NAT gateways, because private-with-egress subnets need at least one NAT gateway/],
    [3, /natGateways is 3 NAT gateways, allowed is a whole number 1–2 NAT gateways/],
    [1.5, /natGateways is 1.5 NAT gateways/],
  ])('natGateways %s is refused (2 AZs)', (natGateways, error) => {
    const stack = newStack();
    new BlueprintVpc(stack, 'Net', { natGateways });
    expectErrors(stack, error);
  });

  test.each([1, 2])('natGateways %s is accepted (2 AZs)', (natGateways) => {
    const stack = newStack();
    new BlueprintVpc(stack, 'Net', { natGateways });
    expect(synthErrors(stack)).toEqual([]);
  });

  test('a token NAT gateway count is accepted', () => {
    const stack = newStack();
    new BlueprintVpc(stack, 'Net', { natGateways: new CfnParameter(stack, 'Nat', { type: 'Number' }).valueAsNumber });
    expect(synthErrors(stack).filter(e => /natGateways/.test(e))).toEqual([]);
  });
});

test('vpc-worker example snapshot', () => {
  const app = buildApp(new App());
  const stack = app.node.findChild('VpcWorker') as Stack;
  expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  expect(nagFindings(stack)).toEqual([]);
});

describe('the W3010 (literal availability zones) acknowledgement', () => {
  function metadataOf(stack: Stack): Array<[string, string, any]> {
    const resources = Template.fromStack(stack).toJSON().Resources as Record<string, any>;
    return Object.entries(resources).map(([id, r]) => [id, r.Type, r.Metadata ?? {}]);
  }
  const hasW3010 = (m: any) => JSON.stringify(m.cdk_nag ?? {}).includes('W3010');
  /** The logical ids the template's acknowledgement list names for W3010 (and any scope it names). */
  function w3010Acknowledged(stack: Stack): { resources: string[]; scopes: string[] } {
    const list = (Template.fromStack(stack).toJSON().Metadata?.cdk_lambda_blueprints_acknowledgements ?? []) as any[];
    const found = list.filter(a => a.id.includes('W3010'));
    return { resources: found.flatMap(a => a.resources ?? []).sort(), scopes: found.flatMap(a => a.scopes ?? []) };
  }

  test('in a stack with an account and region: only on the subnets, for cdk-nag and cfn-lint', () => {
    const stack = newStack();
    new BlueprintVpc(stack, 'Net');
    new sqs.Queue(stack, 'Unrelated');
    const all = metadataOf(stack);
    const subnets = all.filter(([, type]) => type === 'AWS::EC2::Subnet');
    expect(subnets).toHaveLength(6);
    expect(w3010Acknowledged(stack)).toEqual({ resources: subnets.map(([id]) => id).sort(), scopes: [] });
    for (const [, , m] of subnets) expect(m['cfn-lint']).toEqual({ config: { ignore_checks: ['W3010'] } });
    expect(all.filter(([, type, m]) => type !== 'AWS::EC2::Subnet' && (hasW3010(m) || m['cfn-lint']))).toEqual([]);
  });

  test('in an environment-agnostic stack: zones are Fn::GetAZs, nothing to acknowledge', () => {
    const stack = new Stack(new App(), 'Agnostic');
    new BlueprintVpc(stack, 'Net');
    expect(metadataOf(stack).filter(([, , m]) => hasW3010(m) || m['cfn-lint'])).toEqual([]);
    expect(w3010Acknowledged(stack)).toEqual({ resources: [], scopes: [] });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::Subnet', { AvailabilityZone: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] } });
  });
});
