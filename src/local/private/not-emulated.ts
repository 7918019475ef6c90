/**
 * The features of a function the emulator does not reproduce, named in its warnings (issue 25): a local run
 * of such a function behaves as a plain function would, and says so instead of passing silently.
 * `props` are the function's template properties.
 */
export function notEmulated(path: string, props: Record<string, any>): string[] {
  const out: string[] = [];
  if (props.SnapStart?.ApplyOn === 'PublishedVersions') {
    out.push(`${path} uses SnapStart: not emulated here — every environment runs its init from the start (no snapshot, no restore), `
      + 'and runtime hooks such as beforeCheckpoint/afterRestore never run');
  }
  if (props.DurableConfig !== undefined) {
    out.push(`${path} is a durable function: not emulated here — each invoke runs the handler once, with no checkpoints, waits or replays `
      + '(the durable execution SDK\'s steps run inline)');
  }
  if (props.CapacityProviderConfig !== undefined) {
    out.push(`${path} runs on Lambda Managed Instances: not emulated here — each environment takes one request at a time (no `
      + 'per-environment concurrency) and runs on this host, not on the capacity provider\'s instances');
  }
  if (props.CodeSigningConfigArn !== undefined) {
    out.push(`${path} has a code signing configuration: not emulated here — the local package runs without its signature being checked `
      + '(Lambda checks it at deployment)');
  }
  if (props.LoggingConfig?.SystemLogLevel === 'WARN') {
    out.push(`${path} has the system log level WARN: not emulated here — the platform's START, END and REPORT records are written `
      + 'locally, which Lambda leaves out at WARN');
  }
  return out;
}
