import { readAssembly } from '../assembly';
import { Emulator, EmulatorOptions } from '../emulator';
import { InvokeOutcome, LocalLambdaError } from '../types';
import { authorizerDecision, authorizerEvent, methodArn, runsAuthorizer, unauthorized } from './authorizers';
import { FrontDoor, readFrontDoors } from './front-doors';
import { albPayload, localId, payloadV1, payloadV2 } from './integration-events';
import { gatewayAnswer, HttpResult, integrationFailure, toHttpResult } from './integration-responses';
import { HttpRequest, matchAlbRule, matchRoute } from './match';
import { HttpSink, StreamedHttpResponse } from './streamed-response';

/** A front door's answer, with what ran behind it. */
export interface GatewayResult extends HttpResult {
  /** The construct path of the function that answered (undefined when the front door answered alone). */
  readonly functionPath?: string;
  /** The log lines of the invocations (authorizer and function). */
  readonly logs: string[];
  /** The response went to the sink as it was streamed (its head and body are written already). */
  readonly streamed?: boolean;
}

/** How to open the front doors of an assembly. */
export interface GatewayOptions extends EmulatorOptions {
  /** Serve only this front door: its construct path, logical id or kind (`rest-api`, `http-api`, `function-url`, `alb`). */
  readonly frontDoor?: string;
}

/** Whether `d` is the front door named `wanted`: its construct path (with or without the stack), logical id or kind. */
function isDoor(d: FrontDoor, wanted: string): boolean {
  return d.path === wanted || d.id === wanted || d.kind === wanted || d.path.split('/').slice(1).join('/') === wanted;
}

/** A short label of a front door, e.g. `rest-api RestApi/Api (stage prod)`. */
export function describeDoor(d: FrontDoor): string {
  return `${d.kind} ${d.path}${d.stage && d.stage !== '$default' ? ` (stage ${d.stage})` : ''}`;
}

/**
 * The front doors of a cloud assembly (REST API stages, HTTP API stages, Function URLs, ALB listeners),
 * each routing requests to its functions the way the template configures it. One emulator per function,
 * its warm environments shared by every route that reaches it.
 */
export class Gateway {
  /** Reads the front doors of the assembly and opens every function they reach. */
  public static open(assemblyDir: string, options: GatewayOptions = {}): Gateway {
    const all = readFrontDoors(readAssembly(assemblyDir));
    const wanted = options.frontDoor;
    const doors = wanted ? all.filter(d => isDoor(d, wanted)) : all;
    if (!doors.length) {
      const list = all.map(d => `  ${describeDoor(d)}`).join('\n');
      throw new LocalLambdaError('FrontDoorNotFound', wanted
        ? `No front door "${wanted}" in the cloud assembly; it has:\n${list || '  (none)'}`
        : 'The cloud assembly has no front door to serve (no REST API, HTTP API, Function URL or ALB listener with a Lambda target)');
    }
    if (wanted && doors.length > 1 && new Set(doors.map(d => `${d.stack.name}/${d.id}`)).size > 1) {
      throw new LocalLambdaError('AmbiguousFunction', `"${wanted}" matches ${doors.length} front doors; name one of them:\n${doors.map(d => `  ${describeDoor(d)}`).join('\n')}`);
    }
    return new Gateway(assemblyDir, doors, options);
  }

  public readonly warnings: string[] = [];
  private readonly emulators = new Map<string, Emulator>();
  private readonly failures = new Map<string, string>();

  private constructor(assemblyDir: string, public readonly doors: FrontDoor[], options: EmulatorOptions) {
    for (const d of doors) {
      for (const w of d.warnings) this.warnings.push(`${describeDoor(d)}: ${w}`);
      const ids = [...d.routes.flatMap(r => [r.functionId, r.auth.functionId]), ...d.albRules.map(r => r.functionId)];
      for (const id of ids) {
        const key = id && `${d.stack.name}/${id}`;
        if (!key || this.emulators.has(key) || this.failures.has(key)) continue;
        try {
          const e = Emulator.open(assemblyDir, d.stack.pathOf(id), options);
          this.emulators.set(key, e);
          for (const w of e.spec.warnings) this.warnings.push(w);
        } catch (err) {
          this.failures.set(key, (err as Error).message);
          this.warnings.push(`${d.stack.pathOf(id)} cannot run locally (its routes answer 502): ${(err as Error).message}`);
        }
      }
    }
  }

  /** The front door a request names (`wanted`: as for `GatewayOptions.frontDoor`), or the only one. */
  public door(wanted: string | undefined): FrontDoor {
    const list = this.doors.map(d => `  ${describeDoor(d)}`).join('\n');
    if (wanted === undefined) {
      if (this.doors.length === 1) return this.doors[0];
      throw new LocalLambdaError('FrontDoorNotFound', `the assembly has ${this.doors.length} front doors: name one with the frontDoor option:\n${list}`);
    }
    const found = this.doors.find(d => isDoor(d, wanted));
    if (!found) throw new LocalLambdaError('FrontDoorNotFound', `no front door "${wanted}"; the assembly has:\n${list}`);
    return found;
  }

  /** The lines that say what each front door serves (routes and their functions). */
  public routeTable(door: FrontDoor): string[] {
    const fn = (id: string | undefined): string => (id ? door.stack.pathOf(id).replace(/^\//, '').replace(/\/Resource$/, '') : '(not local)');
    if (door.kind === 'alb') {
      return door.albRules.map(r => `${r.priority === Number.MAX_SAFE_INTEGER ? 'default' : `rule ${r.priority}`}: ${r.action.Type}${r.functionId ? ` -> ${fn(r.functionId)}` : ''}`);
    }
    return door.routes.map(r => `${r.routeKey} -> ${fn(r.functionId)}${r.auth.type !== 'NONE' ? ` [${r.auth.type}${r.auth.type === 'CUSTOM' ? ' authorizer runs' : ': not enforced'}]` : ''}`);
  }

  /** Answers one request through `door`, as AWS would; a streamed response goes to `sink` as it comes, when given. */
  public async handle(door: FrontDoor, req: HttpRequest, sink?: HttpSink): Promise<GatewayResult> {
    try {
      return await this.route(door, req, sink);
    } catch (e) {
      if (e instanceof LocalLambdaError && e.code === 'RequestEntityTooLarge') return { ...gatewayAnswer(413, { message: 'Request Entity Too Large' }), logs: [] };
      return { ...integrationFailure(door), logs: [`local front door: ${(e as Error).message}`] };
    }
  }

  private async route(door: FrontDoor, req: HttpRequest, sink?: HttpSink): Promise<GatewayResult> {
    if (door.kind === 'alb') {
      const rule = matchAlbRule(door.albRules, req);
      if (rule.action.Type === 'fixed-response') {
        const c = rule.action.FixedResponseConfig ?? {};
        return { statusCode: Number(c.StatusCode ?? 200), headers: [['content-type', c.ContentType ?? 'text/plain']], body: Buffer.from(c.MessageBody ?? ''), logs: [] };
      }
      if (rule.action.Type === 'redirect') return { ...redirect(rule.action.RedirectConfig ?? {}, req), logs: [] };
      if (!rule.functionId) return { ...integrationFailure(door), logs: [] };
      return this.invoke(door, rule.functionId, albPayload(door, rule, req), o => toHttpResult(door, 'alb', o, rule.multiValueHeaders));
    }
    let path = req.path;
    if (door.kind !== 'function-url' && door.stage && door.stage !== '$default') {
      if (path !== `/${door.stage}` && !path.startsWith(`/${door.stage}/`)) return { ...notFound(door), logs: [] };
      path = path.slice(door.stage.length + 1) || '/';
    }
    const match = matchRoute(door.routes, req.method, path);
    if (!match) return { ...notFound(door), logs: [] };
    const { route } = match;
    if (!route.functionId) return { ...integrationFailure(door), logs: [] };
    const build = (authorizer?: Record<string, unknown>): Record<string, unknown> => (route.payloadFormat === '1.0'
      ? payloadV1(door, match, req, path, authorizer)
      : payloadV2(door, match, req, path, authorizer));
    const logs: string[] = [];
    let authorizer: Record<string, unknown> | undefined;
    if (runsAuthorizer(match)) {
      const arn = methodArn(door, localId(door), req, path);
      const requestEvent = route.auth.payloadFormat === '2.0' ? payloadV2(door, match, req, path) : payloadV1(door, match, req, path);
      const event = authorizerEvent(route, req, arn, requestEvent);
      if (!event) return { ...unauthorized().answer, logs };
      const outcome = await this.emulator(door, route.auth.functionId!).invoke({ payload: JSON.stringify(event) }, false);
      logs.push(...outcome.logs);
      const decision = authorizerDecision(door, route, outcome, arn);
      if (!decision.allowed) return { ...decision.answer, logs };
      authorizer = decision.context;
    }
    const result = route.streaming
      ? await this.invokeStreaming(door, route.functionId, build(authorizer), route.payloadFormat, sink)
      : await this.invoke(door, route.functionId, build(authorizer), o => toHttpResult(door, route.payloadFormat, o));
    return { ...result, logs: [...logs, ...result.logs] };
  }

  private emulator(door: FrontDoor, functionId: string): Emulator {
    const key = `${door.stack.name}/${functionId}`;
    const e = this.emulators.get(key);
    if (!e) throw new Error(this.failures.get(key) ?? `${functionId} was not opened`);
    return e;
  }

  private async invoke(door: FrontDoor, functionId: string, event: object, map: (o: InvokeOutcome) => HttpResult): Promise<GatewayResult> {
    const e = this.emulator(door, functionId);
    const outcome = await e.invoke({ payload: JSON.stringify(event) }, false);
    return { ...map(outcome), functionPath: e.spec.path, logs: outcome.logs };
  }

  /**
   * A streamed response: bytes reach `sink` as the function writes them. A function error before the first
   * byte is the front door's error answer; after it, the connection is cut. A handler that does not stream
   * answers as a buffered one.
   */
  private async invokeStreaming(door: FrontDoor, functionId: string, event: object, payloadFormat: string, sink?: HttpSink): Promise<GatewayResult> {
    const e = this.emulator(door, functionId);
    const streamed = new StreamedHttpResponse(sink);
    const outcome = await e.invoke({ payload: JSON.stringify(event), sink: streamed }, false);
    const base = { functionPath: e.spec.path, logs: outcome.logs };
    // No stream was opened: a buffered handler behind a streaming front door (or an error before any byte).
    if (!streamed.opened) return { ...toHttpResult(door, payloadFormat, outcome), ...base };
    if (streamed.malformed || (outcome.errorType && !streamed.started)) return { ...integrationFailure(door), ...base };
    if (outcome.errorType) sink?.abort();
    streamed.finish();
    return { statusCode: streamed.statusCode, headers: streamed.headers, body: streamed.body, streamed: sink !== undefined, ...base };
  }

  /** Ends every function's environments. */
  public dispose(): void {
    for (const e of this.emulators.values()) e.dispose();
    this.emulators.clear();
  }
}

function notFound(door: FrontDoor): HttpResult {
  if (door.kind === 'rest-api') return gatewayAnswer(403, { message: 'Missing Authentication Token' }, [['x-amzn-ErrorType', 'MissingAuthenticationTokenException']]);
  return gatewayAnswer(404, { message: 'Not Found' });
}

/** An ALB redirect action (`#{host}`, `#{path}`, `#{port}`, `#{query}`, `#{protocol}` kept from the request). */
function redirect(c: Record<string, any>, req: HttpRequest): HttpResult {
  const hostHeader = req.headers.find(([k]) => k.toLowerCase() === 'host')?.[1] ?? 'localhost';
  const [host, port] = hostHeader.split(':');
  const fill = (v: string | undefined, dflt: string): string => (v ?? dflt)
    .replace(/#\{host\}/g, host).replace(/#\{port\}/g, port ?? '80').replace(/#\{path\}/g, req.path.replace(/^\//, '')).replace(/#\{query\}/g, req.query).replace(/#\{protocol\}/g, 'http');
  const protocol = fill(c.Protocol, '#{protocol}').toLowerCase();
  const query = fill(c.Query, '#{query}');
  const location = `${protocol}://${fill(c.Host, '#{host}')}:${fill(c.Port, '#{port}')}/${fill(c.Path, '/#{path}').replace(/^\//, '')}${query ? `?${query}` : ''}`;
  return { statusCode: c.StatusCode === 'HTTP_301' ? 301 : 302, headers: [['location', location]], body: Buffer.alloc(0) };
}
