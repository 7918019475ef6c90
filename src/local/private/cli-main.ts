import * as fs from 'fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { listFunctions, readAssembly } from './assembly';
import { Emulator } from './emulator';
import { EVENT_KINDS } from './events';
import { describeDoor, Gateway } from './serve/gateway';
import { closeDoors, serveDoor, ServedDoor } from './serve/http-server';
import { InvokeOutcome, LocalLambdaError } from './types';

/** Where the CLI writes: results to `out`, logs and messages to `err`. */
export interface CliIo {
  /**
   * Aborted when the CLI must stop early (stdout closed by `| head`, Ctrl-C): no further invocation starts,
   * the running ones end with their environments, and the temporary folders are removed.
   */
  readonly signal?: AbortSignal;
  out(text: string): void;
  err(text: string): void;
}

/** The CLI's exit codes (documented in `--help` and the README). */
export const EXIT = { ok: 0, functionError: 1, usage: 2 } as const;

const KINDS = Object.keys(EVENT_KINDS);

const EPILOG = `
<function> is a construct path (Stack/Construct, the stack may be left out) or a logical id.
Exit codes: 0 ok, 1 the function returned an error, 2 bad usage or input (a message on stderr).`;

/** A whole number ≥ 1 (`--repeat`, `--concurrency`, `--count`). */
function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(`${JSON.stringify(value)} is not a whole number ≥ 1.`);
  return n;
}

/** A JSON object (`--client-context`, `--identity`), checked here and passed on as its text. */
function jsonObject(value: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (e) {
    throw new InvalidArgumentError(`not JSON (${(e as Error).message}).`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new InvalidArgumentError('not a JSON object.');
  return value;
}

/** NAME=VALUE pairs, collected from every `--env`. */
function envPair(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const [k, v] = value.split(/=(.*)/s, 2);
  if (!k || v === undefined) throw new InvalidArgumentError(`takes NAME=VALUE, got ${JSON.stringify(value)}.`);
  return { ...previous, [k]: v };
}

/** The options every command that opens a function takes. */
function functionOptions(cmd: Command): Command {
  return cmd
    .option('--assembly <dir>', 'the cloud assembly', 'cdk.out')
    .option('--overrides <file>', 'values for environment variables holding tokens: {"Parameters": {...}, "<logical id>": {...}}')
    .option('--env <NAME=VALUE>', 'a value for one environment variable (repeatable)', envPair)
    .option('--strict-env', 'fail on environment variables holding tokens without a value (default: placeholder + warning)')
    .option('-q, --quiet', 'print neither the function\'s logs nor the per-invocation summaries');
}

interface FunctionFlags {
  readonly assembly: string;
  readonly overrides?: string;
  readonly env?: Record<string, string>;
  readonly strictEnv?: boolean;
  readonly quiet?: boolean;
}

interface InvokeFlags extends FunctionFlags {
  readonly event?: string;
  readonly repeat: number;
  readonly concurrency: number;
  readonly async?: boolean;
  readonly shapeCheck: boolean;
  readonly clientContext?: string;
  readonly identity?: string;
  readonly tenantId?: string;
}

/** The event of `--event`: a sample kind, `-` (stdin) or a JSON file; a name that is neither is refused. */
function eventPayload(emulator: Emulator, event: string | undefined): string {
  if (event === undefined) return '{}';
  if (EVENT_KINDS[event]) return emulator.sampleEvent(event);
  if (event !== '-' && !fs.existsSync(event)) {
    throw new LocalLambdaError('BadInput', `--event ${event}: no such file, and not an event kind (${KINDS.join(', ')}); give a JSON file, - for stdin, or a kind`);
  }
  return fs.readFileSync(event === '-' ? 0 : event, 'utf-8');
}

function readRecords(file: string): string[] {
  if (file !== '-' && !fs.existsSync(file)) throw new LocalLambdaError('BadInput', `--records ${file}: no such file; give a JSON array or one record per line (- for stdin)`);
  const text = fs.readFileSync(file === '-' ? 0 : file, 'utf-8');
  if (text.trimStart().startsWith('[')) return (JSON.parse(text) as unknown[]).map(r => (typeof r === 'string' ? r : JSON.stringify(r)));
  return text.split('\n').filter(l => l.trim() !== '');
}

function summary(o: InvokeOutcome): string {
  return `${o.coldStart ? 'cold' : 'warm'} start, ${o.durationMs.toFixed(2)} ms${o.errorType ? `, ${o.errorType}` : ''}`;
}

interface ServeFlags extends FunctionFlags {
  readonly port: number;
  readonly host: string;
  readonly frontDoor?: string;
}

/** A TCP port (0 takes any free one). */
function port(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n > 65535) throw new InvalidArgumentError(`${JSON.stringify(value)} is not a port (0–65535).`);
  return n;
}

/** Opens functions and front doors for the commands, and ends them when the CLI ends. */
interface Opener {
  function(flags: FunctionFlags, target: string): Emulator;
  gateway(flags: ServeFlags): Gateway;
}

/** `serve`: every front door on its own port (from --port up), until the CLI is stopped (Ctrl-C). */
async function serve(io: CliIo, opener: Opener, flags: ServeFlags): Promise<void> {
  const gateway = opener.gateway(flags);
  for (const w of gateway.warnings) io.err(`warning: ${w}`);
  const served: ServedDoor[] = [];
  try {
    for (const [i, door] of gateway.doors.entries()) {
      served.push(await serveDoor(gateway, door, flags.host, flags.port === 0 ? 0 : flags.port + i, (line, logs) => {
        if (flags.quiet) return;
        for (const l of logs) io.err(l);
        io.err(`# ${line}`);
      }));
    }
    for (const d of served) {
      io.out(`${describeDoor(d.door)}: ${d.url}`);
      for (const line of gateway.routeTable(d.door)) io.out(`  ${line}`);
    }
    io.err('# serving; Ctrl-C to stop');
    await new Promise<void>(resolve => {
      if (io.signal?.aborted) resolve();
      io.signal?.addEventListener('abort', () => resolve());
    });
  } finally {
    await closeDoors(served);
  }
}

/** The command tree; each action resolves to an exit code through `done`. */
function program(io: CliIo, done: (code: number) => void, opener: Opener): Command {
  const open = (flags: FunctionFlags, target: string): Emulator => opener.function(flags, target);
  const aborted = () => io.signal?.aborted === true;
  const root = new Command('cdk-lambda-blueprints')
    .description('Runs the Lambda functions of a synthesized CDK app locally (no Docker, no AWS account).')
    .addHelpText('after', EPILOG)
    .exitOverride()
    .showSuggestionAfterError(true)
    .showHelpAfterError('(cdk-lambda-blueprints --help for usage)')
    .configureOutput({
      writeOut: t => io.out(t.replace(/\n$/, '')),
      writeErr: t => io.err(t.replace(/\n$/, '')),
    });
  root.command('list').description('list the functions of the cloud assembly')
    .option('--assembly <dir>', 'the cloud assembly', 'cdk.out')
    .action((flags: { assembly: string }) => {
      for (const f of listFunctions(readAssembly(flags.assembly))) {
        if (aborted()) break;
        io.out(`${f.path.replace(/^\//, '').replace(/\/Resource$/, '')}\t${f.logicalId}\t${f.stack.resources[f.logicalId].Properties?.Runtime ?? 'image'}`);
      }
      done(EXIT.ok);
    });
  root.command('events').description('print a sample event')
    .addArgument(new Command().createArgument('<kind>', 'the trigger kind').choices(KINDS))
    .action((kind: string) => { io.out(JSON.stringify(EVENT_KINDS[kind](), null, 2)); done(EXIT.ok); });
  functionOptions(root.command('invoke').description('invoke a function (once, or --repeat / --concurrency times)')
    .argument('<function>', 'construct path or logical id'))
    .option('--event <event>', `a JSON file, - (stdin), or a sample kind: ${KINDS.join(', ')}`)
    .option('--repeat <n>', 'invoke n times in a row', positiveInteger, 1)
    .option('--concurrency <n>', 'n invocations at once, each on its own environment', positiveInteger, 1)
    .option('--async', 'an asynchronous (Event) invocation: 1 MB events, accepted (202, exit 0), retried per the invoke config, then destinations; prints where the event ended')
    .option('--no-shape-check', 'do not compare the event\'s shape with the function\'s triggers')
    .option('--client-context <json>', 'the client context (a JSON object) the handler sees in context.clientContext', jsonObject)
    .option('--identity <json>', 'the Cognito identity (a JSON object) the handler sees in context.identity', jsonObject)
    .option('--tenant-id <id>', 'the tenant (required for a function in tenant isolation mode; each tenant gets its own environments)')
    .action(async (target: string, flags: InvokeFlags) => {
      const emulator = open(flags, target);
      const { clientContext, identity: cognitoIdentity, tenantId } = flags;
      const request = { payload: eventPayload(emulator, flags.event), clientContext, cognitoIdentity, tenantId };
      const many = flags.repeat * flags.concurrency > 1;
      let failed = false;
      for (let i = 0; i < flags.repeat && !aborted(); i++) {
        if (flags.async) {
          // Lambda accepts an Event invocation (202) whatever the function does: the outbox says where it ended.
          const runs = await Promise.all(Array.from({ length: flags.concurrency }, () => emulator.invokeAsync(request, flags.shapeCheck)));
          for (const { attempts, outbox } of runs) {
            if (aborted()) break;
            io.out(JSON.stringify({ StatusCode: 202, ...outbox.toJSON() }, null, 2));
            if (!flags.quiet) io.err(`# 202 accepted: ${attempts.length} attempt(s); ${attempts.map(summary).join('; ')}`);
          }
          continue;
        }
        const outcomes = await Promise.all(Array.from({ length: flags.concurrency }, () => emulator.invoke(request, flags.shapeCheck)));
        for (const o of outcomes) {
          if (aborted()) break;
          io.out(o.payload);
          if (many && !flags.quiet) io.err(`# ${summary(o)}`);
          failed ||= o.errorType !== undefined;
        }
      }
      done(failed ? EXIT.functionError : EXIT.ok);
    });
  functionOptions(root.command('deliver').description('deliver records through the function\'s trigger (SQS batches and redrive, stream retries and bisection, async retries and destinations); prints the outbox')
    .argument('<function>', 'construct path or logical id'))
    .addOption(new Option('--records <file>', 'a JSON array or one record per line (- for stdin)').conflicts(['count', 'data']))
    .option('--count <n>', 'generate n records', positiveInteger, 1)
    .option('--data <text>', 'the generated records\' text (<text>-0, <text>-1, …)', 'record')
    .option('--source <id>', 'the trigger to deliver through, when the function has several')
    .option('--outbox <file>', 'also write the outbox (where every event ended up) to a file')
    .action(async (target: string, flags: FunctionFlags & { records?: string; count: number; data: string; source?: string; outbox?: string }) => {
      const emulator = open(flags, target);
      const records = flags.records ? readRecords(flags.records) : Array.from({ length: flags.count }, (_, i) => `${flags.data}-${i}`);
      const outbox = await emulator.deliver(records, flags.source);
      if (flags.outbox) outbox.write(flags.outbox);
      io.out(JSON.stringify(outbox, null, 2));
      done(EXIT.ok);
    });
  functionOptions(root.command('serve').description('serve the app\'s front doors over HTTP (REST API stages, HTTP APIs, Function URLs, ALB listeners), each on its own port, until Ctrl-C'))
    .option('--port <n>', 'the first front door\'s port; the next ones take the following ports (0: any free port)', port, 3000)
    .option('--host <address>', 'the address to listen on', '127.0.0.1')
    .option('--front-door <id>', 'serve only this front door (construct path, logical id or kind: rest-api, http-api, function-url, alb)')
    .action(async (flags: ServeFlags) => {
      await serve(io, opener, flags);
      done(EXIT.ok);
    });
  return root;
}

/** Runs the CLI; resolves to the exit code (0 ok, 1 function error, 2 bad usage or input). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const opened: Array<{ dispose(): void }> = [];
  let code: number = EXIT.ok;
  const stop = () => { for (const o of opened.splice(0)) o.dispose(); };
  io.signal?.addEventListener('abort', stop);
  const emulatorOptions = (flags: FunctionFlags) => ({
    overridesFile: flags.overrides,
    environment: flags.env ?? {},
    strictEnvironment: flags.strictEnv === true,
    onLog: flags.quiet ? undefined : (line: string) => io.err(line),
    surface: 'cli' as const,
  });
  const opener: Opener = {
    function: (flags, target) => {
      const emulator = Emulator.open(flags.assembly, target, emulatorOptions(flags));
      opened.push(emulator);
      for (const w of emulator.spec.warnings) io.err(`warning: ${w}`);
      return emulator;
    },
    gateway: flags => {
      // The server prints each request's logs itself, after its summary line.
      const gateway = Gateway.open(flags.assembly, { ...emulatorOptions(flags), onLog: undefined, frontDoor: flags.frontDoor });
      opened.push(gateway);
      return gateway;
    },
  };
  try {
    if (argv.length === 0) {
      io.err(program(io, () => undefined, opener).helpInformation().replace(/\n$/, ''));
      return EXIT.usage;
    }
    await program(io, c => { code = c; }, opener).parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (io.signal?.aborted) return code; // stopped from outside (| head, Ctrl-C): what ended with it is no error
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (!(e instanceof LocalLambdaError) && !(e as NodeJS.ErrnoException).code) throw e;
    io.err(`error: ${(e as Error).message}`);
    return EXIT.usage;
  } finally {
    io.signal?.removeEventListener('abort', stop);
    stop();
  }
}
