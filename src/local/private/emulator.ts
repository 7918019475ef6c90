import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findFunction, FunctionRef, readAssembly } from './assembly';
import { RUNTIME_API_FACTS } from '../../limits';
import { deliverAsync } from './delivery/async';
import { Outbox } from './delivery/outbox';
import { deliverSqs } from './delivery/sqs';
import { deliverStream } from './delivery/stream';
import { dynamodbRecord, eventBridgeEvent, EVENT_KINDS, eventKindOf, kinesisRecord, s3Event, snsEvent, SourceContext } from './events';
import { prepareFunction } from './function-config';
import { hint, Surface } from './hints';
import { FunctionRunner } from './runner';
import { asyncConfig, findSources, SourceBinding, targetOf } from './sources';
import { InvokeOutcome, InvokeRequest, LocalLambdaError } from './types';

/** How to open a function of an assembly. */
export interface EmulatorOptions {
  /** JSON file: `{ "Parameters": {NAME: value}, "<logical id or path>": {NAME: value} }`. */
  readonly overridesFile?: string;
  /** Environment variable values for this function (win over the file). */
  readonly environment?: Record<string, string>;
  /** Refuse environment variables holding tokens without a value (default: placeholder + warning). */
  readonly strictEnvironment?: boolean;
  /** Receives every log line as it is written. */
  readonly onLog?: (line: string) => void;
  /** Whose words the hints of refusals use: the CLI's flags or the API's options (default). */
  readonly surface?: Surface;
}

const ASYNC_KINDS = ['s3', 'sns', 'eventbridge', 'cloudwatch-logs'];

/** What an asynchronous invocation did: every attempt, and where the event ended up. */
export interface AsyncInvokeOutcome {
  readonly attempts: InvokeOutcome[];
  readonly outbox: Outbox;
}

/** One function of a cloud assembly, ready to invoke locally and to receive events from its triggers. */
export class Emulator {
  /** Opens `functionId` (construct path or logical id) of the cloud assembly in `assemblyDir`. */
  public static open(assemblyDir: string, functionId: string, options: EmulatorOptions = {}): Emulator {
    const ref = findFunction(readAssembly(assemblyDir), functionId);
    let file: Record<string, Record<string, string>> | undefined;
    if (options.overridesFile) {
      try {
        file = JSON.parse(fs.readFileSync(options.overridesFile, 'utf-8'));
      } catch (e) {
        throw new LocalLambdaError('BadOverrides', `overrides file ${options.overridesFile} is not readable JSON: ${(e as Error).message}`);
      }
    }
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-lambda-local-'));
    try {
      const surface = options.surface ?? 'api';
      const prepared = prepareFunction(ref, workDir, { file, values: options.environment, strict: options.strictEnvironment, surface });
      return new Emulator(ref, new FunctionRunner(prepared, options.onLog, surface), workDir, surface);
    } catch (e) {
      fs.rmSync(workDir, { recursive: true, force: true });
      throw e;
    }
  }

  public readonly sources: SourceBinding[];

  private constructor(
    public readonly ref: FunctionRef,
    public readonly runner: FunctionRunner,
    private readonly workDir: string,
    private readonly surface: Surface,
  ) {
    this.sources = findSources(ref);
  }

  public get spec() {
    return this.runner.fn.spec;
  }

  /** Invokes once; with `checkShape`, refuses an event of another trigger kind than the template wires. */
  public async invoke(request: InvokeRequest, checkShape = true): Promise<InvokeOutcome> {
    if (checkShape) this.checkShape(request.payload);
    return this.runner.invoke(request);
  }

  /**
   * An asynchronous (`Event`) invocation as Lambda's internal queue runs it: the event is accepted (202),
   * retried per the function's EventInvokeConfig (default 2 retries), then sent to its destinations and
   * dead-letter queue. Time is virtual: the retries run at once.
   */
  public async invokeAsync(request: InvokeRequest, checkShape = true): Promise<AsyncInvokeOutcome> {
    if (checkShape) this.checkShape(request.payload);
    const outbox = new Outbox(this.spec.path, 'invoke');
    const attempts: InvokeOutcome[] = [];
    const invoke = async (payload: string): Promise<InvokeOutcome> => {
      const outcome = await this.runner.invoke({ ...request, payload, invocationType: 'Event' });
      attempts.push(outcome);
      return outcome;
    };
    await deliverAsync([request.payload], asyncConfig(this.ref, RUNTIME_API_FACTS.defaultAsyncRetries), this.spec.arn, invoke, outbox);
    return { attempts, outbox };
  }

  /** A sample event of `kind`, carrying the ARN of the function's own source of that kind when it has one. */
  public sampleEvent(kind: string): string {
    const make = EVENT_KINDS[kind];
    if (!make) throw new LocalLambdaError('UnknownEventKind', `unknown event kind "${kind}": use one of ${Object.keys(EVENT_KINDS).join(', ')}, or a JSON file`);
    return JSON.stringify(make(this.context(this.sources.find(s => kind.startsWith(s.kind)))));
  }

  /** Delivers `records` through the function's trigger (`source`: its logical id or kind, needed when it has several). */
  public async deliver(records: string[], source?: string): Promise<Outbox> {
    const binding = this.pickSource(source);
    const outbox = new Outbox(this.spec.path, `${binding.kind}:${binding.sourceId}`);
    const invoke = (payload: string, invocationType?: 'RequestResponse' | 'Event'): Promise<InvokeOutcome> => this.runner.invoke({ payload, invocationType });
    const ctx = this.context(binding);
    const m = binding.mapping ?? {};
    const reportBatchItemFailures = (m.FunctionResponseTypes ?? []).includes('ReportBatchItemFailures');
    if (binding.kind === 'sqs') {
      const redrive = binding.sourceProps.RedrivePolicy ?? {};
      const retention = binding.sourceProps.MessageRetentionPeriod ?? 345_600;
      const visibility = binding.sourceProps.VisibilityTimeout ?? 30;
      await deliverSqs(records.map(r => this.toRecord(binding.kind, r) as string), {
        batchSize: m.BatchSize ?? RUNTIME_API_FACTS.defaultSqsBatchSize,
        reportBatchItemFailures,
        concurrency: Math.max(1, Math.min(m.ScalingConfig?.MaximumConcurrency ?? 5, 5)),
        maxReceiveCount: typeof redrive.maxReceiveCount === 'number' ? redrive.maxReceiveCount : undefined,
        deadLetterId: targetOf(redrive.deadLetterTargetArn),
        receivesUntilExpiry: Math.max(1, Math.floor(retention / Math.max(1, visibility))),
        context: ctx,
      }, invoke, outbox);
    } else if (binding.kind === 'kinesis' || binding.kind === 'dynamodb') {
      await deliverStream(records.map(r => this.toRecord(binding.kind, r) as Record<string, unknown>), {
        kind: binding.kind,
        batchSize: m.BatchSize ?? RUNTIME_API_FACTS.defaultStreamBatchSize,
        bisectOnError: m.BisectBatchOnFunctionError === true,
        maxRetries: m.MaximumRetryAttempts ?? -1,
        maxRecordAgeSeconds: m.MaximumRecordAgeInSeconds ?? -1,
        reportBatchItemFailures,
        onFailureId: targetOf(m.DestinationConfig?.OnFailure?.Destination),
        functionArn: this.spec.arn,
        streamArn: ctx.sourceArn!,
      }, invoke, outbox);
    } else if (ASYNC_KINDS.includes(binding.kind)) {
      const events = records.map(r => JSON.stringify(this.toRecord(binding.kind, r)));
      await deliverAsync(events, asyncConfig(this.ref, RUNTIME_API_FACTS.defaultAsyncRetries), this.spec.arn, invoke, outbox);
    } else {
      // Synchronous triggers (ALB, API Gateway, Function URL): the caller gets the answer; nothing is retried.
      for (const r of records) {
        this.checkShape(r);
        const outcome = await invoke(r);
        outbox.invocations++;
        if (outcome.errorType) outbox.failed++;
        else outbox.succeeded++;
        outbox.put(binding.sourceId, { request: JSON.parse(r), response: JSON.parse(outcome.payload) });
      }
    }
    return outbox;
  }

  /** Ends every execution environment and removes the extracted code. */
  public dispose(): void {
    this.runner.dispose();
    // Every runtime's process tree is killed first (a shell bootstrap's `curl -D` no longer writes into its
    // TMPDIR); a write that the kernel was finishing as the signal came is covered by the retries.
    fs.rmSync(this.workDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  }

  private context(binding: SourceBinding | undefined): SourceContext {
    const { region, account } = this.spec;
    if (!binding) return { region, account };
    const p = binding.sourceProps;
    const name = p.QueueName ?? p.Name ?? p.TopicName ?? p.TableName ?? binding.sourceId;
    const arns: Record<string, string> = {
      'sqs': `arn:aws:sqs:${region}:${account}:${name}`,
      'kinesis': `arn:aws:kinesis:${region}:${account}:stream/${name}`,
      'dynamodb': `arn:aws:dynamodb:${region}:${account}:table/${name}/stream/2026-01-01T00:00:00.000`,
      'sns': `arn:aws:sns:${region}:${account}:${name}`,
      'eventbridge': `arn:aws:events:${region}:${account}:rule/${name}`,
      'cloudwatch-logs': `arn:aws:logs:${region}:${account}:log-group:${p.LogGroupName ?? `/local/${name}`}:*`,
    };
    return { region, account, sourceArn: arns[binding.kind] };
  }

  private pickSource(source: string | undefined): SourceBinding {
    const list = this.sources.map(s => `${s.kind} (${s.sourceId})`).join(', ');
    const matches = source ? this.sources.filter(s => s.sourceId === source || s.kind === source) : this.sources;
    if (matches.length === 1) return matches[0];
    if (!this.sources.length) throw new LocalLambdaError('NoTrigger', `${this.spec.path} has no trigger in the template (no event source mapping, permission or URL): use invoke instead of deliver`);
    throw new LocalLambdaError('NoTrigger', source
      ? `${this.spec.path} has no trigger "${source}"; its triggers: ${list}`
      : `${this.spec.path} has ${this.sources.length} triggers; ${hint(this.surface, 'source')}: ${list}`);
  }

  /** Turns one given record (a payload, a whole record or a whole event) into what the source delivers. */
  private toRecord(kind: string, text: string): unknown {
    let parsed: any;
    try { parsed = JSON.parse(text); } catch { parsed = undefined; }
    const given = parsed && typeof parsed === 'object' ? (Array.isArray(parsed.Records) ? parsed.Records[0] : parsed) : undefined;
    const givenKind = given && (given.eventSource || given.EventSource || parsed['detail-type'] !== undefined) ? eventKindOf(Array.isArray(parsed.Records) ? parsed : { Records: [given] }) ?? eventKindOf(parsed) : undefined;
    if (givenKind && givenKind !== kind) {
      throw new LocalLambdaError('EventShapeMismatch', `${this.spec.path}: event shape mismatch: a ${givenKind} record was given, but the trigger is ${kind}; give ${kind} records, or plain payloads to wrap`);
    }
    if (givenKind) return kind === 'sqs' ? given.body : ASYNC_KINDS.includes(kind) ? parsed : given;
    switch (kind) {
      case 'sqs': return text;
      case 'kinesis': return kinesisRecord(text, this.context(this.sources.find(s => s.kind === kind)));
      case 'dynamodb':
        if (!given) throw new LocalLambdaError('EventShapeMismatch', `${this.spec.path}: a DynamoDB Streams record needs an item as a JSON object, got ${text.slice(0, 80)}`);
        return dynamodbRecord(given, this.context(this.sources.find(s => s.kind === kind)));
      case 's3': return s3Event(text);
      // One log event per record (a whole subscription batch is passed through as given).
      case 'cloudwatch-logs': return given?.awslogs ? parsed : EVENT_KINDS['cloudwatch-logs']({ ...this.context(this.sources.find(s => s.kind === kind)), messages: [text] });
      case 'sns': return snsEvent(text);
      default: return eventBridgeEvent('Local Event', given ?? { value: text });
    }
  }

  private checkShape(payload: string): void {
    let event: unknown;
    try { event = JSON.parse(payload); } catch { return; }
    const kind = eventKindOf(event);
    if (!kind || !this.sources.length) return;
    const alb = this.sources.find(s => s.kind === 'alb');
    const multi = (alb?.sourceProps.TargetGroupAttributes ?? []).some((a: any) => a.Key === 'lambda.multi_value_headers.enabled' && String(a.Value) === 'true');
    const expected = this.sources.map(s => (s.kind === 'alb' && multi ? 'alb-multi-value' : s.kind));
    // A Cognito source accepts every Cognito trigger event (cognito-pre-sign-up, …).
    if (!expected.some(k => kind === k || (k === 'cognito' && kind.startsWith('cognito-')))) {
      throw new LocalLambdaError('EventShapeMismatch', `${this.spec.path}: event shape mismatch: the event looks like a(n) ${kind} event, but the template connects this function to ${expected.join(', ')}; use ${hint(this.surface, 'sample', expected[0])} for a sample of the right shape, or ${hint(this.surface, 'noShapeCheck')}`);
    }
  }
}
