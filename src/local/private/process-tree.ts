import { ChildProcess } from 'child_process';
import * as fs from 'fs';

/** The processes of an execution environment, as Linux /proc shows them (nothing elsewhere). */

/** The largest resident set the process has had, in MB (Linux /proc; 0 elsewhere). */
export function maxMemoryUsedMb(pid: number | undefined): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf-8'));
    return m ? Math.ceil(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/** The processes `pid` started, and theirs, from Linux /proc (none elsewhere). */
export function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      children = children.concat(fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf-8').split(' ').filter(Boolean).map(Number));
    }
  } catch {
    return [];
  }
  return children.flatMap(c => [c, ...descendants(c)]);
}

/**
 * Kills a runtime process and every process below it, as Lambda freezes the whole environment. A child
 * left running (a shell bootstrap's `curl` polling the Runtime API) would keep writing into the
 * environment's TMPDIR and hold the runtime's output pipes open after the environment ended. The tree is
 * read before anything is killed (a killed parent's children are no longer listed under it).
 */
export function killTree(child: ChildProcess): void {
  const below = child.pid === undefined ? [] : descendants(child.pid);
  child.kill('SIGKILL');
  for (const pid of below) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
