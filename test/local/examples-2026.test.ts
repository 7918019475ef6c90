import { synthApp, withFunction } from './helpers';
import { buildApp as durableApp } from '../../examples/durable-order-workflow';
import { buildApp as managedApp } from '../../examples/managed-instances';

// The handlers of the Lambda Managed Instances and durable function examples, run as synthesized.

test('managed-instances: the worker on the capacity provider reports only the rejected message; not-emulated parts are said', async () => {
  await withFunction(synthApp(managedApp), 'ManagedInstances/Resize', async e => {
    expect(e.spec.warnings).toContainEqual(expect.stringContaining('runs on Lambda Managed Instances: not emulated here'));
    const outbox = await e.deliver([
      JSON.stringify({ key: 'photos/cat.jpg', width: 640 }),
      JSON.stringify({ key: 'photos/dog.jpg', width: 10_000 }),
      JSON.stringify({ key: 'photos/owl.jpg', width: 320 }),
    ]);
    expect([outbox.succeeded, outbox.failed]).toEqual([2, 1]);
  });
});

test('durable-order-workflow: the bundled workflow runs its steps inline (directly and through the EventBridge rule), and refuses a bad order', async () => {
  await withFunction(synthApp(durableApp), 'DurableOrderWorkflow/OrderWorkflow', async e => {
    expect(e.spec.warnings).toContainEqual(expect.stringContaining('is a durable function: not emulated here'));
    const event = { 'version': '0', 'id': 'e-1', 'detail-type': 'OrderPlaced', 'source': 'shop.orders', 'account': '123456789012', 'time': '2026-12-06T12:00:00Z', 'region': 'us-east-1', 'resources': [], 'detail': { orderId: 'o-42', items: [{ sku: 'mug', quantity: 2 }], amountCents: 2400 } };
    const o = await e.invoke({ payload: JSON.stringify(event) });
    expect(JSON.parse(o.payload)).toEqual({ orderId: 'o-42', status: 'SHIPPED', reservationId: 'rsv-o-42', paymentId: 'pay-o-42-2400', shipmentId: 'shp-o-42-1' });
    const messages = o.logs.map(l => JSON.parse(l).message).filter(m => typeof m === 'string');
    expect(messages).toContain('{"message":"durable wait skipped outside Lambda","seconds":900}');
    // Through the rule the template wires (EventBridge to the alias): the detail arrives as the event's detail.
    expect((await e.deliver([JSON.stringify({ orderId: 'o-44', items: [{ sku: 'pen', quantity: 1 }], amountCents: 300 })])).succeeded).toBe(1);
    const bad = await e.invoke({ payload: JSON.stringify({ ...event, detail: { orderId: 'o-43', items: [], amountCents: 100 } }) });
    expect([bad.errorType, bad.errorMessage]).toEqual(['Error', expect.stringMatching(/^invalid order: /)]);
  });
});
