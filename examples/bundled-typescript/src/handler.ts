import { acceptOrder, Order, OrderRequest } from './orders.js';

/** Accepts one order: the local module and the npm dependency are bundled, the AWS SDK is the runtime's. */
export async function handler(event: OrderRequest): Promise<Order> {
  const order = acceptOrder(event);
  console.log(JSON.stringify({ message: 'order accepted', id: order.id }));
  return order;
}
