/**
 * jest's test environment (node), plus a check when a test file ends: after its own hooks, nothing it
 * started may keep the worker process alive (a server, a connection, a child process, a timer). jest gives
 * a worker 500 ms to exit when the run ends and then kills it with "A worker process has failed to exit
 * gracefully", naming nothing; here such a handle gets 3 s to close, then fails the file with its name.
 */
import * as v8 from 'v8';
import * as vm from 'vm';
import { TestEnvironment } from 'jest-environment-node';

const GRACE_MS = 3000;

/**
 * The second cause of "failed to exit gracefully" (issue 29) is the worker's size, not a leak: V8 lets a
 * worker's heap grow to 1–3 GB of garbage over 45 test files (live data stays at 150–250 MB), and a process
 * that ends with that much memory takes 130–350 ms to drain its event loop and 150–450 ms more for the
 * system to take the memory back — past jest's 500 ms when the machine is busy (measured with jest-worker
 * instrumented: 643–840 ms under the whole suite). So a test file that leaves the heap above this size ends
 * with a full garbage collection (150–350 ms, about one file in two; V8 then gives most freed pages back), and a
 * worker exits as soon as jest tells it to end: 187–243 ms after jest's end message on 40 files with the
 * machine loaded (263–300 ms with 512 MB here, 643–840 ms before either).
 */
const COLLECT_ABOVE_BYTES = 256 * 1024 * 1024;
/** jest-worker's "end" message (CHILD_MESSAGE_END in jest-worker/build/types.js). */
const JEST_WORKER_END = 2;

/** V8's full garbage collection, exposed once per worker. */
export function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc');
}

/**
 * In a jest worker (a child process with an IPC channel): exit on jest's "end" without draining the loop.
 * Once per process; `worker` and `exit` are parameters for the test.
 */
export function exitOnEnd(worker: NodeJS.EventEmitter & { send?: unknown } = process, exit: () => void = () => process.exit(0)): void {
  const w = worker as { send?: unknown; __blueprintsExitOnEnd?: boolean } & NodeJS.EventEmitter;
  if (!w.send || w.__blueprintsExitOnEnd) return;
  w.__blueprintsExitOnEnd = true;
  w.on('message', (m: unknown) => {
    // After jest-worker's own listener has handled it: results and coverage went out with each file's result.
    if (Array.isArray(m) && m[0] === JEST_WORKER_END) setImmediate(exit);
  });
}

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
  private static gc?: () => void;
  private before: AliveSnapshot = { handles: new Set(), timers: 0 };

  public async setup(): Promise<void> {
    exitOnEnd();
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
    if (process.memoryUsage().heapUsed > COLLECT_ABOVE_BYTES) (HandlesEnvironment.gc ??= collector())();
    if (left.length > 0) throw new Error(`the test file left what keeps the worker alive after ${GRACE_MS / 1000} s: ${left.join('; ')}`);
  }
}
