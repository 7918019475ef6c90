import { synthApp, withFunction } from './helpers';
import { buildApp as basicApp } from '../../examples/basic-function';
import { buildApp as canaryApp } from '../../examples/canary-release';
import { buildApp as cognitoLogsApp } from '../../examples/cognito-logs-triggers';
import { buildApp as dynamoApp } from '../../examples/dynamodb-cdc-consumer';
import { buildApp as restApp } from '../../examples/rest-api';
import { buildApp as s3App } from '../../examples/s3-bucket-processor';
import { buildApp as scheduledApp } from '../../examples/scheduled-job';
import { buildApp as snsApp } from '../../examples/sns-fanout-consumer';
import { buildApp as vpcApp } from '../../examples/vpc-worker';
import { SampleEvents } from '../../src';
import { apiGatewayEvent } from '../../src/local/private/events';
import { Gateway } from '../../src/local/private/serve/gateway';

// The remaining examples' handlers, each through its own trigger as the template wires it.

test('basic-function and canary-release: direct invocations, JSON logs, the smoke test answer', async () => {
  await withFunction(synthApp(basicApp), 'BasicFunction/Hello', async e => {
    const o = await e.invoke({ payload: '{"who":"local"}' });
    expect(JSON.parse(o.payload)).toEqual({ ok: true });
    expect(o.logs.map(l => JSON.parse(l))).toContainEqual(expect.objectContaining({ level: 'INFO', requestId: o.requestId }));
  });
  await withFunction(synthApp(canaryApp), 'CanaryRelease/Api', async e => {
    expect(JSON.parse((await e.invoke({ payload: '{"smokeTest":true}' })).payload)).toEqual({ statusCode: 200, body: 'ok' });
  });
});

test('rest-api: an API Gateway proxy request, directly and through the served front door (IAM not enforced, said)', async () => {
  const assembly = synthApp(restApp);
  await withFunction(assembly, 'RestApi/Handler', async e => {
    const o = await e.invoke({ payload: JSON.stringify(apiGatewayEvent('POST', '/orders', '{}')) });
    expect(JSON.parse(JSON.parse(o.payload).body)).toEqual({ method: 'POST', path: '/orders' });
  });
  const gateway = Gateway.open(assembly);
  try {
    expect(gateway.warnings).toContain('rest-api RestApi/Api/Api (stage prod): ANY /{proxy+}: AWS_IAM authorization is not enforced locally (every request is let through)');
    const r = await gateway.handle(gateway.doors[0], { method: 'POST', path: '/prod/orders', query: '', headers: [['content-type', 'application/json']], body: Buffer.from('{}'), sourceIp: '127.0.0.1' });
    expect([r.statusCode, JSON.parse(r.body.toString())]).toEqual([200, { method: 'POST', path: '/orders' }]);
  } finally {
    gateway.dispose();
  }
});

test('s3-bucket-processor, sns-fanout-consumer, scheduled-job: asynchronous triggers deliver their events', async () => {
  await withFunction(synthApp(s3App), 'S3BucketProcessor/Processor', async e => {
    const outbox = await e.deliver(['incoming/a.json']);
    expect([outbox.source.split(':')[0], outbox.succeeded]).toEqual(['s3', 1]);
  });
  await withFunction(synthApp(snsApp), 'SnsFanoutConsumer/OrderConsumer', async e => {
    expect((await e.deliver(['{"order":1}', '{"order":2}'])).succeeded).toBe(2);
  });
  await withFunction(synthApp(scheduledApp), 'ScheduledJob/NightlyReport', async e => {
    const o = await e.invoke({ payload: e.sampleEvent('eventbridge') });
    expect(JSON.parse(o.payload).rule).toMatch(/^arn:aws:events:us-east-1:123456789012:rule\//);
    expect((await e.deliver(['{"report":"daily"}'])).succeeded).toBe(1);
  });
});

test('dynamodb-cdc-consumer: change records through the stream mapping', async () => {
  await withFunction(synthApp(dynamoApp), 'DynamoDbCdcConsumer/Orders', async e => {
    const outbox = await e.deliver(['{"pk":"order#1","total":3}', '{"pk":"order#2","total":5}']);
    expect([outbox.source.split(':')[0], outbox.succeeded, outbox.failed]).toEqual(['dynamodb', 2, 0]);
  });
});

test('vpc-worker: the AWS SDK Lambda\'s runtime bundles is not emulated: a clear Runtime.ImportModuleError', async () => {
  await withFunction(synthApp(vpcApp), 'VpcWorker/Worker', async e => {
    const o = await e.invoke({ payload: '{}' });
    expect(o.errorType).toBe('Runtime.ImportModuleError');
    expect(o.errorMessage).toMatch(/Cannot find module '@aws-sdk\/client-s3'/);
  }, { environment: { BUCKET_NAME: 'b', DB_HOST: 'localhost', DB_PORT: '5432' } });
});

test('cognito-logs-triggers: pre sign-up confirms company addresses and refuses others; the shipper decodes a logs batch', async () => {
  const assembly = synthApp(cognitoLogsApp);
  await withFunction(assembly, 'CognitoLogsTriggers/PreSignUp', async e => {
    const ok = await e.invoke({ payload: JSON.stringify(SampleEvents.cognitoPreSignUp({ userAttributes: { email: 'jane@example.com' } })) });
    expect(JSON.parse(ok.payload).response).toEqual({ autoConfirmUser: true, autoVerifyEmail: true, autoVerifyPhone: false });
    const refused = await e.invoke({ payload: JSON.stringify(SampleEvents.cognitoPreSignUp({ userAttributes: { email: 'joe@other.org' } })) });
    expect(refused.errorMessage).toMatch(/open to @example\.com addresses only/);
  }, { environment: { ALLOWED_DOMAIN: 'example.com' } });
  await withFunction(assembly, 'CognitoLogsTriggers/LogShipper', async e => {
    const o = await e.invoke({ payload: e.sampleEvent('cloudwatch-logs') });
    expect(JSON.parse(o.payload)).toEqual({ shipped: 1 });
    const two = await e.invoke({ payload: JSON.stringify(SampleEvents.cloudWatchLogs({ messages: ['ERROR a', 'ERROR b'] })) });
    expect(JSON.parse(two.payload)).toEqual({ shipped: 2 });
    // Through the subscription, as CloudWatch Logs delivers (asynchronously): one batch per record here.
    const outbox = await e.deliver(['ERROR a', 'ERROR b']);
    expect([outbox.source.split(':')[0], outbox.succeeded, outbox.failed]).toEqual(['cloudwatch-logs', 2, 0]);
  });
  await withFunction(assembly, 'CognitoLogsTriggers/PreSignUp', async e => {
    // The template wires a Cognito pool: any Cognito trigger event is accepted, another kind is refused.
    expect(JSON.parse((await e.invoke({ payload: e.sampleEvent('cognito-post-confirmation') })).payload).triggerSource).toBe('PostConfirmation_ConfirmSignUp');
    await expect(e.invoke({ payload: e.sampleEvent('sqs') })).rejects.toThrow(/event shape mismatch: the event looks like a\(n\) sqs event, but the template connects this function to cognito/);
  });
});
