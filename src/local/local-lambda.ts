import * as path from 'path';
import { MessageChannel, MessagePort, receiveMessageOnPort, Worker } from 'worker_threads';
import { Stage } from 'aws-cdk-lib';
import { FunctionSpec, InvokeOutcome } from './private/types';

const WAIT_LIMIT_MS = 60 * 60 * 1000;

/** How to open a function of a cloud assembly locally. */
export interface LocalLambdaOptions {
  /**
   * A JSON file with values for environment variables the template fills with tokens (SAM's form):
   * `{ "Parameters": { "NAME": "value" }, "<logical id or construct path>": { "NAME": "value" } }`.
   *
   * @default - no file: tokens become `local-placeholder-NAME` with a warning
   */
  readonly overridesFile?: string;
  /**
   * Values for this function's environment variables; they win over the overrides file and may add variables.
   *
   * @default - none
   */
  readonly environment?: { [name: string]: string };
  /**
   * Refuse an environment variable holding a token without a value, instead of using a placeholder.
   *
   * @default false
   */
  readonly strictEnvironment?: boolean;
}

/** Options of one local invocation. */
export interface LocalInvokeOptions {
  /**
   * Client context as JSON text (the runtime's Lambda-Runtime-Client-Context header).
   *
   * @default - none
   */
  readonly clientContext?: string;
  /**
   * Cognito identity as JSON text (the runtime's Lambda-Runtime-Cognito-Identity header).
   *
   * @default - none
   */
  readonly cognitoIdentity?: string;
  /**
   * Invoke as an asynchronous (`Event`) invocation: the event may be at most 1 MB instead of 6 MB.
   *
   * @default false
   */
  readonly asynchronous?: boolean;
  /**
   * Skip the check that the event has the shape of one of the function's triggers.
   *
   * @default false
   */
  readonly skipShapeCheck?: boolean;
}

/** The result of one local invocation. */
export interface LocalInvokeResult {
  /** The request id the runtime saw. */
  readonly requestId: string;
  /** The response, or Lambda's error document, as JSON text. */
  readonly payload: string;
  /**
   * The error type (e.g. `Runtime.HandlerNotFound`, `Sandbox.Timedout`, the handler's error name).
   *
   * @default - the invocation succeeded
   */
  readonly errorType?: string;
  /**
   * The error message.
   *
   * @default - the invocation succeeded
   */
  readonly errorMessage?: string;
  /** Whether a new execution environment was started for it. */
  readonly coldStart: boolean;
  /**
   * Duration of the init phase, in ms.
   *
   * @default - a warm invocation
   */
  readonly initDurationMs?: number;
  /** Duration of the invocation, in ms. */
  readonly durationMs: number;
  /** Billed duration, in whole ms (init included on a cold start). */
  readonly billedDurationMs: number;
  /** The function's memory size, in MB. */
  readonly memorySizeMb: number;
  /** Peak resident memory of the runtime process, in MB. */
  readonly maxMemoryUsedMb: number;
  /** The log lines of the invocation, START / END / REPORT included. */
  readonly logs: string[];
  /** Which execution environment ran it (1, 2, ...). */
  readonly environmentId: number;
}

/** Records to deliver through a function's trigger. */
export interface LocalDeliverOptions {
  /**
   * The records: message bodies (SQS, SNS), record data (Kinesis), item JSON (DynamoDB), object keys (S3),
   * event detail JSON (EventBridge), or whole records / events of the trigger's kind.
   */
  readonly records: string[];
  /**
   * The trigger to deliver through: its logical id or kind (`sqs`, `kinesis`, ...).
   *
   * @default - the function's only trigger
   */
  readonly source?: string;
  /**
   * Also write the outbox to this JSON file.
   *
   * @default - not written
   */
  readonly outboxFile?: string;
}

/** What a delivery did. */
export interface LocalDeliveryResult {
  /** Invocations made. */
  readonly invocations: number;
  /** Records processed successfully. */
  readonly succeeded: number;
  /** Records given up on (dead-letter queue, on-failure destination, dropped). */
  readonly failed: number;
  /** The outbox as JSON: `{ function, source, invocations, succeeded, failed, destinations: { <logical id>: [...] }, warnings }`. */
  readonly outbox: string;
  /** What was not emulated exactly (expired messages, capped retries, dropped events). */
  readonly warnings: string[];
}

/**
 * Runs one Lambda function of a cloud assembly locally, as synthesized: its code, layers, runtime,
 * memory, timeout and environment, behind a Lambda Runtime API (2018-06-01) server on 127.0.0.1, with warm
 * execution environments reused between calls. No Docker, no AWS account; IAM and AWS service calls are
 * not emulated. Call `dispose()` when done.
 *
 * Input the emulator refuses throws an error whose message starts with a stable code in brackets, the
 * same in every language: `[LocalLambda.FunctionNotFound]`, `NotACloudAssembly`, `AmbiguousFunction`,
 * `CodeNotLocal`, `TokenEnvironment`, `WrongArchitecture`, `InvalidEntrypoint`, `UnsupportedRuntime`,
 * `ContainerImage`, `BadArchive`, `BadOverrides`, `UnknownEventKind`, `NoTrigger`, `EventShapeMismatch`,
 * `RequestEntityTooLarge`, `InvalidRequestContent`, `Disposed`, `EmulatorFailed`. A function error is not
 * thrown: it is in the result (`errorType`).
 *
 * @example
 * const fn = LocalLambda.fromAssembly('cdk.out', 'MyStack/Worker');
 * const result = fn.invoke(LocalEvents.sqs(['hello']));
 * fn.dispose();
 */
export class LocalLambda {
  /** Opens `functionId` (construct path such as `Stack/Worker`, or logical id) of the cloud assembly in `assemblyDir`. */
  public static fromAssembly(assemblyDir: string, functionId: string, options: LocalLambdaOptions = {}): LocalLambda {
    return new LocalLambda(path.resolve(assemblyDir), functionId, options);
  }

  /** Synthesizes `stage` (an App or Stage) and opens `functionId` of its cloud assembly. */
  public static fromStage(stage: Stage, functionId: string, options: LocalLambdaOptions = {}): LocalLambda {
    return new LocalLambda(stage.synth().directory, functionId, options);
  }

  /** The function's construct path. */
  public readonly functionPath: string;
  /** The function's logical id. */
  public readonly logicalId: string;
  /** The function's runtime (e.g. `nodejs22.x`). */
  public readonly runtime: string;
  /** The function's triggers as `kind:logicalId` (e.g. `sqs:JobsQueue1234`). */
  public readonly triggers: string[];
  /** What was adjusted to run locally (token placeholders, host runtime versions). */
  public readonly warnings: string[];

  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag: Int32Array;
  private disposed = false;

  private constructor(assemblyDir: string, functionId: string, options: LocalLambdaOptions) {
    const signal = new SharedArrayBuffer(4);
    this.flag = new Int32Array(signal);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const ts = __filename.endsWith('.ts');
    const workerFile = path.join(__dirname, 'private', `sync-worker${ts ? '.ts' : '.js'}`);
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
    const workerOptions = { strictEnvironment: options.strictEnvironment, overridesFile: options.overridesFile, environment: options.environment };
    const workerData = { assemblyDir, functionId, options: workerOptions, signal, port: port2 };
    // The environment as this code sees it (a test runner's process.env included), not the process's original one.
    this.worker = new Worker(source, { eval: ts, workerData, transferList: [port2], env: { ...process.env } });
    this.worker.unref();
    const opened = this.wait() as { spec: FunctionSpec; triggers: string[] };
    this.functionPath = opened.spec.path;
    this.logicalId = opened.spec.logicalId;
    this.runtime = opened.spec.runtime;
    this.warnings = opened.spec.warnings;
    this.triggers = opened.triggers;
  }

  /** Invokes the function with `event` (JSON text) and waits for the result. */
  public invoke(event: string, options: LocalInvokeOptions = {}): LocalInvokeResult {
    const request = { payload: event, clientContext: options.clientContext, cognitoIdentity: options.cognitoIdentity, invocationType: options.asynchronous ? 'Event' : 'RequestResponse' };
    return toResult(this.call('invoke', [request, !options.skipShapeCheck]) as InvokeOutcome);
  }

  /** Invokes once per event, all at once: N events run in N execution environments (or warm ones). */
  public invokeConcurrently(events: string[]): LocalInvokeResult[] {
    return (this.call('invokeAll', [events]) as InvokeOutcome[]).map(toResult);
  }

  /** Delivers records through the function's trigger with its batch, retry and failure semantics. */
  public deliver(options: LocalDeliverOptions): LocalDeliveryResult {
    const outbox = this.call('deliver', [options.records, options.source, options.outboxFile]) as any;
    const { invocations, succeeded, failed, warnings } = outbox;
    return { invocations, succeeded, failed, outbox: JSON.stringify(outbox), warnings };
  }

  /** A sample event of `kind` (see `LocalEvents.KINDS`) carrying the ARN of the function's own trigger of that kind. */
  public sampleEvent(kind: string): string {
    return this.call('sample', [kind]) as string;
  }

  /** Ends every execution environment and the worker. Safe to call twice. */
  public dispose(): void {
    if (this.disposed) return;
    this.call('dispose', []);
    this.disposed = true;
    void this.worker.terminate();
    this.port.close();
  }

  private call(op: string, args: unknown[]): unknown {
    if (this.disposed) throw new Error(`[LocalLambda.Disposed] LocalLambda ${this.functionPath} was disposed`);
    this.port.postMessage({ op, args });
    return this.wait();
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

function toResult(o: InvokeOutcome): LocalInvokeResult {
  return { ...o };
}
