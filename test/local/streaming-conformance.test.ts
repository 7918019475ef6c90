import * as fs from 'fs';
import { synthApp } from './helpers';
import { streamingApp } from './serve-fixtures';
import { NODE_RIC } from '../../build-tools/local-conformance';
import { Emulator } from '../../src/local/private/emulator';
import { FunctionRunner } from '../../src/local/private/runner';
import { InvokeOutcome, ResponseSink } from '../../src/local/private/types';

// Response streaming against AWS's own Node.js runtime client (aws-lambda-ric, installed by
// build-tools/setup-local-conformance.sh): the same `awslambda.streamifyResponse` handler streams the same
// content type and bytes, and reports a mid-stream error the same way, through the emulator's Runtime API.

const installed = fs.existsSync(NODE_RIC);
const conformance = installed || process.env.CI === 'true' ? describe : describe.skip;

/** Collects what a runtime streams: its content type and chunks. */
function collector(): ResponseSink & { type?: string; chunks: Buffer[] } {
  const c = {
    type: undefined as string | undefined,
    chunks: [] as Buffer[],
    start: (t: string) => { c.type = t; },
    write: (b: Buffer) => { c.chunks.push(b); },
  };
  return c;
}

conformance('response streaming conformance with aws-lambda-ric', () => {
  test('the same content type, bytes and mid-stream error from AWS\'s client and the project\'s', async () => {
    const e = Emulator.open(synthApp(streamingApp), 'Streaming/Streamer');
    const fn = e.runner.fn;
    const theirs = new FunctionRunner({ spec: fn.spec, launch: { ...fn.launch, command: process.execPath, args: [NODE_RIC, 'index.handler'] } });
    try {
      for (const query of [{}, { mode: 'plain' }, { mode: 'late' }, { mode: 'early' }]) {
        const run = async (invoke: (r: { payload: string; sink: ResponseSink }) => Promise<InvokeOutcome>) => {
          const sink = collector();
          const outcome = await invoke({ payload: JSON.stringify({ queryStringParameters: query }), sink });
          return { type: sink.type, body: Buffer.concat(sink.chunks).toString('latin1'), errorType: outcome.errorType, errorMessage: outcome.errorMessage };
        };
        const [o, t] = [await run(r => e.invoke(r, false)), await run(r => theirs.invoke(r))];
        expect(t).toEqual(o);
      }
      const sink = collector();
      await e.invoke({ payload: '{}', sink }, false);
      expect([sink.type, Buffer.concat(sink.chunks).toString('latin1')]).toEqual([
        'application/vnd.awslambda.http-integration-response', `{"statusCode":201,"headers":{"content-type":"text/plain","x-s":"1"},"cookies":["s=1"]}${'\0'.repeat(8)}first;second`,
      ]);
    } finally {
      theirs.dispose();
      e.dispose();
    }
  });
});
