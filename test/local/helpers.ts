import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { Emulator, EmulatorOptions } from '../../src/local/private/emulator';

/** Synthesizes an app into a fresh temporary cloud assembly directory and returns its path. */
export function synthApp(build: (app: App) => unknown): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-test-cdkout-'));
  const app = new App({ outdir });
  build(app);
  app.synth();
  return outdir;
}

/** Opens a function, runs `body`, and always disposes the emulator. */
export async function withFunction<T>(assembly: string, id: string, body: (e: Emulator) => Promise<T>, options: EmulatorOptions = {}): Promise<T> {
  const e = Emulator.open(assembly, id, options);
  try {
    return await body(e);
  } finally {
    e.dispose();
  }
}
