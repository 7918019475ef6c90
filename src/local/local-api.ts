import { isUtf8 } from 'buffer';
import * as path from 'path';
import { Stage } from 'aws-cdk-lib';
import { LocalLambdaOptions } from './local-lambda';
import { isTextual } from './private/serve/integration-events';
import { SyncClient } from './private/sync-client';

/**
 * How to open the front doors of a cloud assembly locally.
 *
 * @experimental
 */
export interface LocalApiOptions extends LocalLambdaOptions {
  /**
   * Open only this front door: its construct path (e.g. `Stack/Api/Api`), logical id, or kind
   * (`rest-api`, `http-api`, `function-url`, `alb`).
   *
   * @default - every front door of the assembly
   */
  readonly frontDoor?: string;
}

/**
 * One request to a local front door.
 *
 * @experimental
 */
export interface LocalRequestOptions {
  /**
   * Request headers (name to value).
   *
   * @default - `host` and `user-agent` only
   */
  readonly headers?: { [name: string]: string };
  /**
   * The request body: text, or base64 when `bodyBase64` is true.
   *
   * @default - no body
   */
  readonly body?: string;
  /**
   * Whether `body` is base64 (binary content).
   *
   * @default false
   */
  readonly bodyBase64?: boolean;
  /**
   * The front door to send it to, when the assembly has several: its construct path, logical id or kind.
   *
   * @default - the only front door
   */
  readonly frontDoor?: string;
  /**
   * The client's IP address (ALB `source-ip` conditions, `requestContext.identity.sourceIp`).
   *
   * @default '127.0.0.1'
   */
  readonly sourceIp?: string;
}

/**
 * What the front door answered.
 *
 * @experimental
 */
export interface LocalHttpResponse {
  /** The HTTP status code. */
  readonly statusCode: number;
  /** The response headers, names in lower case (repeated headers joined with `, `; cookies are in `cookies`). */
  readonly headers: { [name: string]: string };
  /** The `set-cookie` values. */
  readonly cookies: string[];
  /** The body: text, or base64 when `isBase64Encoded`. */
  readonly body: string;
  /** Whether `body` is base64 (the content type is not text). */
  readonly isBase64Encoded: boolean;
  /**
   * The construct path of the function that answered.
   *
   * @default - the front door answered alone (no route, authorizer refusal, fixed response)
   */
  readonly functionPath?: string;
  /** The log lines of the invocations behind the answer (a Lambda authorizer's first). */
  readonly logs: string[];
}

/**
 * The HTTP front doors of a cloud assembly, run locally: REST API stages, HTTP APIs, Function URLs and ALB
 * listeners route each request the way the template configures them (resources, methods, `{proxy+}`,
 * stages, listener rules), build the event the integration sends (payload formats 1.0 and 2.0, ALB
 * single- or multi-value headers), invoke the function through the local emulator (warm environments
 * reused) and map its answer back (status, headers, cookies, base64 bodies). Lambda authorizers run; IAM,
 * Cognito and JWT authorization are not enforced (see `warnings`). `npx cdk-lambda-blueprints serve` serves
 * the same over HTTP. Call `dispose()` when done.
 *
 * @example
 * const api = LocalApi.fromAssembly('cdk.out');
 * const response = api.request('GET', '/prod/items?limit=1');
 * api.dispose();
 *
 * @experimental
 */
export class LocalApi {
  /** Opens the front doors of the cloud assembly in `assemblyDir`. */
  public static fromAssembly(assemblyDir: string, options: LocalApiOptions = {}): LocalApi {
    return new LocalApi(path.resolve(assemblyDir), options);
  }

  /** Synthesizes `stage` (an App or Stage) and opens the front doors of its cloud assembly. */
  public static fromStage(stage: Stage, options: LocalApiOptions = {}): LocalApi {
    return new LocalApi(stage.synth().directory, options);
  }

  /** The front doors, e.g. `rest-api Stack/Api/Api (stage prod)`. */
  public readonly frontDoors: string[];
  /** Every route, e.g. `rest-api Stack/Api/Api (stage prod): GET /items/{id} -> Stack/Handler/Function`. */
  public readonly routes: string[];
  /** What is not done locally as AWS would (authorization not enforced, integrations not emulated, host runtime versions). */
  public readonly warnings: string[];

  private readonly client: SyncClient;

  private constructor(assemblyDir: string, options: LocalApiOptions) {
    const { strictEnvironment, overridesFile, environment, frontDoor } = options;
    const workerOptions = { strictEnvironment, overridesFile, environment, frontDoor };
    this.client = new SyncClient({ kind: 'api', assemblyDir, options: workerOptions }, 'LocalApi');
    const opened = this.client.opened() as { doors: string[]; routes: string[]; warnings: string[] };
    this.frontDoors = opened.doors;
    this.routes = opened.routes;
    this.warnings = opened.warnings;
  }

  /** Sends one request (`path` with its query string, e.g. `/prod/items?limit=1`) and waits for the answer. */
  public request(method: string, requestPath: string, options: LocalRequestOptions = {}): LocalHttpResponse {
    const q = requestPath.indexOf('?');
    const headers: Array<[string, string]> = Object.entries({ 'host': 'localhost', 'user-agent': 'LocalApi', ...options.headers });
    const body = options.body === undefined ? '' : Buffer.from(options.body, options.bodyBase64 ? 'base64' : 'utf-8').toString('base64');
    const request = {
      method: method.toUpperCase(),
      path: q < 0 ? requestPath : requestPath.slice(0, q),
      query: q < 0 ? '' : requestPath.slice(q + 1),
      headers,
      body,
      sourceIp: options.sourceIp ?? '127.0.0.1',
    };
    const r = this.client.call('request', [options.frontDoor, request]) as { statusCode: number; headers: Array<[string, string]>; body: string; functionPath?: string; logs: string[] };
    const out: Record<string, string> = {};
    const cookies: string[] = [];
    for (const [k, v] of r.headers) {
      const name = k.toLowerCase();
      if (name === 'set-cookie') cookies.push(v);
      else out[name] = out[name] === undefined ? v : `${out[name]}, ${v}`;
    }
    const raw = Buffer.from(r.body, 'base64');
    const text = isTextual(out['content-type']) || (out['content-type'] === undefined && isUtf8(raw));
    return {
      statusCode: r.statusCode,
      headers: out,
      cookies,
      body: text ? raw.toString('utf-8') : r.body,
      isBase64Encoded: !text,
      functionPath: r.functionPath,
      logs: r.logs,
    };
  }

  /** Ends every function's execution environments and the worker. Safe to call twice. */
  public dispose(): void {
    this.client.close();
  }
}
