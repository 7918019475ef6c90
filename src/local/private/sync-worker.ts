/**
 * The worker thread behind `LocalLambda` and `LocalApi` (see sync-client.ts): it owns the emulator or the
 * gateway (servers, runtime processes) and answers one request at a time.
 */
import { MessagePort, workerData } from 'worker_threads';
import { Emulator, EmulatorOptions } from './emulator';
import { describeDoor, Gateway, GatewayOptions } from './serve/gateway';
import { HttpRequest } from './serve/match';
import { WorkerInit } from './sync-client';
import { InvokeRequest, LocalLambdaError } from './types';

/** One call of `LocalLambda` or `LocalApi` (`op`, with the arguments of the method it stands for). */
type Request =
  | { readonly op: 'invoke'; readonly args: [InvokeRequest, boolean | undefined] }
  | { readonly op: 'invokeAsync'; readonly args: [InvokeRequest, boolean | undefined] }
  | { readonly op: 'invokeAll'; readonly args: [string[]] }
  | { readonly op: 'deliver'; readonly args: [string[], string | undefined, string | undefined] }
  | { readonly op: 'sample'; readonly args: [string] }
  | { readonly op: 'request'; readonly args: [string | undefined, Omit<HttpRequest, 'body'> & { body: string }] }
  | { readonly op: 'dispose'; readonly args: [] };

const init = workerData as WorkerInit & { signal: SharedArrayBuffer; port: MessagePort };
const flag = new Int32Array(init.signal);
let emulator: Emulator | undefined;
let gateway: Gateway | undefined;

function answer(message: object): void {
  init.port.postMessage(message);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

async function handle(req: Request): Promise<unknown> {
  if (req.op === 'dispose') {
    emulator?.dispose();
    gateway?.dispose();
    return undefined;
  }
  if (req.op === 'request') {
    const [frontDoor, r] = req.args;
    const result = await gateway!.handle(gateway!.door(frontDoor), { ...r, body: Buffer.from(r.body, 'base64') });
    return { ...result, body: result.body.toString('base64') };
  }
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
    default: return e.sampleEvent(req.args[0]);
  }
}

try {
  if (init.kind === 'api') {
    gateway = Gateway.open(init.assemblyDir, init.options as GatewayOptions);
    const g = gateway;
    answer({ result: { doors: g.doors.map(describeDoor), routes: g.doors.flatMap(d => g.routeTable(d).map(l => `${describeDoor(d)}: ${l}`)), warnings: g.warnings } });
  } else {
    emulator = Emulator.open(init.assemblyDir, init.functionId!, init.options as EmulatorOptions);
    answer({ result: { spec: emulator.spec, triggers: emulator.sources.map(s => `${s.kind}:${s.sourceId}`) } });
  }
} catch (err) {
  answer({ error: (err as Error).message, code: (err as LocalLambdaError).code });
}

process.on('uncaughtException', err => answer({ error: `local emulator worker failed: ${err.stack ?? err}` }));

init.port.on('message', (req: Request) => {
  handle(req).then(result => answer({ result }), err => answer({ error: (err as Error).message, code: (err as LocalLambdaError).code }));
});
