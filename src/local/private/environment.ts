import { ChildProcess, spawn } from 'child_process';
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { PlatformLog } from './log-lines';
import { killTree, maxMemoryUsedMb } from './process-tree';
import { parseError, RouteResult, RuntimeApiServer, sendNext, StreamReceiver, traceHeader } from './runtime-api';
import { FunctionSpec, InvokeOutcome, InvokeRequest } from './types';
import { RUNTIME_API_FACTS } from '../../limits';

/** How to start the runtime process of an environment. */
export interface LaunchCommand {
  readonly command: string;
  readonly args: string[];
  /** The environment variables of the function, without AWS_LAMBDA_RUNTIME_API (added per environment). */
  readonly env: Record<string, string>;
  /** Where each environment gets its own /tmp (TMPDIR). */
  readonly tmpRoot: string;
}

interface Pending {
  readonly requestId: string;
  readonly request: InvokeRequest;
  readonly cold: boolean;
  readonly logs: string[];
  readonly resolve: (o: InvokeOutcome) => void;
  readonly reject: (e: Error) => void;
  startedAt?: number;
  timer?: NodeJS.Timeout;
  done?: boolean;
}

const OK: RouteResult = { status: 202, body: { status: 'OK' } };

/** The environment's runtime ended before it took the invocation: the runner retries it on a new one. */
export class EnvironmentEnded extends Error {
  constructor(id: number) {
    super(`execution environment ${id} ended before it took the invocation`);
    this.name = 'EnvironmentEnded';
  }
}


/**
 * One execution environment: a Runtime API server on 127.0.0.1 and one runtime process that initializes
 * once and then serves invocations one at a time until it fails, times out or is disposed.
 */
export class ExecutionEnvironment {
  /** Set once the process is gone: the pool then starts a fresh environment (a cold start). */
  public dead = false;
  /** The tenant whose invocations this environment serves (tenant isolation mode), set by its first invocation. */
  public tenantId?: string;
  private server?: RuntimeApiServer;
  private child?: ChildProcess;
  private parkedNext?: http.ServerResponse;
  private pending?: Pending;
  private initStartedAt = 0;
  private initDurationMs?: number;
  private initError?: { errorType: string; body: string };
  private looseLogs: string[] = [];
  private readonly platform: PlatformLog;

  constructor(
    public readonly id: number,
    private readonly spec: FunctionSpec,
    private readonly launch: LaunchCommand,
    private readonly onLog: (line: string) => void,
  ) {
    this.platform = new PlatformLog(spec.logFormat === 'JSON', spec.runtime);
  }

  /** Runs one invocation (starting the environment first when it is new). */
  public async invoke(request: InvokeRequest): Promise<InvokeOutcome> {
    if (this.dead) throw new Error(`execution environment ${this.id} has ended`);
    const cold = this.server === undefined;
    this.tenantId ??= request.tenantId;
    if (cold) await this.start();
    return new Promise<InvokeOutcome>((resolve, reject) => {
      this.pending = { requestId: randomUUID(), request, cold, logs: [...this.looseLogs], resolve, reject };
      this.looseLogs = [];
      if (this.initError) this.finishInitError();
      else if (this.parkedNext) this.dispatch(this.parkedNext);
    });
  }

  /** Ends the runtime process, every process it started (a shell bootstrap's `curl`), and the server. */
  public dispose(): void {
    this.dead = true;
    clearTimeout(this.pending?.timer);
    if (this.child) {
      killTree(this.child);
      // The kill is reaped asynchronously: nothing of a disposed environment may keep the host process
      // (a test worker, the CLI) alive meanwhile.
      this.child.unref();
      this.child.stdout?.destroy();
      this.child.stderr?.destroy();
    }
    this.server?.close();
  }

  private async start(): Promise<void> {
    this.server = await RuntimeApiServer.start({
      next: res => this.onNext(res),
      response: (id, body, tooLarge) => this.onResponse(id, body, tooLarge),
      error: (id, body, type) => this.onError(id, body, type),
      initError: (body, type) => this.onInitError(body, type),
      responseLimitBytes: () => this.payloadLimit(),
      stream: (id, type) => this.onStream(id, type),
    });
    this.initStartedAt = performance.now();
    this.log(this.platform.initStart());
    const child = spawn(this.launch.command, this.launch.args, {
      cwd: this.spec.taskRoot,
      env: { ...this.launch.env, AWS_LAMBDA_RUNTIME_API: this.server.address, TMPDIR: fs.mkdtempSync(path.join(this.launch.tmpRoot, `env${this.id}-tmp-`)) },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: the whole runtime (a shell bootstrap's curl included) is frozen and thawed at once.
      detached: true,
    });
    this.child = child;
    for (const stream of [child.stdout!, child.stderr!]) {
      let rest = '';
      stream.setEncoding('utf-8');
      stream.on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop()!;
        for (const l of lines) this.log(l);
      });
      stream.on('end', () => { if (rest) this.log(rest); });
    }
    child.on('error', err => this.onExit(`Runtime failed to start: ${err.message}`, 'Runtime.InvalidEntrypoint'));
    child.on('exit', (code, signal) => this.onExit(`Runtime exited ${signal ? `with signal: ${signal}` : `with error: exit status ${code}`}`, 'Runtime.ExitError'));
    const initTimer = setTimeout(() => {
      if (this.initDurationMs === undefined && !this.dead) {
        this.onInitError(Buffer.from(JSON.stringify({
          errorType: 'Runtime.InitTimeout',
          errorMessage: `INIT phase did not finish within ${RUNTIME_API_FACTS.initTimeoutSeconds} s`,
        })), 'Runtime.InitTimeout');
      }
    }, RUNTIME_API_FACTS.initTimeoutSeconds * 1000);
    initTimer.unref();
  }

  private log(line: string): void {
    (this.pending ? this.pending.logs : this.looseLogs).push(line);
    this.onLog(line);
  }

  private payloadLimit(): number {
    return this.pending?.request.invocationType === 'Event' ? RUNTIME_API_FACTS.asyncPayloadBytes : RUNTIME_API_FACTS.syncPayloadBytes;
  }

  private onNext(res: http.ServerResponse): void {
    if (this.initDurationMs === undefined) this.initDurationMs = performance.now() - this.initStartedAt;
    if (this.pending && this.pending.startedAt === undefined) {
      this.dispatch(res);
    } else {
      this.parkedNext = res;
      this.signal('SIGSTOP');
    }
  }

  /**
   * Freezes (SIGSTOP) or thaws (SIGCONT) the runtime's process group, as Lambda freezes an environment
   * whose runtime waits for its next invocation: timers and background work of one invocation do not run
   * until the next one starts (and an exception they throw then fails that one).
   */
  private signal(sig: 'SIGSTOP' | 'SIGCONT'): void {
    if (this.dead || this.child?.pid === undefined) return;
    try {
      process.kill(-this.child.pid, sig);
    } catch {
      // already gone: its exit is being reported
    }
  }

  private dispatch(res: http.ServerResponse): void {
    const p = this.pending!;
    this.parkedNext = undefined;
    p.startedAt = performance.now();
    this.log(this.platform.start(p.requestId));
    const timeoutMs = this.spec.timeoutSeconds * 1000;
    // Unref'd: the runtime's connection keeps the host alive while it works; a disposed environment's
    // timer must not (up to 15 minutes in a test worker or the CLI).
    p.timer = setTimeout(() => this.onTimeout(p), timeoutMs).unref();
    sendNext(res, {
      requestId: p.requestId,
      deadlineMs: Date.now() + timeoutMs,
      functionArn: this.spec.arn,
      traceId: p.request.traceId ?? traceHeader(),
      clientContext: p.request.clientContext,
      cognitoIdentity: p.request.cognitoIdentity,
      tenantId: p.request.tenantId,
      payload: p.request.payload,
    });
    // Thawed once the invocation is on its way: what the frozen runtime had left to do runs first, in it.
    this.signal('SIGCONT');
  }

  private current(requestId: string): Pending | undefined {
    const p = this.pending;
    return p && p.requestId === requestId && p.startedAt !== undefined ? p : undefined;
  }

  private onResponse(requestId: string, body: Buffer, tooLarge: boolean): RouteResult {
    const p = this.current(requestId);
    if (!p) return { status: 400, body: { errorType: 'InvalidRequestID', errorMessage: `Unknown or finished request id ${requestId}` } };
    if (tooLarge) {
      const limit = this.payloadLimit();
      this.finish(p, 'error', {
        errorType: 'Function.ResponseSizeTooLarge',
        errorMessage: `Response payload size exceeded maximum allowed payload size (${limit} bytes).`,
      });
      return { status: 413, body: { errorType: 'RequestEntityTooLarge', errorMessage: `Exceeded maximum allowed payload size (${limit} bytes).` } };
    }
    this.finish(p, 'success', undefined, body.toString('utf-8'));
    return OK;
  }

  /** A streamed response: each chunk goes to the request's sink as it comes; the whole is the payload. */
  private onStream(requestId: string, contentType: string): StreamReceiver | RouteResult {
    const p = this.current(requestId);
    if (!p) return { status: 400, body: { errorType: 'InvalidRequestID', errorMessage: `Unknown or finished request id ${requestId}` } };
    p.request.sink?.start(contentType);
    const chunks: Buffer[] = [];
    let size = 0;
    const limit = RUNTIME_API_FACTS.streamedResponseBytes;
    return {
      chunk: data => {
        size += data.length;
        if (size > limit) return;
        chunks.push(data);
        p.request.sink?.write(data);
      },
      end: (errorType, errorBody) => {
        if (size > limit) {
          this.finish(p, 'error', { errorType: 'Function.ResponseSizeTooLarge', errorMessage: `Response payload size exceeded maximum allowed payload size (${limit} bytes).` });
        } else if (errorType) {
          const doc = parseError(Buffer.from(errorBody ?? '', 'base64'), errorType);
          this.finish(p, 'error', doc, JSON.stringify(doc));
        } else {
          this.finish(p, 'success', undefined, Buffer.concat(chunks).toString('utf-8'));
        }
        return OK;
      },
    };
  }

  private onError(requestId: string, body: Buffer, errorType: string | undefined): RouteResult {
    const p = this.current(requestId);
    if (!p) return { status: 400, body: { errorType: 'InvalidRequestID', errorMessage: `Unknown or finished request id ${requestId}` } };
    const doc = parseError(body, errorType);
    this.finish(p, 'error', doc, JSON.stringify(doc));
    // A runtime-level failure (uncaught exception, unhandled rejection) ends the environment, as on Lambda.
    if (doc.errorType.startsWith('Runtime.')) this.dead = true;
    return OK;
  }

  private onInitError(body: Buffer, errorType: string | undefined): RouteResult {
    const doc = parseError(body, errorType);
    this.initError = { errorType: doc.errorType, body: JSON.stringify(doc) };
    this.initDurationMs ??= performance.now() - this.initStartedAt;
    if (this.pending) this.finishInitError();
    return OK;
  }

  private finishInitError(): void {
    const p = this.pending!;
    const doc = JSON.parse(this.initError!.body);
    p.startedAt ??= performance.now();
    this.finish(p, 'error', doc, this.initError!.body);
    this.dispose();
  }

  private onTimeout(p: Pending): void {
    if (this.pending !== p) return;
    const message = this.platform.timedOut(p.requestId, this.spec.timeoutSeconds);
    this.log(message);
    this.finish(p, 'timeout', {
      errorType: 'Sandbox.Timedout',
      errorMessage: `RequestId: ${p.requestId} Error: Task timed out after ${this.spec.timeoutSeconds.toFixed(2)} seconds`,
    });
    this.dispose();
  }

  private onExit(message: string, errorType: string): void {
    if (this.dead && !this.pending) return;
    this.dead = true;
    this.server?.close();
    const p = this.pending;
    if (!p) return;
    if (p.startedAt === undefined && !p.cold) {
      // A warm environment whose runtime ended after its last invocation (an uncaught exception from a timer,
      // exit 129) never received this one: Lambda gives it a new environment, and so does the runner.
      this.pending = undefined;
      p.reject(new EnvironmentEnded(this.id));
      return;
    }
    p.startedAt ??= performance.now();
    const doc = this.initError ? JSON.parse(this.initError.body) : { errorType, errorMessage: `RequestId: ${p.requestId} Error: ${message}` };
    this.finish(p, 'error', doc);
  }

  private finish(p: Pending, status: 'success' | 'error' | 'timeout', error?: { errorType: string; errorMessage: string }, payload?: string): void {
    if (this.pending !== p || p.done) return;
    p.done = true;
    clearTimeout(p.timer);
    const durationMs = performance.now() - (p.startedAt ?? performance.now());
    const initDurationMs = p.cold ? this.initDurationMs : undefined;
    const billedDurationMs = Math.max(1, Math.ceil(durationMs + (initDurationMs ?? 0)));
    const maxMemory = maxMemoryUsedMb(this.child?.pid);
    // Output the runtime wrote just before its response may still sit in the pipe: collect it first.
    setImmediate(() => setImmediate(() => {
      this.log(this.platform.end(p.requestId, status));
      this.log(this.platform.report({
        requestId: p.requestId, durationMs, billedDurationMs, memorySizeMb: this.spec.memoryMb, maxMemoryUsedMb: maxMemory, initDurationMs, status,
      }));
      this.pending = undefined;
      p.resolve({
        requestId: p.requestId,
        payload: payload ?? JSON.stringify(error),
        errorType: error?.errorType,
        errorMessage: error?.errorMessage,
        coldStart: p.cold,
        initDurationMs,
        durationMs,
        billedDurationMs,
        memorySizeMb: this.spec.memoryMb,
        maxMemoryUsedMb: maxMemory,
        logs: p.logs,
        environmentId: this.id,
      });
    }));
  }
}
