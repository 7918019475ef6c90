/**
 * The benchmark's floor: the same resources and settings as the blueprint variant, written by hand with
 * aws-cdk-lib L2 constructs (no validation, no shared-resource bookkeeping).
 * The same monitoring too: a p99 duration alarm per function and one dashboard per stack with the graphs
 * a blueprint dashboard draws, and alarm descriptions that tell the on-call engineer what fired and what
 * to do (what a production app written by hand carries too, and what the blueprints write).
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

function terminalQueue(scope: Construct, id: string, what: string): sqs.Queue {
  const q = new sqs.Queue(scope, id, { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
  alarm(scope, `${id}Depth`, q.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
    `${q.node.path}: ${what} are waiting in this terminal queue; inspect and redrive them.`);
  return q;
}

function alarm(scope: Construct, id: string, metric: cloudwatch.IMetric, description: string): cloudwatch.Alarm {
  return new cloudwatch.Alarm(scope, id, {
    metric,
    alarmDescription: description,
    threshold: 0,
    evaluationPeriods: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
}

const PERIOD = Duration.minutes(5);

function graph(title: string, left: cloudwatch.IMetric[], extra: Partial<cloudwatch.GraphWidgetProps> = {}): cloudwatch.GraphWidget {
  return new cloudwatch.GraphWidget({ title, left, width: 6, height: 6, period: PERIOD, ...extra });
}

function queueGraph(title: string, q: sqs.Queue): cloudwatch.GraphWidget {
  return graph(title, [q.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' })],
    { right: [q.metricApproximateAgeOfOldestMessage({ period: PERIOD, statistic: 'Maximum' })] });
}

/** What the stack's dashboard shows of one function (the graphs a blueprint dashboard draws for it). */
function functionGraphs(name: string, fn: lambda.Function, queues: Array<[string, sqs.Queue]>): cloudwatch.IWidget[] {
  const invocations = fn.metricInvocations({ period: PERIOD, statistic: 'Sum' });
  const errors = fn.metricErrors({ period: PERIOD, statistic: 'Sum' });
  return [
    new cloudwatch.TextWidget({ markdown: `### λ ${name} (stream consumer, queue consumer)`, width: 24, height: 1 }),
    graph(`${name}: invocations, errors, success rate`, [invocations, errors], {
      right: [new cloudwatch.MathExpression({ expression: '100 - 100 * errors / MAX([errors, invocations])', usingMetrics: { errors, invocations }, period: PERIOD, label: 'success rate (%)' })],
      rightYAxis: { min: 0, max: 100, label: '%', showUnits: false },
    }),
    graph(`${name}: duration p50 / p99`, [fn.metricDuration({ period: PERIOD, statistic: 'p50' }), fn.metricDuration({ period: PERIOD, statistic: 'p99' })],
      { leftAnnotations: [{ value: 30_000, label: 'timeout 30 s', color: cloudwatch.Color.RED }] }),
    graph(`${name}: concurrent executions`, [fn.metric('ConcurrentExecutions', { period: PERIOD, statistic: 'Maximum' })]),
    graph(`${name}: throttles`, [fn.metricThrottles({ period: PERIOD, statistic: 'Sum' })]),
    graph(`${name}: iterator age (max)`, [fn.metric('IteratorAge', { period: PERIOD, statistic: 'Maximum' })]),
    ...queues.map(([title, q]) => queueGraph(title, q)),
  ];
}

/** N functions, each with a queue source, a stream source, a canary alias and VPC placement. */
export function handwritten(stack: Stack, n: number): void {
  const dashboard = new cloudwatch.Dashboard(stack, 'Dashboard');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 });
  vpc.addGatewayEndpoint('DynamoDb', { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB });
  const asyncDlq = terminalQueue(stack, 'AsyncDlq', 'asynchronous events that failed every attempt');
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
      alarms: [
        alarm(scope, 'AliasErrors', alias.metricErrors(), `${alias.node.path}: the alias reported errors (rolls a deployment back).`),
        alarm(scope, 'AliasThrottles', alias.metricThrottles(), `${alias.node.path}: invocations of the alias were throttled (rolls a deployment back).`),
      ],
      autoRollback: { failedDeployment: true, deploymentInAlarm: true },
    });

    const queueDlq = terminalQueue(scope, 'QueueDlq', 'messages that failed processing repeatedly');
    const queue = new sqs.Queue(scope, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(180),
      deadLetterQueue: { queue: queueDlq, maxReceiveCount: 5 },
    });
    alias.addEventSource(new sources.SqsEventSource(queue, { batchSize: 10, reportBatchItemFailures: true }));
    alarm(scope, 'QueueAge', queue.metricApproximateAgeOfOldestMessage(),
      `${queue.node.path}: the oldest message of the source queue is older than 5 minutes: the function falls behind or keeps failing.`);

    const stream = new kinesis.Stream(scope, 'Stream', { encryption: kinesis.StreamEncryption.MANAGED, shardCount: 1 });
    const streamDlq = terminalQueue(scope, 'StreamDlq', 'records the stream mapping gave up on');
    alias.addEventSource(new sources.KinesisEventSource(stream, {
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      batchSize: 100,
      bisectBatchOnError: true,
      retryAttempts: 10,
      maxRecordAge: Duration.days(1),
      reportBatchItemFailures: true,
      onFailure: new sources.SqsDlq(streamDlq),
    }));
    alarm(scope, 'IteratorAge', fn.metric('IteratorAge', { statistic: 'Maximum' }),
      `${alias.node.path}: the newest stream records wait longer than 1 minute (IteratorAge): the function falls behind or a batch is blocking a shard.`);
    new cloudwatch.Alarm(scope, 'Duration', {
      metric: fn.metricDuration({ period: PERIOD, statistic: 'p99' }),
      alarmDescription: `${scope.node.path}: p99 duration reached 90 % of the 30 s timeout (27000 ms): invocations are about to time out.`,
      threshold: 27_000,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    const queues: Array<[string, sqs.Queue]> = [['source queue', queue], ['DLQ (redrive)', queueDlq], ['DLQ (on-failure)', streamDlq]];
    if (i === 0) queues.push(['DLQ (async)', asyncDlq]);
    dashboard.addWidgets(...functionGraphs(`Fn${i}`, fn, queues));
  }
}
