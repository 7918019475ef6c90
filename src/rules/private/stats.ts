/**
 * What the rule engine did in this process, for the benchmark (`npx projen bench` prints it): how many
 * runs (one per stack and synth), over how many resources, in how many seconds. Kept on
 * `globalThis` under a registered symbol so that a tool reading it needs no import of the library.
 */
export interface EngineStats {
  runs: number;
  resources: number;
  seconds: number;
}

const KEY = Symbol.for('cdk-lambda-blueprints.engine-stats');

/** This process's engine figures (created on first use). */
export function engineStats(): EngineStats {
  const g = globalThis as unknown as Record<symbol, EngineStats | undefined>;
  return (g[KEY] ??= { runs: 0, resources: 0, seconds: 0 });
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
