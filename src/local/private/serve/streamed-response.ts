import { RUNTIME_API_FACTS } from '../../../limits';
import { ResponseSink } from '../types';

/** Where a streamed HTTP response goes as it comes: the client's connection. */
export interface HttpSink {
  head(statusCode: number, headers: Array<[string, string]>): void;
  write(chunk: Buffer): void;
  /** The function failed after the response started: the connection is cut, as AWS does. */
  abort(): void;
}

const DELIMITER = Buffer.alloc(8);

/**
 * A function's streamed response turned into an HTTP response, as a Function URL in `RESPONSE_STREAM` mode
 * (or a REST API integration in `STREAM` transfer mode) does: with the HTTP integration content type, a
 * JSON prelude (statusCode, headers, cookies) ends at 8 NUL bytes and the rest is the body; any other
 * content type is the body of a 200 of that type. Bytes go to `out` as they come, or are kept for `body`.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/config-rs-write-functions.html
 */
export class StreamedHttpResponse implements ResponseSink {
  public statusCode = 200;
  public headers: Array<[string, string]> = [];
  /** The runtime opened a stream (its content type came). */
  public opened = false;
  /** The HTTP head is known (and sent to `out`). */
  public started = false;
  /** The prelude did not parse: the front door answers as for a function error. */
  public malformed = false;
  private readonly kept: Buffer[] = [];
  private pending?: Buffer;
  private plainType = 'application/octet-stream';

  constructor(private readonly out?: HttpSink) {}

  public start(contentType: string): void {
    this.opened = true;
    if (contentType === RUNTIME_API_FACTS.httpStreamContentType) this.pending = Buffer.alloc(0);
    else this.plainType = contentType;
  }

  public write(chunk: Buffer): void {
    if (this.malformed) return;
    if (this.pending === undefined) {
      // A plain stream: a 200 of its content type, sent with the first byte.
      if (!this.started) this.head(200, [['content-type', this.plainType]]);
      return this.emit(chunk);
    }
    this.pending = Buffer.concat([this.pending, chunk]);
    const end = this.pending.indexOf(DELIMITER);
    if (end < 0) return;
    let prelude: any;
    try {
      prelude = JSON.parse(this.pending.subarray(0, end).toString('utf-8') || '{}');
    } catch {
      this.malformed = true;
      return;
    }
    const rest = this.pending.subarray(end + DELIMITER.length);
    this.pending = undefined;
    const headers: Array<[string, string]> = Object.entries(prelude?.headers ?? {}).map(([k, v]) => [k, String(v)]);
    for (const c of prelude?.cookies ?? []) headers.push(['set-cookie', String(c)]);
    if (!headers.some(([k]) => k.toLowerCase() === 'content-type')) headers.push(['content-type', 'application/octet-stream']);
    this.head(Number(prelude?.statusCode ?? 200), headers);
    if (rest.length) this.emit(rest);
  }

  /** The body kept (when there is no `out`). */
  public get body(): Buffer {
    return Buffer.concat(this.kept);
  }

  /** Ends a response that never started (the function wrote nothing): an empty 200. */
  public finish(): void {
    if (!this.started && !this.malformed) this.head(200, [['content-type', this.plainType]]);
  }

  private head(statusCode: number, headers: Array<[string, string]>): void {
    this.statusCode = statusCode;
    this.headers = headers;
    this.started = true;
    this.out?.head(statusCode, headers);
  }

  private emit(chunk: Buffer): void {
    if (this.out) this.out.write(chunk);
    else this.kept.push(chunk);
  }
}
