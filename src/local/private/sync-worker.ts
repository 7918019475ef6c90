/**
 * The worker thread behind `LocalLambda`: it owns the emulator (servers, runtime processes) and answers
 * one request at a time, so that the public class can offer synchronous methods (jsii-friendly) while
 * environments stay warm between calls. The caller blocks on `signal` until the answer is posted.
 */
import { MessagePort, workerData } from 'worker_threads';
import { Emulator, EmulatorOptions } from './emulator';
import { InvokeRequest, LocalLambdaError } from './types';

/** One call of `LocalLambda` (`op`, with the arguments of the emulator method it stands for). */
type Request =
  | { readonly op: 'invoke'; readonly args: [InvokeRequest, boolean | undefined] }
  | { readonly op: 'invokeAsync'; readonly args: [InvokeRequest, boolean | undefined] }
  | { readonly op: 'invokeAll'; readonly args: [string[]] }
  | { readonly op: 'deliver'; readonly args: [string[], string | undefined, string | undefined] }
  | { readonly op: 'sample'; readonly args: [string] }
  | { readonly op: 'dispose'; readonly args: [] };

const { assemblyDir, functionId, options, signal, port } = workerData as {
  assemblyDir: string; functionId: string; options: EmulatorOptions; signal: SharedArrayBuffer; port: MessagePort;
};
const flag = new Int32Array(signal);
let emulator: Emulator | undefined;

function answer(message: object): void {
  port.postMessage(message);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

async function handle(req: Request): Promise<unknown> {
  const e = emulator!;
  switch (req.op) {
    case 'invoke': return e.invoke(req.args[0], req.args[1]);
    case 'invokeAsync': {
      const { attempts, outbox } = await e.invokeAsync(req.args[0], req.args[1]);
      return { attempts, outbox: outbox.toJSON() };
    }
    case 'invokeAll': return Promise.all(req.args[0].map(payload => e.invoke({ payload })));
    case 'deliver': {
      const outbox = await e.deliver(req.args[0], req.args[1]);
      if (req.args[2]) outbox.write(req.args[2]);
      return outbox.toJSON();
    }
    case 'sample': return e.sampleEvent(req.args[0]);
    default:
      e.dispose();
      return undefined;
  }
}

try {
  emulator = Emulator.open(assemblyDir, functionId, options);
  answer({ result: { spec: emulator.spec, triggers: emulator.sources.map(s => `${s.kind}:${s.sourceId}`) } });
} catch (err) {
  answer({ error: (err as Error).message, code: (err as LocalLambdaError).code });
}

process.on('uncaughtException', err => answer({ error: `local emulator worker failed: ${err.stack ?? err}` }));

port.on('message', (req: Request) => {
  handle(req).then(result => answer({ result }), err => answer({ error: (err as Error).message, code: (err as LocalLambdaError).code }));
});
