import { randomBytes } from 'crypto';
import * as http from 'http';
import { AddressInfo } from 'net';
import { RUNTIME_API_FACTS } from '../../limits';

/** What the server answers to one runtime request. */
export interface RouteResult {
  readonly status: number;
  readonly body: object;
}

/** The execution environment behind one Runtime API server. */
export interface RuntimeApiHandlers {
  /** GET /runtime/invocation/next: answer now with `sendNext`, or park `res` until an invocation comes. */
  next(res: http.ServerResponse): void;
  /** POST /runtime/invocation/{id}/response (`tooLarge` when the body passed the payload limit). */
  response(requestId: string, body: Buffer, tooLarge: boolean): RouteResult;
  /** POST /runtime/invocation/{id}/error. */
  error(requestId: string, body: Buffer, errorType: string | undefined): RouteResult;
  /** POST /runtime/init/error. */
  initError(body: Buffer, errorType: string | undefined): RouteResult;
  /** The response payload limit of the current invocation, in bytes. */
  responseLimitBytes(): number;
  /** POST /runtime/invocation/{id}/response in streaming mode: a receiver for its chunks, or a refusal. */
  stream(requestId: string, contentType: string): StreamReceiver | RouteResult;
}

/** Takes a streamed response's chunks, then its end (with the error trailers when the function failed mid-stream). */
export interface StreamReceiver {
  chunk(data: Buffer): void;
  end(errorType: string | undefined, errorBodyBase64: string | undefined): RouteResult;
}

/** The invocation an environment hands to its runtime. */
export interface NextInvocation {
  readonly requestId: string;
  readonly deadlineMs: number;
  readonly functionArn: string;
  readonly traceId: string;
  readonly clientContext?: string;
  readonly cognitoIdentity?: string;
  readonly tenantId?: string;
  readonly payload: string;
}

const PREFIX = `/${RUNTIME_API_FACTS.version}/runtime`;
const INVOCATION = new RegExp(`^${PREFIX}/invocation/([^/]+)/(response|error)$`);

/** Answers a parked or fresh `next` request with Lambda's headers. */
export function sendNext(res: http.ServerResponse, inv: NextInvocation): void {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'Lambda-Runtime-Aws-Request-Id': inv.requestId,
    'Lambda-Runtime-Deadline-Ms': String(inv.deadlineMs),
    'Lambda-Runtime-Invoked-Function-Arn': inv.functionArn,
    'Lambda-Runtime-Trace-Id': inv.traceId,
  };
  if (inv.clientContext !== undefined) headers['Lambda-Runtime-Client-Context'] = inv.clientContext;
  if (inv.cognitoIdentity !== undefined) headers['Lambda-Runtime-Cognito-Identity'] = inv.cognitoIdentity;
  if (inv.tenantId !== undefined) headers['Lambda-Runtime-Aws-Tenant-Id'] = inv.tenantId;
  res.writeHead(200, headers);
  res.end(inv.payload);
}

function reply(res: http.ServerResponse, r: RouteResult): void {
  res.writeHead(r.status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(r.body));
}

/** Reads a request body, keeping at most `limit` bytes; drains the rest. */
function readBody(req: http.IncomingMessage, limit: number): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.on('end', () => resolve({ body: Buffer.concat(chunks), tooLarge: size > limit }));
    req.on('error', reject);
  });
}

/** A Runtime API (2018-06-01) server on 127.0.0.1 for one execution environment. */
export class RuntimeApiServer {
  /** Starts a server on a free port of 127.0.0.1. */
  public static start(handlers: RuntimeApiHandlers): Promise<RuntimeApiServer> {
    const server = http.createServer((req, res) => {
      route(handlers, req, res).catch(err => reply(res, { status: 500, body: { errorType: 'ServiceException', errorMessage: String(err) } }));
    });
    server.keepAliveTimeout = 0;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(new RuntimeApiServer(server)));
    });
  }

  /** host:port, the value of AWS_LAMBDA_RUNTIME_API. */
  public readonly address: string;

  private constructor(private readonly server: http.Server) {
    this.address = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  public close(): void {
    this.server.closeAllConnections();
    this.server.close();
    this.server.unref();
  }
}

async function route(h: RuntimeApiHandlers, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = (req.url ?? '').split('?')[0];
  const errorType = req.headers['lambda-runtime-function-error-type'] as string | undefined;
  if (req.method === 'GET' && url === `${PREFIX}/invocation/next`) {
    req.resume();
    h.next(res);
    return;
  }
  const m = INVOCATION.exec(url);
  if (req.method === 'POST' && m?.[2] === 'response' && req.headers['lambda-runtime-function-response-mode'] === 'streaming') {
    const receiver = h.stream(decodeURIComponent(m[1]), String(req.headers['content-type'] ?? 'application/octet-stream'));
    if ('status' in receiver) {
      req.resume();
      reply(res, receiver);
      return;
    }
    for await (const chunk of req) receiver.chunk(chunk as Buffer);
    const trailer = (name: string): string | undefined => req.trailers[name] as string | undefined;
    reply(res, receiver.end(trailer('lambda-runtime-function-error-type'), trailer('lambda-runtime-function-error-body')));
    return;
  }
  if (req.method === 'POST' && m) {
    const { body, tooLarge } = await readBody(req, h.responseLimitBytes());
    const id = decodeURIComponent(m[1]);
    reply(res, m[2] === 'response' ? h.response(id, body, tooLarge) : h.error(id, body, errorType));
    return;
  }
  if (req.method === 'POST' && url === `${PREFIX}/init/error`) {
    const { body } = await readBody(req, RUNTIME_API_FACTS.syncPayloadBytes);
    reply(res, h.initError(body, errorType));
    return;
  }
  req.resume();
  reply(res, { status: 404, body: { errorType: 'InvalidRequest', errorMessage: `${req.method} ${url} is not a Runtime API ${RUNTIME_API_FACTS.version} endpoint` } });
}

/** A fresh X-Ray trace header (`Lambda-Runtime-Trace-Id`), as Lambda hands one to each invocation. */
export function traceHeader(): string {
  const now = Math.floor(Date.now() / 1000).toString(16);
  return `Root=1-${now}-${randomBytes(12).toString('hex')};Parent=${randomBytes(8).toString('hex')};Sampled=0`;
}

/** The error a runtime posted (`/invocation/<id>/error`, `/init/error`): its JSON document, else its text as the message. */
export function parseError(body: Buffer, errorType: string | undefined): { errorType: string; errorMessage: string } & Record<string, unknown> {
  try {
    const doc = JSON.parse(body.toString('utf-8'));
    if (doc && typeof doc === 'object') return { ...doc, errorType: doc.errorType ?? errorType ?? 'Unhandled', errorMessage: String(doc.errorMessage ?? '') };
  } catch {
    // not JSON: keep the text as the message
  }
  return { errorType: errorType ?? 'Unhandled', errorMessage: body.toString('utf-8') };
}
