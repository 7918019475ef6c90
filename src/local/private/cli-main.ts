import * as fs from 'fs';
import { listFunctions, readAssembly } from './assembly';
import { Emulator } from './emulator';
import { EVENT_KINDS } from './events';
import { InvokeOutcome, LocalLambdaError } from './types';

/** Where the CLI writes: results to `out`, logs and messages to `err`. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = `Usage: cdk-lambda-blueprints <command> [options]

Runs the Lambda functions of a synthesized CDK app locally (no Docker, no AWS account).

Commands:
  list                               List the functions of the cloud assembly
  invoke <function> [--event E]      Invoke once; E is a JSON file, "-" (stdin), or a kind: ${Object.keys(EVENT_KINDS).join(', ')}
         [--repeat N] [--concurrency N] [--async] [--no-shape-check]
  deliver <function> --records F     Deliver records through the function's trigger (SQS batches and redrive,
          [--count N --data TEXT]    stream retries and bisection, async retries and destinations); F is a JSON
          [--source ID] [--outbox F]  array or one record per line; the outbox (where events ended up) is printed
  events <kind>                      Print a sample event

Options:
  --assembly DIR      The cloud assembly (default: cdk.out)
  --overrides FILE    Values for environment variables holding tokens: {"Parameters": {...}, "<logical id>": {...}}
  --env NAME=VALUE    A value for one environment variable (repeatable)
  --strict-env        Fail on environment variables holding tokens without a value (default: placeholder + warning)
  --quiet             Do not print the function's logs
  <function> is a construct path (Stack/Construct, the stack may be left out) or a logical id.`;

interface Args {
  readonly positional: string[];
  readonly flags: Record<string, string[]>;
}

const BOOLEAN_FLAGS = ['async', 'no-shape-check', 'strict-env', 'quiet', 'help'];

function parse(argv: string[]): Args {
  const positional: string[] = [];
  const flags: Record<string, string[]> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) { positional.push(a); continue; }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
    const value = inline ?? (BOOLEAN_FLAGS.includes(name) ? 'true' : argv[++i]);
    if (value === undefined) throw new LocalLambdaError(`--${name} needs a value`);
    (flags[name] ??= []).push(value);
  }
  return { positional, flags };
}

function readRecords(file: string): string[] {
  const text = fs.readFileSync(file === '-' ? 0 : file, 'utf-8');
  if (text.trimStart().startsWith('[')) return (JSON.parse(text) as unknown[]).map(r => (typeof r === 'string' ? r : JSON.stringify(r)));
  return text.split('\n').filter(l => l.trim() !== '');
}

function summary(o: InvokeOutcome): string {
  return `${o.coldStart ? 'cold' : 'warm'} start, ${o.durationMs.toFixed(2)} ms${o.errorType ? `, ${o.errorType}` : ''}`;
}

/** Runs the CLI; resolves to the exit code (0 ok, 1 function error, 2 bad input). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let emulator: Emulator | undefined;
  try {
    const { positional, flags } = parse(argv);
    const flag = (name: string): string | undefined => flags[name]?.[flags[name].length - 1];
    const [command, target] = positional;
    if (!command || flag('help')) { io.out(USAGE); return command ? 0 : 2; }
    const assembly = flag('assembly') ?? 'cdk.out';
    if (command === 'events') {
      if (!target || !EVENT_KINDS[target]) throw new LocalLambdaError(`events needs a kind: ${Object.keys(EVENT_KINDS).join(', ')}`);
      io.out(JSON.stringify(EVENT_KINDS[target](), null, 2));
      return 0;
    }
    if (command === 'list') {
      for (const f of listFunctions(readAssembly(assembly))) io.out(`${f.path.replace(/^\//, '').replace(/\/Resource$/, '')}\t${f.logicalId}\t${f.stack.resources[f.logicalId].Properties?.Runtime ?? 'image'}`);
      return 0;
    }
    if (command !== 'invoke' && command !== 'deliver') throw new LocalLambdaError(`unknown command "${command}"\n\n${USAGE}`);
    if (!target) throw new LocalLambdaError(`${command} needs a function: a construct path or logical id (see \`cdk-lambda-blueprints list\`)`);
    const environment: Record<string, string> = {};
    for (const kv of flags.env ?? []) {
      const [k, v] = kv.split(/=(.*)/s, 2);
      if (v === undefined) throw new LocalLambdaError(`--env takes NAME=VALUE, got ${kv}`);
      environment[k] = v;
    }
    const quiet = flag('quiet') === 'true';
    emulator = Emulator.open(assembly, target, {
      overridesFile: flag('overrides'), environment, strictEnvironment: flag('strict-env') === 'true', onLog: quiet ? undefined : line => io.err(line),
    });
    for (const w of emulator.spec.warnings) io.err(`warning: ${w}`);
    if (command === 'invoke') {
      const event = flag('event') ?? '{}';
      const payload = EVENT_KINDS[event] ? emulator.sampleEvent(event) : event === '{}' ? event : fs.readFileSync(event === '-' ? 0 : event, 'utf-8');
      const repeat = Number(flag('repeat') ?? 1);
      const concurrency = Number(flag('concurrency') ?? 1);
      let failed = false;
      for (let i = 0; i < repeat; i++) {
        const outcomes = await Promise.all(Array.from({ length: concurrency }, () => emulator!.invoke({
          payload, invocationType: flag('async') === 'true' ? 'Event' : 'RequestResponse',
        }, flag('no-shape-check') !== 'true')));
        for (const o of outcomes) {
          io.out(o.payload);
          if (repeat * concurrency > 1) io.err(`# ${summary(o)}`);
          failed ||= o.errorType !== undefined;
        }
      }
      return failed ? 1 : 0;
    }
    const records = flag('records') ? readRecords(flag('records')!) : Array.from({ length: Number(flag('count') ?? 1) }, (_, i) => `${flag('data') ?? 'record'}-${i}`);
    const outbox = await emulator.deliver(records, flag('source'));
    if (flag('outbox')) outbox.write(flag('outbox')!);
    io.out(JSON.stringify(outbox, null, 2));
    return 0;
  } catch (e) {
    if (!(e instanceof LocalLambdaError) && !(e as NodeJS.ErrnoException).code) throw e;
    io.err(`error: ${(e as Error).message}`);
    return 2;
  } finally {
    emulator?.dispose();
  }
}
