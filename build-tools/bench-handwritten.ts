/**
 * The benchmark's floor: the same resources and settings as the blueprint variant, written by hand with
 * aws-cdk-lib L2 constructs (no validation, no shared-resource bookkeeping).
 */
import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

const HANDLER = 'exports.handler = async () => ({ batchItemFailures: [] });';

function terminalQueue(scope: Construct, id: string): sqs.Queue {
  const q = new sqs.Queue(scope, id, { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
  alarm(scope, `${id}Depth`, q.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }));
  return q;
}

function alarm(scope: Construct, id: string, metric: cloudwatch.IMetric): cloudwatch.Alarm {
  return new cloudwatch.Alarm(scope, id, {
    metric,
    threshold: 0,
    evaluationPeriods: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
}

/** N functions, each with a queue source, a stream source, a canary alias and VPC placement. */
export function handwritten(stack: Stack, n: number): void {
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 });
  vpc.addGatewayEndpoint('DynamoDb', { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB });
  const asyncDlq = terminalQueue(stack, 'AsyncDlq');
  const application = new codedeploy.LambdaApplication(stack, 'Deployments');

  for (let i = 0; i < n; i++) {
    const scope = new Construct(stack, `Fn${i}`);
    const role = new iam.Role(scope, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    role.addToPolicy(new iam.PolicyStatement({
      actions: ['ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses'],
      resources: ['*'],
    }));
    const logGroup = new logs.LogGroup(scope, 'Logs', { retention: logs.RetentionDays.ONE_MONTH });
    const sg = new ec2.SecurityGroup(scope, 'Sg', { vpc, allowAllOutbound: false });
    sg.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443));
    const fn = new lambda.Function(scope, 'Function', {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(HANDLER),
      memorySize: 1024,
      timeout: Duration.seconds(30),
      architecture: lambda.Architecture.ARM_64,
      tracing: lambda.Tracing.ACTIVE,
      role,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      deadLetterQueue: asyncDlq,
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [sg],
    });
    logGroup.grantWrite(role);
    // Errors and Throttles are alarmed on the alias (those alarms also roll deployments back).

    const alias = new lambda.Alias(scope, 'Alias', { aliasName: 'live', version: fn.currentVersion });
    new codedeploy.LambdaDeploymentGroup(scope, 'Deployment', {
      application,
      alias,
      deploymentConfig: codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES,
      alarms: [alarm(scope, 'AliasErrors', alias.metricErrors()), alarm(scope, 'AliasThrottles', alias.metricThrottles())],
      autoRollback: { failedDeployment: true, deploymentInAlarm: true },
    });

    const queueDlq = terminalQueue(scope, 'QueueDlq');
    const queue = new sqs.Queue(scope, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(180),
      deadLetterQueue: { queue: queueDlq, maxReceiveCount: 5 },
    });
    alias.addEventSource(new sources.SqsEventSource(queue, { batchSize: 10, reportBatchItemFailures: true }));
    alarm(scope, 'QueueAge', queue.metricApproximateAgeOfOldestMessage());

    const stream = new kinesis.Stream(scope, 'Stream', { encryption: kinesis.StreamEncryption.MANAGED, shardCount: 1 });
    const streamDlq = terminalQueue(scope, 'StreamDlq');
    alias.addEventSource(new sources.KinesisEventSource(stream, {
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      batchSize: 100,
      bisectBatchOnError: true,
      retryAttempts: 10,
      maxRecordAge: Duration.days(1),
      reportBatchItemFailures: true,
      onFailure: new sources.SqsDlq(streamDlq),
    }));
    alarm(scope, 'IteratorAge', fn.metric('IteratorAge', { statistic: 'Maximum' }));
  }
}
