import { v7 as uuidv7 } from 'uuid';

/** An order as the API receives it. */
export interface OrderRequest {
  readonly item: string;
  readonly quantity: number;
}

/** An order once accepted: a time-ordered id (UUID v7) and the time it was taken. */
export interface Order extends OrderRequest {
  readonly id: string;
  readonly acceptedAt: string;
}

/** Validates a request and gives it an id. */
export function acceptOrder(request: OrderRequest, now: Date = new Date()): Order {
  if (!request.item || !Number.isInteger(request.quantity) || request.quantity < 1) {
    throw new Error(`invalid order: ${JSON.stringify(request)}`);
  }
  return { ...request, id: uuidv7(), acceptedAt: now.toISOString() };
}
