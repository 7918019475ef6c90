import { randomUUID } from 'crypto';
import { failedItems, Invoker, Outbox, responseContext } from './outbox';

/** A Kinesis or DynamoDB Streams event source mapping, as the template configures it. */
export interface StreamMapping {
  readonly kind: 'kinesis' | 'dynamodb';
  readonly batchSize: number;
  readonly bisectOnError: boolean;
  /** -1: until the record expires. */
  readonly maxRetries: number;
  /** -1: no limit (the stream's retention). */
  readonly maxRecordAgeSeconds: number;
  readonly reportBatchItemFailures: boolean;
  readonly onFailureId?: string;
  readonly functionArn: string;
  readonly streamArn: string;
}

/** Retries of a batch with MaximumRetryAttempts -1, locally: the shard would stay blocked until the record expires. */
export const UNBOUNDED_RETRY_CAP = 100;

type StreamRecord = Record<string, any>;

const sequenceOf = (r: StreamRecord): string => r.kinesis?.sequenceNumber ?? r.dynamodb?.SequenceNumber;
const arrivalOf = (r: StreamRecord): number => r.kinesis?.approximateArrivalTimestamp ?? r.dynamodb?.ApproximateCreationDateTime ?? Date.now() / 1000;

/**
 * Delivers the records of one shard in order, the way Lambda's stream poller does: a failing batch is
 * retried (the shard waits), bisected on a function error when BisectBatchOnFunctionError is on, checkpointed
 * up to the first failed item of a partial batch response, and given up on after MaximumRetryAttempts or
 * MaximumRecordAgeInSeconds, when a failure record (batch info, not the records) goes to the on-failure
 * destination. A batch that fails again at its first record is halved as on a function error, so a
 * poison record ends up alone.
 */
export async function deliverStream(records: StreamRecord[], m: StreamMapping, invoke: Invoker, outbox: Outbox): Promise<void> {
  const giveUp = (batch: StreamRecord[], condition: string, attempts: number, outcome?: Awaited<ReturnType<Invoker>>): void => {
    outbox.failed += batch.length;
    if (!m.onFailureId) {
      outbox.warnings.push(`${batch.length} record(s) dropped (${condition}) without an on-failure destination`);
      return;
    }
    const info = {
      shardId: 'shardId-000000000000',
      startSequenceNumber: sequenceOf(batch[0]),
      endSequenceNumber: sequenceOf(batch[batch.length - 1]),
      approximateArrivalOfFirstRecord: new Date(arrivalOf(batch[0]) * 1000).toISOString(),
      approximateArrivalOfLastRecord: new Date(arrivalOf(batch[batch.length - 1]) * 1000).toISOString(),
      batchSize: batch.length,
      streamArn: m.streamArn,
    };
    outbox.put(m.onFailureId, {
      requestContext: { requestId: outcome?.requestId ?? randomUUID(), functionArn: m.functionArn, condition, approximateInvokeCount: attempts },
      responseContext: outcome ? responseContext(outcome) : { statusCode: 200, executedVersion: '$LATEST' },
      version: '1.0',
      timestamp: new Date().toISOString(),
      [m.kind === 'kinesis' ? 'KinesisBatchInfo' : 'DDBStreamBatchInfo']: info,
    });
  };

  const processBatch = async (initial: StreamRecord[]): Promise<void> => {
    let batch = initial;
    let attempts = 0;
    while (batch.length) {
      if (m.maxRecordAgeSeconds >= 0) {
        const oldest = Date.now() / 1000 - m.maxRecordAgeSeconds;
        const expired = batch.filter(r => arrivalOf(r) < oldest);
        if (expired.length) giveUp(expired, 'RecordAgeExceeded', attempts);
        batch = batch.filter(r => arrivalOf(r) >= oldest);
        if (!batch.length) return;
      }
      const outcome = await invoke(JSON.stringify({ Records: batch }));
      outbox.invocations++;
      attempts++;
      const ids = batch.map(sequenceOf);
      const failed = failedItems(outcome, m.reportBatchItemFailures, ids);
      if (failed !== 'all' && failed.length === 0) {
        outbox.succeeded += batch.length;
        return;
      }
      const from = failed === 'all' ? 0 : Math.min(...failed.map(id => ids.indexOf(id)));
      outbox.succeeded += from;
      const remaining = batch.slice(from);
      if (m.bisectOnError && from === 0 && remaining.length > 1) {
        const half = Math.ceil(remaining.length / 2);
        await processBatch(remaining.slice(0, half));
        await processBatch(remaining.slice(half));
        return;
      }
      const cap = m.maxRetries >= 0 ? m.maxRetries : UNBOUNDED_RETRY_CAP;
      if (attempts > cap) {
        if (m.maxRetries < 0) outbox.warnings.push(`MaximumRetryAttempts is -1: stopped after ${UNBOUNDED_RETRY_CAP} local retries (Lambda would block the shard until the records expire)`);
        giveUp(remaining, 'RetryAttemptsExhausted', attempts, outcome);
        return;
      }
      batch = remaining;
    }
  };

  for (let i = 0; i < records.length; i += m.batchSize) await processBatch(records.slice(i, i + m.batchSize));
}
