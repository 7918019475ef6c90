/**
 * The `serve` figures of bench:local (issue 26): a trivial handler behind a Function URL, served over
 * loopback. Prints the median round trip of sequential requests on one keep-alive connection (to set
 * beside the warm invoke of the same run: the front door's own cost) and an autocannon run with 10
 * connections (requests per second, median and p99 latency).
 */
import * as http from 'http';
import { Gateway } from '../src/local/private/serve/gateway';
import { closeDoors, serveDoor } from '../src/local/private/serve/http-server';

// autocannon has no bundled types; the part used here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (o: { url: string; connections: number; duration: number }) => Promise<{
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  errors: number;
  non2xx: number;
}>;

function get(agent: http.Agent, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    http.get(url, { agent }, res => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - t) : reject(new Error(`status ${res.statusCode}`))));
    }).on('error', reject);
  });
}

/** What the serve bench measured. */
export interface ServeFigures {
  readonly sequentialMs: number[];
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly total: number;
  readonly failures: number;
}

/** Serves `frontDoor` of the assembly and measures it: `sequential` requests on one connection, then autocannon. */
export async function benchServe(assemblyDir: string, frontDoor: string, sequential: number, seconds: number): Promise<ServeFigures> {
  const gateway = Gateway.open(assemblyDir, { frontDoor });
  const served = await serveDoor(gateway, gateway.doors[0], '127.0.0.1', 0);
  try {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    for (let i = 0; i < 50; i++) await get(agent, served.url); // cold start and JIT warm-up
    const sequentialMs: number[] = [];
    for (let i = 0; i < sequential; i++) sequentialMs.push(await get(agent, served.url));
    agent.destroy();
    await autocannon({ url: served.url, connections: 10, duration: 1 }); // ten warm environments
    const r = await autocannon({ url: served.url, connections: 10, duration: seconds });
    return {
      sequentialMs,
      requestsPerSecond: r.requests.average,
      p50Ms: r.latency.p50,
      p99Ms: r.latency.p99,
      total: r.requests.total,
      failures: r.errors + r.non2xx,
    };
  } finally {
    await closeDoors([served]);
    gateway.dispose();
  }
}
