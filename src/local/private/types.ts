/** Shared shapes of the local emulator (internal). */
import { LocalInvokeResult } from '../invoke-result';

/** One function as the template configures it, resolved to local directories. */
export interface FunctionSpec {
  /** Construct path, e.g. `/Stack/Jobs/Function/Resource`. */
  readonly path: string;
  readonly stackName: string;
  readonly logicalId: string;
  readonly functionName: string;
  readonly arn: string;
  readonly region: string;
  readonly account: string;
  readonly runtime: string;
  readonly handler: string;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  readonly ephemeralStorageMb: number;
  readonly architecture: 'x86_64' | 'arm64';
  /** Environment variables after token replacement. */
  readonly environment: Record<string, string>;
  readonly logFormat: 'Text' | 'JSON';
  readonly applicationLogLevel?: string;
  readonly logGroupName: string;
  /** The task root (Lambda's /var/task). */
  readonly taskRoot: string;
  /** Tenant isolation (`TenancyConfig.TenantIsolationMode: PER_TENANT`): each invocation names a tenant, whose environments are its own. */
  readonly tenantIsolation: boolean;
  /** The layers' merged contents (Lambda's /opt), or undefined without layers. */
  readonly optDir?: string;
  /** What was adjusted to run locally (tokens replaced, host runtime versions). */
  readonly warnings: string[];
}

/** One invocation handed to an execution environment. */
export interface InvokeRequest {
  /** The event, as JSON text. */
  readonly payload: string;
  /** Client context, as JSON text (Lambda-Runtime-Client-Context). */
  readonly clientContext?: string;
  /** Cognito identity, as JSON text (Lambda-Runtime-Cognito-Identity). */
  readonly cognitoIdentity?: string;
  /** X-Ray trace header; one is made up when absent. */
  readonly traceId?: string;
  /** `RequestResponse` (6 MB payloads) or `Event` (1 MB). */
  readonly invocationType?: 'RequestResponse' | 'Event';
  /** The tenant (Lambda-Runtime-Aws-Tenant-Id); required by a function in tenant isolation mode. */
  readonly tenantId?: string;
  /** Receives a streamed response as the runtime writes it (Function URLs in `RESPONSE_STREAM` mode). */
  readonly sink?: ResponseSink;
}

/** Where a streamed response goes as the runtime writes it (its whole text is still the outcome's payload). */
export interface ResponseSink {
  /** The stream's content type, before its first bytes. */
  start(contentType: string): void;
  write(chunk: Buffer): void;
}

/**
 * What the runtime reports for one invocation: a `LocalInvokeResult` before `LocalLambda` adds the Invoke
 * API's status code, the attempts and the outbox (one declaration of the fields).
 */
export type InvokeOutcome = Omit<LocalInvokeResult, 'statusCode' | 'attempts' | 'outbox'>;

/**
 * Why the emulator refused an input: a stable code, which `LocalLambda` puts at the start of its error
 * messages (`[LocalLambda.FunctionNotFound] No function "X" ...`) so that every language can tell them apart.
 */
export type LocalErrorCode =
  | 'NotACloudAssembly' | 'FunctionNotFound' | 'AmbiguousFunction' | 'CodeNotLocal' | 'TokenEnvironment'
  | 'WrongArchitecture' | 'InvalidEntrypoint' | 'UnsupportedRuntime' | 'ContainerImage' | 'BadArchive'
  | 'BadOverrides' | 'UnknownEventKind' | 'NoTrigger' | 'EventShapeMismatch' | 'RequestEntityTooLarge'
  | 'InvalidRequestContent' | 'BadInput' | 'FrontDoorNotFound' | 'PortInUse' | 'TenantIdRequired';

/** Thrown for input the emulator refuses (not a function error), with a stable code. */
export class LocalLambdaError extends Error {
  constructor(public readonly code: LocalErrorCode, message: string) {
    super(message);
    this.name = 'LocalLambdaError';
  }
}
