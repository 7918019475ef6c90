import { AsyncConfig } from '../sources';
import { Invoker, Outbox, parseResponse, responseContext } from './outbox';

/**
 * Invokes asynchronously (1 MB events) the way Lambda's internal queue does: a failed event is retried up
 * to the invoke config's MaximumRetryAttempts (default 2), then a destination record goes to the on-failure
 * destination and the event itself to the dead-letter queue; a success goes to the on-success destination.
 * Time is virtual: retries run at once, without Lambda's back-off.
 */
export async function deliverAsync(events: string[], c: AsyncConfig, functionArn: string, invoke: Invoker, outbox: Outbox): Promise<void> {
  for (const event of events) {
    for (let attempt = 1; ; attempt++) {
      const outcome = await invoke(event, 'Event');
      outbox.invocations++;
      const record = (condition: string): object => ({
        version: '1.0',
        timestamp: new Date().toISOString(),
        requestContext: { requestId: outcome.requestId, functionArn: `${functionArn}:$LATEST`, condition, approximateInvokeCount: attempt },
        requestPayload: JSON.parse(event),
        responseContext: responseContext(outcome),
        responsePayload: parseResponse(outcome) ?? null,
      });
      if (!outcome.errorType) {
        outbox.succeeded++;
        if (c.onSuccess) outbox.put(c.onSuccess, record('Success'));
        break;
      }
      if (attempt > c.maxRetries) {
        outbox.failed++;
        if (c.onFailure) outbox.put(c.onFailure, record('RetriesExhausted'));
        if (c.deadLetter) {
          outbox.put(c.deadLetter, {
            body: event,
            messageAttributes: {
              RequestID: { stringValue: outcome.requestId, dataType: 'String' },
              ErrorCode: { stringValue: '200', dataType: 'Number' },
              ErrorMessage: { stringValue: outcome.errorMessage ?? '', dataType: 'String' },
            },
          });
        }
        if (!c.onFailure && !c.deadLetter) outbox.warnings.push(`event dropped after ${attempt} attempts: the function has no on-failure destination or dead-letter queue`);
        break;
      }
    }
  }
}
