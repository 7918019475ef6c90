#!/usr/bin/env node
/**
 * `npx cdk-lambda-blueprints ...`: runs the functions of a synthesized CDK app locally (see `--help`).
 * Exit codes: 0 ok, 1 the function returned an error, 2 bad usage or input.
 */
import { runCli } from './private/cli-main';

if (require.main === module) {
  // A reader that goes away (`| head -1`) or Ctrl-C stops the run quietly: no invocation starts after it,
  // the environments end and the temporary folders are removed before the process exits.
  const stop = new AbortController();
  let closed = false;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    closed = true;
    stop.abort();
  });
  process.once('SIGINT', () => { stop.abort(); process.exitCode = 130; });
  const write = (stream: NodeJS.WriteStream) => (t: string) => { if (!closed) stream.write(t + '\n'); };
  runCli(process.argv.slice(2), { out: write(process.stdout), err: write(process.stderr), signal: stop.signal })
    .then(code => { process.exitCode ??= code; }, err => { process.stderr.write(`${err.stack ?? err}\n`); process.exitCode = 3; });
}
