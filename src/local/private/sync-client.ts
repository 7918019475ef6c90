import * as path from 'path';
import { MessageChannel, MessagePort, receiveMessageOnPort, Worker } from 'worker_threads';

const WAIT_LIMIT_MS = 60 * 60 * 1000;

/** What the worker opens: one function (`LocalLambda`) or the front doors of an assembly (`LocalApi`). */
export interface WorkerInit {
  readonly kind: 'function' | 'api';
  readonly assemblyDir: string;
  /** The function to open (kind `function`). */
  readonly functionId?: string;
  /** Serializable options of the emulator or gateway. */
  readonly options: Record<string, unknown>;
}

/**
 * The synchronous side of the worker thread behind `LocalLambda` and `LocalApi`: each call posts a request
 * and blocks on a shared flag until the worker (src/local/private/sync-worker.ts) posts the answer, so the
 * public classes offer synchronous methods (jsii-friendly) while environments stay warm between calls.
 */
export class SyncClient {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag: Int32Array;
  private closed = false;

  /** Starts the worker and waits for what it opened (or the error that stopped it). */
  constructor(init: WorkerInit, private readonly label: string) {
    const signal = new SharedArrayBuffer(4);
    this.flag = new Int32Array(signal);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const ts = __filename.endsWith('.ts');
    const workerFile = path.join(__dirname, `sync-worker${ts ? '.ts' : '.js'}`);
    // Under ts-jest or ts-node the worker loads the TypeScript sources through ts-node.
    const source = ts ? [
      "const { workerData } = require('worker_threads');",
      'try {',
      "  require('ts-node').register({ transpileOnly: true, skipProject: true, compilerOptions: { module: 'commonjs', target: 'es2020' } });",
      `  require(${JSON.stringify(workerFile)});`,
      '} catch (e) {',
      '  workerData.port.postMessage({ error: String((e && e.stack) || e) });',
      '  const flag = new Int32Array(workerData.signal); Atomics.store(flag, 0, 1); Atomics.notify(flag, 0);',
      '}',
    ].join('\n') : workerFile;
    // The environment as this code sees it (a test runner's process.env included), not the process's original one.
    this.worker = new Worker(source, { eval: ts, workerData: { ...init, signal, port: port2 }, transferList: [port2], env: { ...process.env } });
    this.worker.unref();
  }

  /** The worker's first answer: what it opened. */
  public opened(): unknown {
    return this.wait();
  }

  /** One call: `op` with `args`, answered by the worker. */
  public call(op: string, args: unknown[]): unknown {
    if (this.closed) throw new Error(`[LocalLambda.Disposed] ${this.label} was disposed`);
    this.port.postMessage({ op, args });
    return this.wait();
  }

  /** Ends the worker after its `dispose` call. Safe to call twice. */
  public close(): void {
    if (this.closed) return;
    this.call('dispose', []);
    this.closed = true;
    void this.worker.terminate();
    this.port.close();
  }

  private wait(): unknown {
    // The longest call is a delivery of many invocations; an answer never takes longer than this.
    if (Atomics.wait(this.flag, 0, 0, WAIT_LIMIT_MS) === 'timed-out') throw new Error(`[LocalLambda.EmulatorFailed] the local emulator did not answer within ${WAIT_LIMIT_MS / 60_000} minutes`);
    Atomics.store(this.flag, 0, 0);
    const received = receiveMessageOnPort(this.port)?.message as { result?: unknown; error?: string; code?: string } | undefined;
    if (!received) throw new Error('[LocalLambda.EmulatorFailed] the local emulator worker ended without an answer');
    if (received.error !== undefined) throw new Error(`[LocalLambda.${received.code ?? 'EmulatorFailed'}] ${received.error}`);
    return received.result;
  }
}
