import { FrontDoor } from './front-doors';
import { InvokeOutcome } from '../types';

/** The HTTP response a front door sends back. */
export interface HttpResult {
  readonly statusCode: number;
  /** Header pairs, repeated names kept (`set-cookie`). */
  readonly headers: Array<[string, string]>;
  readonly body: Buffer;
}

/** A JSON answer of the front door itself (no function response). */
export function gatewayAnswer(statusCode: number, message: unknown, extra: Array<[string, string]> = []): HttpResult {
  const body = typeof message === 'string' ? message : JSON.stringify(message);
  const type = typeof message === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
  return { statusCode, headers: [['content-type', type], ...extra], body: Buffer.from(body) };
}

/** What each front door answers when the function fails or answers in a shape it cannot use. */
export function integrationFailure(door: FrontDoor): HttpResult {
  switch (door.kind) {
    case 'rest-api': return gatewayAnswer(502, { message: 'Internal server error' }, [['x-amzn-ErrorType', 'InternalServerErrorException']]);
    case 'http-api': return gatewayAnswer(500, { message: 'Internal Server Error' });
    case 'function-url': return gatewayAnswer(502, 'Internal Server Error');
    default: return { statusCode: 502, headers: [['content-type', 'text/html']], body: Buffer.from('<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n') };
  }
}

function headerPairs(single: unknown, multi: unknown): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const multiNames = new Set<string>();
  if (multi && typeof multi === 'object') {
    for (const [k, vs] of Object.entries(multi as Record<string, unknown>)) {
      if (!Array.isArray(vs)) continue;
      multiNames.add(k.toLowerCase());
      for (const v of vs) out.push([k, String(v)]);
    }
  }
  if (single && typeof single === 'object') {
    for (const [k, v] of Object.entries(single as Record<string, unknown>)) {
      if (!multiNames.has(k.toLowerCase())) out.push([k, String(v)]);
    }
  }
  return out;
}

function bodyOf(r: Record<string, unknown>): Buffer | undefined {
  if (r.body === undefined || r.body === null) return Buffer.alloc(0);
  if (typeof r.body !== 'string') return undefined;
  return Buffer.from(r.body, r.isBase64Encoded === true ? 'base64' : 'utf-8');
}

function isStatus(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 100 && v <= 599;
}

/**
 * Maps a function's answer to the HTTP response the front door sends: payload format 1.0 (statusCode,
 * headers, multiValueHeaders, body, isBase64Encoded), 2.0 (also cookies, and a response without statusCode
 * sent as a JSON body with 200) and ALB (statusCode, statusDescription, headers or multiValueHeaders).
 * A function error or a response the front door cannot read gives that front door's error answer.
 */
export function toHttpResult(door: FrontDoor, payloadFormat: string, outcome: InvokeOutcome, multiValueHeaders = false): HttpResult {
  const failure = integrationFailure(door);
  if (outcome.errorType) return failure;
  let response: unknown;
  try {
    response = JSON.parse(outcome.payload);
  } catch {
    return failure;
  }
  const r = (response && typeof response === 'object' && !Array.isArray(response) ? response : {}) as Record<string, unknown>;
  if (payloadFormat === '2.0' && r.statusCode === undefined) {
    // No statusCode: the whole response is the JSON body of a 200.
    return { statusCode: 200, headers: [['content-type', 'application/json']], body: Buffer.from(outcome.payload) };
  }
  if (!isStatus(r.statusCode)) return failure;
  const body = bodyOf(r);
  if (body === undefined) return failure;
  const headers = door.kind === 'alb'
    ? (multiValueHeaders ? headerPairs(undefined, r.multiValueHeaders) : headerPairs(r.headers, undefined))
    : headerPairs(r.headers, payloadFormat === '1.0' ? r.multiValueHeaders : undefined);
  if (payloadFormat === '2.0' && Array.isArray(r.cookies)) for (const c of r.cookies) headers.push(['set-cookie', String(c)]);
  if (door.kind !== 'alb' && !headers.some(([k]) => k.toLowerCase() === 'content-type')) headers.push(['content-type', 'application/json']);
  return { statusCode: r.statusCode, headers, body };
}
