/**
 * What the rule engine did in this process, for the benchmark (`npx projen bench` prints it): how many
 * runs (one per stack and synth), over how many resources, in how many seconds. The benchmark reads it
 * from the copy of the library it runs (`engineStats()` of its `lib/rules/private/stats`).
 */
export interface EngineStats {
  runs: number;
  resources: number;
  seconds: number;
}

/** This process's engine figures (of this copy of the library). */
const STATS: EngineStats = { runs: 0, resources: 0, seconds: 0 };

/** This process's engine figures. */
export function engineStats(): EngineStats {
  return STATS;
}

/** Runs `f` as one engine run and adds it to the figures; `f` reports how many resources it checked. */
export function timedRun<T>(f: (checked: (resources: number) => void) => T): T {
  const started = process.hrtime.bigint();
  const s = engineStats();
  try {
    return f(resources => { s.resources += resources; });
  } finally {
    s.runs += 1;
    s.seconds += Number(process.hrtime.bigint() - started) / 1e9;
  }
}
