import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { newStack } from '../../helpers';
import { blueprintFindings } from '../../nag/nag-helpers';

function vpcFunction(stack: Stack, subnetType: ec2.SubnetType): void {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  new lambda.Function(stack, 'Fn', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.h',
    code: lambda.Code.fromInline('x'),
    vpc,
    vpcSubnets: { subnetType },
    allowPublicSubnet: true,
  });
}

describe('LambdaInternetGatewaySubnet', () => {
  test('Compliance: private subnets routed to a NAT gateway', () => {
    const stack = newStack();
    vpcFunction(stack, ec2.SubnetType.PRIVATE_WITH_EGRESS);
    expect(blueprintFindings(stack, 'LambdaInternetGatewaySubnet')).toEqual([]);
  });
  test('Compliance: imported subnets and functions outside a VPC are not judged', () => {
    const stack = newStack();
    new lambda.CfnFunction(stack, 'Out', { role: 'arn:aws:iam::123456789012:role/r', code: { zipFile: 'x' }, runtime: 'nodejs22.x', handler: 'index.h' });
    new lambda.CfnFunction(stack, 'Imported', {
      role: 'arn:aws:iam::123456789012:role/r',
      code: { zipFile: 'x' },
      runtime: 'nodejs22.x',
      handler: 'index.h',
      vpcConfig: { subnetIds: ['subnet-1'], securityGroupIds: ['sg-1'] },
    });
    expect(blueprintFindings(stack, 'LambdaInternetGatewaySubnet')).toEqual([]);
  });
  test('Noncompliance: public subnets routed to the internet gateway', () => {
    const stack = newStack();
    vpcFunction(stack, ec2.SubnetType.PUBLIC);
    expect(blueprintFindings(stack, 'LambdaInternetGatewaySubnet')).toEqual(['LambdaBlueprints-LambdaInternetGatewaySubnet @ Test/Fn/Resource']);
  });
  test('Noncompliance: an L1 route to an igw- id', () => {
    const stack = newStack();
    const subnet = new ec2.CfnSubnet(stack, 'Subnet', { vpcId: 'vpc-1', cidrBlock: '10.0.0.0/24' });
    const table = new ec2.CfnRouteTable(stack, 'Table', { vpcId: 'vpc-1' });
    new ec2.CfnSubnetRouteTableAssociation(stack, 'Assoc', { subnetId: subnet.ref, routeTableId: table.ref });
    new ec2.CfnRoute(stack, 'Route', { routeTableId: table.ref, destinationCidrBlock: '0.0.0.0/0', gatewayId: 'igw-123' });
    new ec2.CfnRoute(stack, 'Other', { routeTableId: 'rtb-x', destinationCidrBlock: '0.0.0.0/0', gatewayId: 'igw-123' });
    new lambda.CfnFunction(stack, 'Fn', {
      role: 'arn:aws:iam::123456789012:role/r',
      code: { zipFile: 'x' },
      runtime: 'nodejs22.x',
      handler: 'index.h',
      vpcConfig: { subnetIds: [subnet.ref, 'subnet-2'], securityGroupIds: ['sg-1'] },
    });
    expect(blueprintFindings(stack, 'LambdaInternetGatewaySubnet')).toEqual(['LambdaBlueprints-LambdaInternetGatewaySubnet @ Test/Fn']);
  });
});

describe('CodeDeployAliasAlarms', () => {
  function deployment(alarms: boolean): Stack {
    const stack = newStack();
    const fn = new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.h', code: lambda.Code.fromInline('x') });
    const alias = new lambda.Alias(stack, 'Live', { aliasName: 'live', version: fn.currentVersion });
    new codedeploy.LambdaDeploymentGroup(stack, 'Dg', {
      alias,
      deploymentConfig: codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES,
      alarms: alarms ? [new cloudwatch.Alarm(stack, 'Errors', { metric: fn.metricErrors({ period: Duration.minutes(1) }), threshold: 1, evaluationPeriods: 1 })] : [],
    });
    return stack;
  }
  test('Compliance: the deployment group rolls back on an alarm', () => {
    expect(blueprintFindings(deployment(true), 'CodeDeployAliasAlarms')).toEqual([]);
  });
  test('Compliance: an alias without CodeDeploy is not judged', () => {
    const stack = newStack();
    new lambda.CfnAlias(stack, 'A', { functionName: 'f', functionVersion: '1', name: 'live' });
    expect(blueprintFindings(stack, 'CodeDeployAliasAlarms')).toEqual([]);
  });
  test('Noncompliance: the deployment group has no alarms', () => {
    expect(blueprintFindings(deployment(false), 'CodeDeployAliasAlarms')).toEqual(['LambdaBlueprints-CodeDeployAliasAlarms @ Test/Live/Resource']);
  });
  test('Noncompliance: alarms configured but disabled, or enabled without alarms', () => {
    for (const alarmConfiguration of [{ enabled: false, alarms: [{ name: 'a' }] }, { enabled: true, alarms: [] }]) {
      const stack = newStack();
      const group = new codedeploy.CfnDeploymentGroup(stack, 'Dg', { applicationName: 'app', serviceRoleArn: 'arn:aws:iam::123456789012:role/cd', alarmConfiguration });
      const alias = new lambda.CfnAlias(stack, 'A', { functionName: 'f', functionVersion: '1', name: 'live' });
      alias.cfnOptions.updatePolicy = { codeDeployLambdaAliasUpdate: { applicationName: 'app', deploymentGroupName: group.ref } };
      expect(blueprintFindings(stack, 'CodeDeployAliasAlarms')).toEqual(['LambdaBlueprints-CodeDeployAliasAlarms @ Test/A']);
    }
  });
});
