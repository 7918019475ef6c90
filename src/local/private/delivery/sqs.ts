import { randomUUID } from 'crypto';
import { sqsRecord, SourceContext } from '../events';
import { failedItems, Invoker, Outbox } from './outbox';

/** An SQS event source mapping and its queue, as the template configures them. */
export interface SqsMapping {
  readonly batchSize: number;
  readonly reportBatchItemFailures: boolean;
  /** Batches in flight at once (the mapping's maximum concurrency). */
  readonly concurrency: number;
  /** Redrive: receives before SQS moves a message to `deadLetterId`. */
  readonly maxReceiveCount?: number;
  readonly deadLetterId?: string;
  /** Receives after which an unredriven message would outlive its retention (retention / visibility timeout). */
  readonly receivesUntilExpiry: number;
  readonly context: SourceContext;
}

interface Message {
  readonly id: string;
  readonly body: string;
  receives: number;
}

/**
 * Delivers messages the way the SQS poller does: batches of at most BatchSize, `concurrency` batches at a
 * time; a function error returns the whole batch to the queue, a partial batch response only the listed
 * messages; each receive counts, and a message received maxReceiveCount times moves to the redrive DLQ on
 * its next receive. Time is virtual: a returned message is visible again at once (no visibility wait).
 */
export async function deliverSqs(bodies: string[], m: SqsMapping, invoke: Invoker, outbox: Outbox): Promise<void> {
  const queue: Message[] = bodies.map(body => ({ id: randomUUID(), body, receives: 0 }));
  const receiveBatch = (): Message[] => {
    const batch: Message[] = [];
    while (batch.length < m.batchSize && queue.length) {
      const msg = queue.shift()!;
      if (m.maxReceiveCount !== undefined && m.deadLetterId && msg.receives >= m.maxReceiveCount) {
        outbox.put(m.deadLetterId, { messageId: msg.id, body: msg.body, attributes: { ApproximateReceiveCount: String(msg.receives) } });
        outbox.failed++;
        continue;
      }
      if (msg.receives >= m.receivesUntilExpiry) {
        outbox.warnings.push(`message ${msg.id} expired after ${msg.receives} receives (no redrive policy): SQS deletes it at the end of its retention period`);
        outbox.failed++;
        continue;
      }
      msg.receives++;
      batch.push(msg);
    }
    return batch;
  };
  const worker = async (): Promise<void> => {
    for (let batch = receiveBatch(); batch.length; batch = receiveBatch()) {
      const event = { Records: batch.map(msg => sqsRecord(msg.body, msg.receives, msg.id, m.context)) };
      const outcome = await invoke(JSON.stringify(event));
      outbox.invocations++;
      const failed = failedItems(outcome, m.reportBatchItemFailures, batch.map(x => x.id));
      for (const msg of batch) {
        if (failed === 'all' || failed.includes(msg.id)) queue.push(msg);
        else outbox.succeeded++;
      }
    }
  };
  // Workers stop when the queue is empty; a failed batch may refill it, so run until nothing is left.
  while (queue.length) await Promise.all(Array.from({ length: m.concurrency }, worker));
}
