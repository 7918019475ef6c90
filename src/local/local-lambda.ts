import * as path from 'path';
import { Stage } from 'aws-cdk-lib';
import { LocalInvokeResult } from './invoke-result';
import { SyncClient } from './private/sync-client';
import { FunctionSpec, InvokeOutcome } from './private/types';

/**
 * How to open a function of a cloud assembly locally.
 *
 * @experimental
 */
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

/**
 * Options of one local invocation.
 *
 * @experimental
 */
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
   * Invoke asynchronously (`InvocationType: Event`), as S3, SNS and EventBridge do: the event may be at most
   * 1 MB instead of 6 MB; Lambda accepts it (status 202, empty payload), retries a failure per the function's
   * EventInvokeConfig (`MaximumRetryAttempts`, default 2), then sends a record to the on-success or
   * on-failure destination and the event to the dead-letter queue (see `outbox`). Retries run at once.
   *
   * @default false
   * @see https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html
   */
  readonly asynchronous?: boolean;
  /**
   * The tenant to invoke for (Lambda's `TenantId`): required by a function in tenant isolation mode
   * (`TenancyConfig.TenantIsolationMode: PER_TENANT`), whose execution environments each serve one tenant;
   * the handler sees it as `context.tenantId` (Node.js) / `context.tenant_id` (Python).
   *
   * @default - no tenant
   * @see https://docs.aws.amazon.com/lambda/latest/dg/tenant-isolation-invoke.html
   */
  readonly tenantId?: string;
  /**
   * Skip the check that the event has the shape of one of the function's triggers.
   *
   * @default false
   */
  readonly skipShapeCheck?: boolean;
}

/**
 * Records to deliver through a function's trigger.
 *
 * @experimental
 */
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

/**
 * What a delivery did.
 *
 * @experimental
 */
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
 * `CodeNotLocal`, `TokenEnvironment`, `WrongArchitecture`, `InvalidEntrypoint`, `UnsupportedRuntime`, `TenantIdRequired`,
 * `ContainerImage`, `BadArchive`, `BadOverrides`, `UnknownEventKind`, `NoTrigger`, `EventShapeMismatch`,
 * `RequestEntityTooLarge`, `InvalidRequestContent`, `BadInput`, `FrontDoorNotFound`, `PortInUse`, `Disposed`, `EmulatorFailed`. A function error is not
 * thrown: it is in the result (`errorType`).
 *
 * @example
 * const fn = LocalLambda.fromAssembly('cdk.out', 'MyStack/Worker');
 * const result = fn.invoke(LocalEvents.sqs(['hello']));
 * fn.dispose();
 *
 * @experimental
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

  private readonly client: SyncClient;

  private constructor(assemblyDir: string, functionId: string, options: LocalLambdaOptions) {
    const workerOptions = { strictEnvironment: options.strictEnvironment, overridesFile: options.overridesFile, environment: options.environment };
    this.client = new SyncClient({ kind: 'function', assemblyDir, functionId, options: workerOptions }, `LocalLambda ${functionId}`);
    const opened = this.client.opened() as { spec: FunctionSpec; triggers: string[] };
    this.functionPath = opened.spec.path;
    this.logicalId = opened.spec.logicalId;
    this.runtime = opened.spec.runtime;
    this.warnings = opened.spec.warnings;
    this.triggers = opened.triggers;
  }

  /**
   * Invokes the function with `event` and waits for the result. The event is any JSON value (a dict in
   * Python, a Map in Java, an object in TypeScript), or a string holding JSON text (what `LocalEvents` gives).
   */
  public invoke(event: any, options: LocalInvokeOptions = {}): LocalInvokeResult {
    const payload = jsonText(event);
    const { clientContext, cognitoIdentity, tenantId } = options;
    const request = { payload, clientContext, cognitoIdentity, tenantId, invocationType: options.asynchronous ? 'Event' : 'RequestResponse' };
    if (!options.asynchronous) return toResult(this.call('invoke', [request, !options.skipShapeCheck]) as InvokeOutcome);
    const { attempts, outbox } = this.call('invokeAsync', [request, !options.skipShapeCheck]) as { attempts: InvokeOutcome[]; outbox: object };
    const last = attempts[attempts.length - 1];
    return {
      ...toResult(last),
      statusCode: 202,
      payload: '',
      coldStart: attempts[0].coldStart,
      initDurationMs: attempts[0].initDurationMs,
      logs: attempts.flatMap(a => a.logs),
      attempts: attempts.length,
      outbox: JSON.stringify(outbox),
    };
  }

  /** Invokes once per event (JSON values or JSON text), all at once: N events run in N execution environments (or warm ones). */
  public invokeConcurrently(events: any[]): LocalInvokeResult[] {
    return (this.call('invokeAll', [events.map(jsonText)]) as InvokeOutcome[]).map(toResult);
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
    this.client.close();
  }

  private call(op: string, args: unknown[]): unknown {
    return this.client.call(op, args);
  }
}

function toResult(o: InvokeOutcome): LocalInvokeResult {
  return { ...o, statusCode: 200, attempts: 1 };
}

/** An event as JSON text: a string is taken as JSON text already, anything else is serialized. */
function jsonText(event: unknown): string {
  return typeof event === 'string' ? event : JSON.stringify(event ?? null);
}

/** The payload parsed, or undefined when it is empty or not JSON. */
