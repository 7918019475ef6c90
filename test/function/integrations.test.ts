import { Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as elbv2targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import { DynamoEventSource, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { BlueprintFunction, BlueprintFunctionUrl, QueueSource, EventBridgeToFunction, FunctionNetwork, QueueToFunction, RestApiToFunction, S3ToFunction, SnsToFunction } from '../../src';
import { releasedFunction } from '../deployment/fixtures';
import { newStack, synthErrors } from '../helpers';

/** `{ Ref: <alias> }`: what every integration must invoke once the function is released. */
function aliasRef(stack: Stack, fn: BlueprintFunction): { Ref: string } {
  return { Ref: stack.getLogicalId(fn.alias!.node.defaultChild as lambda.CfnAlias) };
}

/** The alias's qualified name (`function:live`), which event source mappings name. */
function aliasName(stack: Stack, fn: BlueprintFunction): unknown {
  return stack.resolve(fn.alias!.functionName);
}

/** The role's logical id. */
function roleId(stack: Stack, fn: BlueprintFunction): string {
  return stack.getLogicalId(fn.role!.node.defaultChild as iam.CfnRole);
}

/** Every statement of the policies attached to the function's role, flattened. */
function roleStatements(stack: Stack, fn: BlueprintFunction): any[] {
  const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy');
  return Object.values(policies)
    .filter((p: any) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId(stack, fn) }]))
    .flatMap((p: any) => p.Properties.PolicyDocument.Statement);
}

describe('BlueprintFunction is a lambda.IFunction, iam.IGrantable and ec2.IConnectable', () => {
  test('the types line up (compile-time) and delegate to the alias', () => {
    const stack = newStack();
    const fn = releasedFunction(stack);
    const asFunction: lambda.IFunction = fn;
    const asGrantable: iam.IGrantable = fn;
    const asConnectable: ec2.IConnectable = fn;
    expect(asFunction.functionArn).toBe(fn.alias!.functionArn);
    expect(asFunction.functionName).toBe(fn.alias!.functionName);
    expect(asFunction.permissionsNode).toBe(fn.alias!.node);
    expect(asGrantable.grantPrincipal).toBe(fn.role);
    expect(asConnectable.connections.securityGroups).toEqual([]);
    expect(fn.isBoundToVpc).toBe(false);
    expect(fn.latestVersion).toBe(fn.function.latestVersion);
    expect(fn.architecture).toBe(lambda.Architecture.ARM_64);
    expect(fn.stack).toBe(stack);
    expect(fn.env.region).toBe('us-east-1');
    const dimensions = stack.resolve(fn.metricErrors().dimensions);
    expect(dimensions.FunctionName).toEqual(stack.resolve(fn.function.functionName));
    expect(dimensions.Resource).toEqual({ 'Fn::Join': ['', [stack.resolve(fn.function.functionName), ':live']] });
  });

  test('without deployment, everything goes to the function itself', () => {
    const stack = newStack();
    const fn = releasedFunction(stack, { deployment: undefined });
    expect(fn.invokeTarget).toBe(fn.function);
    expect(fn.functionArn).toBe(fn.function.functionArn);
    expect(fn.resourceArnsForGrantInvoke).toEqual(fn.function.resourceArnsForGrantInvoke);
  });

  test('bucket.grantRead(fn) adds the read statement to the function\'s own role', () => {
    const stack = newStack();
    const fn = releasedFunction(stack);
    const bucket = new s3.Bucket(stack, 'Bucket');
    bucket.grantRead(fn);
    const bucketId = stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket);
    expect(roleStatements(stack, fn)).toContainEqual({
      Action: ['s3:GetObject*', 's3:GetBucket*', 's3:List*'],
      Effect: 'Allow',
      Resource: [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/*']] }],
    });
  });

  test('table.grantReadWriteData(fn) adds the data statement to the function\'s own role', () => {
    const stack = newStack();
    const fn = releasedFunction(stack);
    const table = new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });
    table.grantReadWriteData(fn);
    const statement = roleStatements(stack, fn).find(s => Array.isArray(s.Action) && s.Action.includes('dynamodb:PutItem'));
    expect(statement.Resource).toContainEqual({ 'Fn::GetAtt': [stack.getLogicalId(table.node.defaultChild as dynamodb.CfnTable), 'Arn'] });
  });

  test('new targets.LambdaFunction(fn) targets the alias and permits events on the alias', () => {
    const stack = newStack();
    const fn = releasedFunction(stack);
    new events.Rule(stack, 'Rule', { schedule: events.Schedule.rate(Duration.minutes(5)), targets: [new targets.LambdaFunction(fn)] });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Events::Rule', { Targets: [Match.objectLike({ Arn: aliasRef(stack, fn) })] });
    template.hasResourceProperties('AWS::Lambda::Permission', { Principal: 'events.amazonaws.com', FunctionName: aliasRef(stack, fn) });
  });

  test('new apigateway.LambdaIntegration(fn) integrates and permits the alias', () => {
    const stack = newStack();
    const fn = releasedFunction(stack);
    const api = new apigateway.RestApi(stack, 'Api');
    api.root.addMethod('GET', new apigateway.LambdaIntegration(fn));
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      Integration: { Uri: { 'Fn::Join': ['', Match.arrayWith([aliasRef(stack, fn)])] } },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', { Principal: 'apigateway.amazonaws.com', FunctionName: aliasRef(stack, fn) });
  });

  test('fn.addEventSource(new SqsEventSource(queue)) maps the queue to the alias; the role may consume', () => {
    const stack = newStack();
    const fn = releasedFunction(stack);
    const queue = new sqs.Queue(stack, 'Queue');
    fn.addEventSource(new SqsEventSource(queue));
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::EventSourceMapping', { FunctionName: aliasName(stack, fn) });
    expect(roleStatements(stack, fn).some(s => Array.isArray(s.Action) && s.Action.includes('sqs:ReceiveMessage'))).toBe(true);
  });

  test('new SqsEventSource(queue).bind(fn) maps the queue to the alias', () => {
    const stack = newStack();
    const fn = releasedFunction(stack);
    new SqsEventSource(new sqs.Queue(stack, 'Queue')).bind(fn);
    Template.fromStack(stack).resourcePropertiesCountIs('AWS::Lambda::EventSourceMapping', { FunctionName: aliasName(stack, fn) }, 1);
  });

  test('a DynamoEventSource maps the stream to the alias', () => {
    const stack = newStack();
    const fn = releasedFunction(stack);
    const table = new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, stream: dynamodb.StreamViewType.NEW_IMAGE });
    fn.addEventSource(new DynamoEventSource(table, { startingPosition: lambda.StartingPosition.TRIM_HORIZON }));
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::EventSourceMapping', { FunctionName: aliasName(stack, fn) });
  });

  test('an S3 notification (s3n.LambdaDestination) invokes the alias', () => {
    const stack = newStack();
    const fn = releasedFunction(stack);
    new s3.Bucket(stack, 'Bucket').addObjectCreatedNotification(new s3n.LambdaDestination(fn));
    const template = Template.fromStack(stack);
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: { LambdaFunctionConfigurations: [Match.objectLike({ LambdaFunctionArn: aliasRef(stack, fn) })] },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', { Principal: 's3.amazonaws.com', FunctionName: aliasRef(stack, fn) });
  });

  test('an SNS LambdaSubscription invokes the alias', () => {
    const stack = newStack();
    const fn = releasedFunction(stack);
    new sns.Topic(stack, 'Topic').addSubscription(new subscriptions.LambdaSubscription(fn));
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'lambda', Endpoint: aliasRef(stack, fn) });
    template.hasResourceProperties('AWS::Lambda::Permission', { Principal: 'sns.amazonaws.com', FunctionName: aliasRef(stack, fn) });
  });

  test('an ALB LambdaTarget invokes the alias', () => {
    const stack = newStack();
    const fn = releasedFunction(stack);
    new elbv2.ApplicationTargetGroup(stack, 'Targets', { targets: [new elbv2targets.LambdaTarget(fn)] });
    Template.fromStack(stack).hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { Targets: [{ Id: aliasRef(stack, fn) }] });
  });

  test('a Step Functions LambdaInvoke invokes the alias', () => {
    const stack = newStack();
    const fn = releasedFunction(stack);
    const task = new tasks.LambdaInvoke(stack, 'Invoke', { lambdaFunction: fn });
    expect(JSON.stringify(stack.resolve(task.toStateJson()))).toContain(JSON.stringify(aliasRef(stack, fn)));
  });

  test('another function\'s destinations.LambdaDestination(fn) sends records to the alias', () => {
    const stack = newStack();
    const fn = releasedFunction(stack);
    releasedFunction(stack, { deployment: undefined, asyncInvoke: { onFailure: new destinations.LambdaDestination(fn) } }, 'Caller');
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      DestinationConfig: { OnFailure: { Destination: aliasRef(stack, fn) } },
    });
  });

  test('fn.grantInvoke(role) grants lambda:InvokeFunction on the alias', () => {
    const stack = newStack();
    const fn = releasedFunction(stack);
    const caller = new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });
    fn.grantInvoke(caller);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: aliasRef(stack, fn) }] },
    });
  });

  test('fn.addFunctionUrl() puts the URL on the alias (qualifier), like BlueprintFunctionUrl', () => {
    const stack = newStack();
    const fn = releasedFunction(stack);
    fn.addFunctionUrl();
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Url', { Qualifier: 'live' });
  });

  test('the L3s accept any lambda.IFunction: a plain lambda.Function and an imported one', () => {
    const stack = newStack();
    const plain = new lambda.Function(stack, 'Plain', {
      runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({});'),
    });
    const imported = lambda.Function.fromFunctionArn(stack, 'Imported', 'arn:aws:lambda:us-east-1:123456789012:function:other');
    new SnsToFunction(stack, 'Sns', { function: imported, topic: new sns.Topic(stack, 'Topic') });
    new EventBridgeToFunction(stack, 'Schedule', { function: imported, schedule: events.Schedule.rate(Duration.hours(1)) });
    new S3ToFunction(stack, 'S3', { function: imported, bucket: new s3.Bucket(stack, 'Bucket') });
    new RestApiToFunction(stack, 'Api', { function: plain });
    new BlueprintFunctionUrl(stack, 'Url', { function: plain });
    new QueueToFunction(stack, 'Jobs', { function: plain });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::SNS::Subscription', { Endpoint: 'arn:aws:lambda:us-east-1:123456789012:function:other' });
    template.resourcePropertiesCountIs('AWS::Lambda::EventSourceMapping', { FunctionName: { Ref: stack.getLogicalId(plain.node.defaultChild as lambda.CfnFunction) } }, 1);
  });

  test('a plain lambda.Function without a failure path is still refused by a trigger', () => {
    const stack = newStack();
    const plain = new lambda.Function(stack, 'Plain', {
      runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({});'),
    });
    new SnsToFunction(stack, 'Sns', { function: plain, topic: new sns.Topic(stack, 'Topic') });
    expect(synthErrors(stack)).toEqual([expect.stringMatching(/^\[Test\/Plain\/Resource\] LambdaBlueprints-LambdaAsyncFailurePath: DeadLetterConfig is not set and no on-failure destination, but Test\/Sns\/Subscription\/Resource \(SNS subscription\) invokes it asynchronously/)]);
  });
});

describe('connections', () => {
  test('a function in a VPC: connections are its security groups, usable by aws-cdk-lib', () => {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
    const fn = releasedFunction(stack, { network: FunctionNetwork.privateEgress(vpc) });
    const db = new ec2.SecurityGroup(stack, 'Db', { vpc, allowAllOutbound: false });
    db.connections.allowFrom(fn, ec2.Port.tcp(5432));
    expect(fn.isBoundToVpc).toBe(true);
    expect(fn.connections).toBe(fn.networkPlacement!.connections);
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      FromPort: 5432,
      ToPort: 5432,
      GroupId: { 'Fn::GetAtt': [stack.getLogicalId(db.node.defaultChild as ec2.CfnSecurityGroup), 'GroupId'] },
      SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^FnSecurityGroup'), 'GroupId'] },
    });
  });

  test('a function without network: a rule asked of its connections is refused at synth, not dropped', () => {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
    const fn = releasedFunction(stack);
    const db = new ec2.SecurityGroup(stack, 'Db', { vpc, allowAllOutbound: false });
    fn.connections.allowTo(db, ec2.Port.tcp(5432));
    expect(synthErrors(stack)).toEqual([
      '[Test/Fn] LambdaBlueprints-LambdaNetworkPlacement: connections is allowTo(Test/Db, 5432) without network, allowed is security-group rules only with a VPC placement (network: FunctionNetwork.privateEgress(vpc) or .isolated(vpc)), because a function outside a VPC has no security group: the rule would be silently dropped.',
    ]);
  });
});

describe('blueprint sources bound directly', () => {
  test('new QueueSource(queue).bind(fn) maps the queue to the alias, under the alias', () => {
    const stack = newStack();
    const fn = releasedFunction(stack);
    const source = new QueueSource(new sqs.Queue(stack, 'Queue', { visibilityTimeout: Duration.minutes(3) }));
    source.bind(fn);
    expect(source.mapping.node.scope!.node.scope).toBe(fn.alias);
    Template.fromStack(stack).resourcePropertiesCountIs('AWS::Lambda::EventSourceMapping', { FunctionName: aliasName(stack, fn) }, 1);
  });
});
