/**
 * AWS's own Lambda runtime pieces that the local emulator is compared with (its conformance oracles), as
 * `build-tools/setup-local-conformance.sh` installs them into .cache/local-conformance/: the Runtime
 * Interface Clients (npm `aws-lambda-ric`, PyPI `awslambdaric`) and the Runtime Interface Emulator
 * (`aws-lambda-rie`). Used by test/local/conformance.test.ts, test/local/rie.test.ts and bench-local.ts.
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import { PreparedFunction } from '../src/local/private/function-config';
import { descendants, killTree } from '../src/local/private/process-tree';

export const CONFORMANCE_CACHE = path.join(__dirname, '..', '.cache', 'local-conformance');
/** aws-lambda-ric 3.x's entry point (`node index.mjs <handler>`). */
export const NODE_RIC = path.join(CONFORMANCE_CACHE, 'node', 'node_modules', 'aws-lambda-ric', 'bin', 'index.mjs');
/** The folder holding the `awslambdaric` package (PYTHONPATH for `python3 -m awslambdaric <handler>`). */
export const PYTHON_RIC_DIR = path.join(CONFORMANCE_CACHE, 'python');
/** The aws-lambda-rie binary. */
export const RIE_BIN = path.join(CONFORMANCE_CACHE, 'rie', 'aws-lambda-rie');

/** A runtime process: AWS's runtime client for the function's language, started with its handler last. */
export interface AwsClient {
  readonly command: string;
  readonly args: string[];
  readonly env?: Record<string, string>;
}

/** AWS's runtime client for a nodejs* or python* function. */
export function awsClient(fn: PreparedFunction): AwsClient {
  if (fn.spec.runtime.startsWith('python')) {
    return { command: 'python3', args: ['-m', 'awslambdaric', fn.spec.handler], env: { PYTHONPATH: PYTHON_RIC_DIR } };
  }
  return { command: process.execPath, args: [NODE_RIC, fn.spec.handler] };
}

/** RIE's answer to one invocation. */
export interface RieResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

function commandLine(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf-8');
  } catch {
    return undefined;
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => { socket.destroy(); resolve(false); });
  });
}

/**
 * One `aws-lambda-rie` process serving one function, as in a container: RIE starts AWS's runtime client
 * (in the function's task root, with the emulator's environment for it) on the first invocation and serves
 * `POST /2015-03-31/functions/function/invocations` on a free port of 127.0.0.1.
 */
export class RieProcess {
  /** Starts RIE for `fn` and waits until it accepts connections (at most `readyMs`). */
  public static async start(fn: PreparedFunction, client: AwsClient = awsClient(fn), readyMs = 10_000): Promise<RieProcess> {
    const [port, runtimeApiPort] = [await freePort(), await freePort()];
    const args = [
      '--runtime-interface-emulator-address', `127.0.0.1:${port}`,
      '--runtime-api-address', `127.0.0.1:${runtimeApiPort}`,
      client.command, ...client.args,
    ];
    const child = spawn(RIE_BIN, args, {
      cwd: fn.spec.taskRoot,
      env: {
        ...fn.launch.env,
        ...client.env,
        AWS_LAMBDA_FUNCTION_TIMEOUT: String(fn.spec.timeoutSeconds),
        TMPDIR: fs.mkdtempSync(path.join(fn.launch.tmpRoot, 'rie-tmp-')),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const rie = new RieProcess(child, port);
    const until = Date.now() + readyMs;
    while (!(await canConnect(port))) {
      if (rie.exited || Date.now() > until) {
        await rie.dispose();
        throw new Error(`aws-lambda-rie did not listen on 127.0.0.1:${port} within ${readyMs} ms (${rie.exited ? 'it exited' : 'still starting'}): ${rie.stderr.join('\n')}`);
      }
      await new Promise(r => setTimeout(r, 20));
    }
    return rie;
  }

  /** Lines RIE and the runtime wrote to stdout (START, END, REPORT and the function's own lines). */
  public readonly logs: string[] = [];
  /** RIE's own log lines (stderr). */
  public readonly stderr: string[] = [];
  public exited = false;
  /** Settles when RIE has exited. */
  public readonly ended: Promise<void>;
  private readonly agent = new http.Agent({ keepAlive: true });
  /** The processes seen below RIE (pid -> command line): a runtime outlives a crashed RIE (its own process group). */
  private readonly seen = new Map<number, string>();

  private constructor(private readonly child: ChildProcess, public readonly port: number) {
    for (const [stream, lines] of [[child.stdout!, this.logs], [child.stderr!, this.stderr]] as const) {
      let rest = '';
      stream.setEncoding('utf-8');
      stream.on('data', (chunk: string) => {
        const parts = (rest + chunk).split('\n');
        rest = parts.pop()!;
        lines.push(...parts);
      });
    }
    this.ended = new Promise(resolve => child.once('exit', () => { this.exited = true; resolve(); }));
  }

  /** Invokes the function; `headers` as Lambda's Invoke API takes them (X-Amzn-RequestId, X-Amz-Client-Context as base64, …). */
  public invoke(payload: string, headers: Record<string, string> = {}): Promise<RieResponse> {
    return new Promise<RieResponse>((resolve, reject) => {
      const req = http.request({
        host: '127.0.0.1', port: this.port, method: 'POST', path: '/2015-03-31/functions/function/invocations', headers, agent: this.agent,
      }, res => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf-8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    }).finally(() => this.notePids());
  }

  /** The processes seen running below RIE (its runtime, and what the runtime started). */
  public get runtimePids(): number[] {
    return [...this.seen.keys()];
  }

  private notePids(): void {
    if (this.exited || this.child.pid === undefined) return;
    for (const pid of descendants(this.child.pid)) {
      const cmdline = commandLine(pid);
      if (cmdline) this.seen.set(pid, cmdline);
    }
  }

  /** Kills RIE and every process below it (the runtime runs in its own process group) and waits for its exit. */
  public async dispose(): Promise<void> {
    this.agent.destroy();
    if (!this.exited) killTree(this.child);
    await this.ended;
    // A runtime left by a RIE that ended on its own: killed when its pid still runs the same command.
    for (const [pid, cmdline] of this.seen) {
      if (commandLine(pid) !== cmdline) continue;
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    this.child.stdout?.destroy();
    this.child.stderr?.destroy();
  }
}
