import { EnvironmentEnded, ExecutionEnvironment } from './environment';
import { PreparedFunction } from './function-config';
import { hint, Surface } from './hints';
import { InvokeOutcome, InvokeRequest, LocalLambdaError } from './types';
import { RUNTIME_API_FACTS } from '../../limits';

/**
 * The execution environments of one function: an invocation takes an idle environment (warm) or starts a
 * new one (cold), so N concurrent invocations run in N environments, like Lambda scales out.
 */
export class FunctionRunner {
  private readonly idle: ExecutionEnvironment[] = [];
  private readonly all: ExecutionEnvironment[] = [];
  private nextId = 1;
  private disposed = false;

  constructor(public readonly fn: PreparedFunction, private readonly onLog: (line: string) => void = () => undefined, private readonly surface: Surface = 'api') {}

  /** How many environments were started so far. */
  public get environmentsStarted(): number {
    return this.nextId - 1;
  }

  /** Invokes the function once. Refuses events that are not JSON or exceed Lambda's payload limit. */
  public async invoke(request: InvokeRequest): Promise<InvokeOutcome> {
    const limit = request.invocationType === 'Event' ? RUNTIME_API_FACTS.asyncPayloadBytes : RUNTIME_API_FACTS.syncPayloadBytes;
    const size = Buffer.byteLength(request.payload);
    if (size > limit) {
      throw new LocalLambdaError('RequestEntityTooLarge', `${this.fn.spec.path}: RequestEntityTooLargeException: the event is ${size} bytes; Lambda accepts at most ${limit} bytes for ${request.invocationType ?? 'RequestResponse'} invocations`);
    }
    if (this.fn.spec.tenantIsolation && !request.tenantId) {
      throw new LocalLambdaError('TenantIdRequired', `${this.fn.spec.path}: the function runs in tenant isolation mode (TenancyConfig PER_TENANT): every invocation needs a tenant id (${hint(this.surface, 'tenantId')})`);
    }
    try {
      JSON.parse(request.payload);
    } catch (e) {
      throw new LocalLambdaError('InvalidRequestContent', `${this.fn.spec.path}: InvalidRequestContentException: the event is not JSON (${(e as Error).message})`);
    }
    for (;;) {
      const env = this.environment(this.fn.spec.tenantIsolation ? request.tenantId : undefined);
      let outcome: InvokeOutcome;
      try {
        outcome = await env.invoke(request);
      } catch (e) {
        if (!(e instanceof EnvironmentEnded) || this.disposed) throw e;
        env.dispose();
        continue; // it never reached the runtime: a new environment takes it
      }
      if (env.dead) env.dispose();
      else this.idle.push(env);
      return outcome;
    }
  }

  /** An idle warm environment (of `tenant`, in tenant isolation mode), else a new one. */
  private environment(tenant: string | undefined): ExecutionEnvironment {
    for (let i = this.idle.length - 1; i >= 0; i--) if (this.idle[i].dead) this.idle.splice(i, 1);
    const at = this.idle.map(e => e.tenantId).lastIndexOf(tenant);
    let env = tenant === undefined ? this.idle.pop() : at >= 0 ? this.idle.splice(at, 1)[0] : undefined;
    if (!env) {
      env = new ExecutionEnvironment(this.nextId++, this.fn.spec, this.fn.launch, this.onLog);
      this.all.push(env);
    }
    return env;
  }

  /** Ends every environment. */
  public dispose(): void {
    this.disposed = true;
    for (const env of this.all) env.dispose();
    this.all.length = 0;
    this.idle.length = 0;
  }
}
