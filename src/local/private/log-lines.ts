/** Lambda's platform log lines (START / END / REPORT / INIT_START / timeouts), as text or JSON. */

export interface ReportFigures {
  readonly requestId: string;
  readonly durationMs: number;
  readonly billedDurationMs: number;
  readonly memorySizeMb: number;
  readonly maxMemoryUsedMb: number;
  readonly initDurationMs?: number;
  readonly status: 'success' | 'error' | 'timeout';
}

/** Formats platform lines for one function's log format. */
export class PlatformLog {
  constructor(private readonly json: boolean, private readonly runtime: string) {}

  public initStart(): string {
    return this.json
      ? this.record('platform.initStart', { initializationType: 'on-demand', phase: 'init', runtimeVersion: this.runtime })
      : `INIT_START Runtime Version: ${this.runtime} (local emulator)`;
  }

  public start(requestId: string): string {
    return this.json ? this.record('platform.start', { requestId, version: '$LATEST' }) : `START RequestId: ${requestId} Version: $LATEST`;
  }

  /** END, or in JSON `platform.runtimeDone` with the invocation's status (the same as its report's). */
  public end(requestId: string, status: ReportFigures['status']): string {
    return this.json ? this.record('platform.runtimeDone', { requestId, status }) : `END RequestId: ${requestId}`;
  }

  public timedOut(requestId: string, timeoutSeconds: number): string {
    const message = `Task timed out after ${timeoutSeconds.toFixed(2)} seconds`;
    return this.json
      ? JSON.stringify({ timestamp: new Date().toISOString(), level: 'ERROR', requestId, message })
      : `${new Date().toISOString()} ${requestId} ${message}`;
  }

  public report(f: ReportFigures): string {
    if (this.json) {
      const metrics: Record<string, number> = {
        durationMs: round2(f.durationMs), billedDurationMs: f.billedDurationMs, memorySizeMB: f.memorySizeMb, maxMemoryUsedMB: f.maxMemoryUsedMb,
      };
      if (f.initDurationMs !== undefined) metrics.initDurationMs = round2(f.initDurationMs);
      return this.record('platform.report', { requestId: f.requestId, metrics, status: f.status });
    }
    const parts = [
      `REPORT RequestId: ${f.requestId}`,
      `Duration: ${f.durationMs.toFixed(2)} ms`,
      `Billed Duration: ${f.billedDurationMs} ms`,
      `Memory Size: ${f.memorySizeMb} MB`,
      `Max Memory Used: ${f.maxMemoryUsedMb} MB`,
    ];
    if (f.initDurationMs !== undefined) parts.push(`Init Duration: ${f.initDurationMs.toFixed(2)} ms`);
    if (f.status !== 'success') parts.push(`Status: ${f.status}`);
    return parts.join('\t');
  }

  private record(type: string, record: object): string {
    return JSON.stringify({ time: new Date().toISOString(), type, record });
  }
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
