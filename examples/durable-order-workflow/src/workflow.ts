/** The detail of an `OrderPlaced` event. */
export interface OrderPlaced {
  readonly orderId: string;
  readonly items: ReadonlyArray<{ readonly sku: string; readonly quantity: number }>;
  readonly amountCents: number;
}

/** The EventBridge event that starts the workflow. */
export interface OrderEvent {
  readonly 'detail-type': string;
  readonly 'source': string;
  readonly 'detail': OrderPlaced;
}

/** What the workflow needs of a durable context: checkpointed steps and waits (the SDK's DurableContext has both). */
export interface DurableSteps {
  step<T>(name: string, fn: () => Promise<T>): Promise<T>;
  wait(duration: { seconds: number }): Promise<void>;
}

/** The outcome of one order. */
export interface OrderOutcome {
  readonly orderId: string;
  readonly status: 'SHIPPED';
  readonly reservationId: string;
  readonly paymentId: string;
  readonly shipmentId: string;
}

/** The cancellation window between payment and shipping: no compute is billed while a durable wait lasts. */
export const COOL_OFF_SECONDS = 15 * 60;

function validate(order: OrderPlaced): void {
  const itemsOk = Array.isArray(order?.items) && order.items.length > 0
    && order.items.every(i => typeof i.sku === 'string' && i.sku !== '' && Number.isInteger(i.quantity) && i.quantity > 0);
  if (typeof order?.orderId !== 'string' || order.orderId === '' || !itemsOk || !Number.isInteger(order.amountCents) || order.amountCents <= 0) {
    throw new Error(`invalid order: ${JSON.stringify(order)}`);
  }
}

/**
 * Reserve, charge, wait out the cancellation window, ship. Each step is checkpointed: after a wait or a
 * failure the function is replayed, and completed steps return their recorded result instead of running
 * again. The ids are derived from the order id, so a step retried after a crash stays idempotent.
 */
export async function processOrder(event: OrderEvent, context: DurableSteps): Promise<OrderOutcome> {
  const order = event.detail;
  validate(order);
  const reservationId = await context.step('reserve-inventory', async () => `rsv-${order.orderId}`);
  const paymentId = await context.step('charge-payment', async () => `pay-${order.orderId}-${order.amountCents}`);
  await context.wait({ seconds: COOL_OFF_SECONDS });
  const shipmentId = await context.step('ship', async () => `shp-${order.orderId}-${order.items.length}`);
  console.log(JSON.stringify({ message: 'order shipped', orderId: order.orderId, shipmentId }));
  return { orderId: order.orderId, status: 'SHIPPED', reservationId, paymentId, shipmentId };
}
