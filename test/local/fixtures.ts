import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';

/** Node.js handlers for the lifecycle tests, inlined into the template (Code.ZipFile). */
export const HANDLERS = {
  warm: `const fs = require('fs'); const os = require('os'); const path = require('path');
let count = 0; const bornAt = Date.now();
exports.handler = async () => {
  const marker = path.join(os.tmpdir(), 'marker');
  const tmpSurvived = fs.existsSync(marker); fs.writeFileSync(marker, 'x');
  console.log('count is', count + 1);
  return { count: ++count, bornAt, tmpSurvived, env: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE };
};`,
  sleep: 'exports.handler = async (event) => { await new Promise(r => setTimeout(r, event.ms)); return { slept: event.ms }; };',
  callback: `exports.handler = (event, context, callback) => {
  setTimeout(() => callback(null, { id: context.awsRequestId, arn: context.invokedFunctionArn, left: context.getRemainingTimeInMillis(),
    client: context.clientContext, identity: context.identity, trace: process.env._X_AMZN_TRACE_ID, name: context.functionName }), 5);
};`,
  fails: `class OrderError extends Error { constructor(m) { super(m); this.name = 'OrderError'; } }
exports.handler = async (event) => { if (event.Records && event.Records[0].Sns.Message === 'bad') throw new OrderError('bad order'); if (event.boom) throw new OrderError('boom'); return { ok: true }; };`,
  json: 'exports.handler = async () => { console.log(\'hello %s\', \'json\'); console.error(\'oops\'); return 1; };',
  big: 'exports.handler = async (event) => \'x\'.repeat(event.bytes);',
  env: 'exports.handler = async () => ({ queue: process.env.QUEUE_URL, plain: process.env.PLAIN, extra: process.env.EXTRA });',
  conformance: `let n = 0;
exports.handler = async (event, context) => {
  if (event.fail) { const e = new Error('conformance failure'); e.name = 'ConformanceError'; throw e; }
  console.log('conformance log');
  return { n: ++n, event, requestIdSet: typeof context.awsRequestId === 'string', arn: context.invokedFunctionArn, fn: context.functionName,
    mem: context.memoryLimitInMB, left: context.getRemainingTimeInMillis() > 0, cc: context.clientContext || null };
};`,
  crash: 'exports.handler = async () => { setTimeout(() => { throw new Error(\'async crash\'); }, 1); await new Promise(r => setTimeout(r, 50)); return \'never\'; };',
};

/** A stack of small functions covering the lifecycle, logging, errors and async delivery. */
export function lifecycleApp(app: App): Stack {
  const stack = new Stack(app, 'Local', { env: { account: '111111111111', region: 'eu-west-1' } });
  const node = (id: string, code: string, props: Partial<lambda.FunctionProps> = {}): lambda.Function => new lambda.Function(stack, id, {
    runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline(code), memorySize: 256, ...props,
  });
  node('Warm', HANDLERS.warm);
  node('Sleep', HANDLERS.sleep, { timeout: Duration.seconds(1) });
  node('Callback', HANDLERS.callback);
  node('Callback24', HANDLERS.callback, { runtime: lambda.Runtime.NODEJS_24_X });
  node('Json', HANDLERS.json, { loggingFormat: lambda.LoggingFormat.JSON });
  node('Big', HANDLERS.big);
  node('Crash', HANDLERS.crash);
  node('Conformance', HANDLERS.conformance);
  node('NoExport', HANDLERS.warm, { handler: 'index.nope' });
  node('NoModule', HANDLERS.warm, { handler: 'missing.handler' });
  const queue = new sqs.Queue(stack, 'Orders');
  node('Env', HANDLERS.env, { environment: { QUEUE_URL: queue.queueUrl, PLAIN: 'plain' } });
  const failures = new sqs.Queue(stack, 'Failures');
  const dlq = new sqs.Queue(stack, 'Dlq');
  const fails = node('Fails', HANDLERS.fails, { deadLetterQueue: dlq });
  fails.configureAsyncInvoke({ retryAttempts: 1, onFailure: new destinations.SqsDestination(failures) });
  new sns.Topic(stack, 'Topic').addSubscription(new subscriptions.LambdaSubscription(fails));
  new lambda.Function(stack, 'Py', {
    runtime: lambda.Runtime.PYTHON_3_12,
    handler: 'index.handler',
    code: lambda.Code.fromInline([
      'import logging',
      'count = 0',
      'def fields(o, names):',
      '    return None if o is None else {n: getattr(o, n) for n in names}',
      'def handler(event, context):',
      '    global count',
      '    count += 1',
      '    logging.getLogger().info("python %s", count)',
      '    if event.get("boom"):',
      '        raise ValueError("python boom")',
      '    cc = context.client_context',
      '    return {"x": event.get("x"), "count": count, "left": context.get_remaining_time_in_millis() > 0, "id": context.aws_request_id,',
      '            "identity": fields(context.identity, ["cognito_identity_id", "cognito_identity_pool_id"]),',
      '            "client_context": fields(cc, ["custom", "env"]),',
      '            "client": fields(cc and cc.client, ["installation_id", "app_title", "app_version_name", "app_version_code", "app_package_name"])}',
    ].join('\n')),
  });
  return stack;
}

/** A temporary directory holding `files` (name -> content, mode). */
export function tempCode(files: Record<string, { content: string | Buffer; mode?: number }>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-test-code-'));
  for (const [name, f] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), f.content, { mode: f.mode ?? 0o644 });
  }
  return dir;
}

/** A zip archive (stored entries, Unix modes) of `files`, written to a temporary file. */
export function tempZip(files: Record<string, { content: string; mode?: number; deflate?: boolean }>): string {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, f] of Object.entries(files)) {
    const data = f.deflate ? zlib.deflateRawSync(Buffer.from(f.content)) : Buffer.from(f.content);
    const method = f.deflate ? 8 : 0;
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(method, 8);
    local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(3 * 256 + 20, 4); central.writeUInt16LE(method, 10);
    central.writeUInt32LE(data.length, 20); central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28); central.writeUInt32LE((0o100000 + (f.mode ?? 0o644)) * 65_536, 38); central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0); eocd.writeUInt16LE(centrals.length / 2, 8); eocd.writeUInt16LE(centrals.length / 2, 10);
  eocd.writeUInt32LE(cd.length, 12); eocd.writeUInt32LE(offset, 16);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'local-test-zip-')), 'code.zip');
  fs.writeFileSync(file, Buffer.concat([...locals, cd, eocd]));
  return file;
}
