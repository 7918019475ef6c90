import * as http from 'http';
import { AddressInfo } from 'net';
import { LocalLambdaError } from '../types';
import { FrontDoor } from './front-doors';
import { Gateway } from './gateway';
import { HttpRequest } from './match';
import { HttpSink } from './streamed-response';

/** Reads a node request into the front door's request shape. */
function readRequest(req: http.IncomingMessage): Promise<HttpRequest> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', reject);
    req.on('end', () => {
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const headers: Array<[string, string]> = [];
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i], req.rawHeaders[i + 1]]);
      resolve({
        method: req.method ?? 'GET',
        path: q < 0 ? url : url.slice(0, q),
        query: q < 0 ? '' : url.slice(q + 1),
        headers,
        body: Buffer.concat(chunks),
        sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
      });
    });
  });
}

/** Receives a one-line summary of each request and the logs of the invocations behind it. */
export type RequestLog = (summary: string, logs: string[]) => void;

/** One listening front door. */
export interface ServedDoor {
  readonly door: FrontDoor;
  readonly url: string;
  readonly server: http.Server;
}

/**
 * Serves `door` of `gateway` on host:port (0: any free port). Each request is answered by the gateway;
 * `onRequest` gets a one-line summary and the invocation logs.
 */
export function serveDoor(gateway: Gateway, door: FrontDoor, host: string, port: number, onRequest?: RequestLog): Promise<ServedDoor> {
  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const head = (statusCode: number, headers: Array<[string, string]>): void => {
      res.statusCode = statusCode;
      const grouped = new Map<string, string[]>();
      for (const [k, v] of headers) grouped.set(k, [...(grouped.get(k) ?? []), v]);
      for (const [k, vs] of grouped) res.setHeader(k, vs.length === 1 && k.toLowerCase() !== 'set-cookie' ? vs[0] : vs);
    };
    const sink: HttpSink = { head: (s, h) => { head(s, h); res.flushHeaders(); }, write: c => res.write(c), abort: () => res.destroy() };
    readRequest(req)
      .then(r => gateway.handle(door, r, sink).then(result => ({ r, result })))
      .then(({ r, result }) => {
        if (result.streamed) {
          res.end();
        } else {
          head(result.statusCode, result.headers);
          res.end(result.body);
        }
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        onRequest?.(`${r.method} ${r.path}${r.query ? `?${r.query}` : ''} -> ${result.statusCode}${result.functionPath ? ` (${result.functionPath.replace(/^\//, '').replace(/\/Resource$/, '')})` : ''} ${ms.toFixed(1)} ms`, result.logs);
      })
      .catch(err => {
        res.statusCode = 500;
        res.end(String(err));
      });
  });
  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE'
      ? new LocalLambdaError('PortInUse', `port ${port} on ${host} is in use: pass another --port (front doors take consecutive ports from it)`)
      : e));
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      const base = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
      const stage = door.kind !== 'function-url' && door.kind !== 'alb' && door.stage && door.stage !== '$default' ? `/${door.stage}` : '';
      resolve({ door, server, url: `${base}${stage}` });
    });
  });
}

/** Closes the servers (open keep-alive connections included). */
export function closeDoors(doors: ServedDoor[]): Promise<void> {
  return Promise.all(doors.map(d => new Promise<void>(resolve => {
    d.server.close(() => resolve());
    d.server.closeAllConnections();
  }))).then(() => undefined);
}
