import { gzipSync } from 'zlib';
import { env, EPOCH_MS } from './common';
import { CloudWatchLogsSampleOptions } from '../options';

/**
 * A CloudWatch Logs subscription batch: `awslogs.data` is the batch as JSON, gzip-compressed, then
 * base64-encoded. The handler returns nothing (the invocation is asynchronous).
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-cloudwatchlogs.html
 */
export function logsEvent(o: CloudWatchLogsSampleOptions): any {
  const { account } = env(o);
  const messages = o.messages ?? ['{"level":"ERROR","message":"payment failed"}'];
  const batch = {
    messageType: 'DATA_MESSAGE',
    owner: account,
    logGroup: o.logGroup ?? '/aws/lambda/orders',
    logStream: o.logStream ?? '2025/01/01/[$LATEST]0123456789abcdef0123456789abcdef',
    subscriptionFilters: [o.subscriptionFilter ?? 'errors-to-lambda'],
    logEvents: messages.map((message, i) => ({
      id: `3862264523683880546${String(i).padStart(37, '0')}`,
      timestamp: EPOCH_MS + i,
      message,
    })),
  };
  return { awslogs: { data: gzipSync(Buffer.from(JSON.stringify(batch), 'utf-8')).toString('base64') } };
}
