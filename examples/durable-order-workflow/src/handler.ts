import { DurableSteps, OrderEvent, OrderOutcome, processOrder } from './workflow.js';

type Handler = (event: unknown, context: unknown) => Promise<unknown>;

/** The durable execution SDK, which the Lambda Node.js runtimes include (kept external by the bundle). */
const SDK = '@aws/durable-execution-sdk-js';

let durable: Promise<Handler> | undefined;

/** The workflow wrapped by the SDK's `withDurableExecution`, which checkpoints, suspends and replays it. */
async function durableHandler(): Promise<Handler> {
  const sdk = await import(SDK);
  return sdk.withDurableExecution(processOrder) as Handler;
}

/** Steps run inline and waits end at once: the workflow outside Lambda's durable execution (the local emulator, tests). */
const inline: DurableSteps = {
  step: async (_name, fn) => fn(),
  wait: async ({ seconds }) => console.log(JSON.stringify({ message: 'durable wait skipped outside Lambda', seconds })),
};

/**
 * Lambda invokes a durable function with its execution's envelope (`DurableExecutionArn`, checkpoint
 * token): the SDK runs the workflow then. An event without it (a local run) runs the workflow inline.
 */
export async function handler(event: unknown, context: unknown): Promise<unknown> {
  if (typeof event === 'object' && event !== null && 'DurableExecutionArn' in event) {
    durable ??= durableHandler();
    return (await durable)(event, context);
  }
  return processOrder(event as OrderEvent, inline) satisfies Promise<OrderOutcome>;
}
