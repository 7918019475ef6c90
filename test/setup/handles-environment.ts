/**
 * jest's test environment (node), plus a check when a test file ends: after its own hooks, nothing it
 * started may keep the worker process alive (a server, a connection, a child process, a timer). jest gives
 * a worker 500 ms to exit when the run ends and then kills it with "A worker process has failed to exit
 * gracefully", naming nothing; here such a handle gets 3 s to close, then fails the file with its name.
 */
import { TestEnvironment } from 'jest-environment-node';

const GRACE_MS = 3000;

/** A handle that keeps the process alive (stdio and unref'd handles do not). */
function keepsAlive(h: any): boolean {
  if (typeof h?.hasRef === 'function' && !h.hasRef()) return false;
  if (h?._handle && typeof h._handle.hasRef === 'function' && !h._handle.hasRef()) return false;
  const fd = h?._handle?.fd ?? h?.fd;
  return !(typeof fd === 'number' && fd >= 0 && fd <= 2);
}

export function describeHandle(h: any): string {
  const name = h?.constructor?.name ?? typeof h;
  if (name === 'ChildProcess') return `child process ${h.pid} (${(h.spawnargs ?? []).join(' ').slice(0, 160)})`;
  if (name === 'Server') return `server ${JSON.stringify(h.address?.())}`;
  if (name === 'Socket') return `socket ${h.remoteAddress ?? ''}:${h.remotePort ?? ''} (local port ${h.localPort ?? '-'}, ${h._handle?.constructor?.name ?? 'closed'})`;
  return name;
}

/** What keeps the process alive now: its handles, and how many ref'd timers (Node lists no timer objects). */
export interface AliveSnapshot {
  readonly handles: Set<unknown>;
  readonly timers: number;
}

export function snapshot(): AliveSnapshot {
  return { handles: new Set((process as any)._getActiveHandles()), timers: process.getActiveResourcesInfo().filter(r => r === 'Timeout').length };
}

/** What keeps the process alive beside what `before` had, named. */
export function leftBehind(before: AliveSnapshot): string[] {
  const handles = (process as any)._getActiveHandles().filter((h: unknown) => !before.handles.has(h) && keepsAlive(h)).map(describeHandle);
  const timers = process.getActiveResourcesInfo().filter(r => r === 'Timeout').length - before.timers;
  return timers > 0 ? [...handles, `${timers} timer(s) not cleared or unref'd`] : handles;
}

export default class HandlesEnvironment extends TestEnvironment {
  private before: AliveSnapshot = { handles: new Set(), timers: 0 };

  public async setup(): Promise<void> {
    this.before = snapshot();
    await super.setup();
  }

  public async teardown(): Promise<void> {
    const deadline = Date.now() + GRACE_MS;
    let left = leftBehind(this.before);
    while (left.length > 0 && Date.now() < deadline) {
      await new Promise(r => setTimeout(r, 50).unref());
      left = leftBehind(this.before);
    }
    await super.teardown();
    if (left.length > 0) throw new Error(`the test file left what keeps the worker alive after ${GRACE_MS / 1000} s: ${left.join('; ')}`);
  }
}
