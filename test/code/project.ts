import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { BlueprintFunction, BlueprintFunctionProps } from '../../src';

/**
 * A throw-away project written by the test itself (entry, local module, a package in node_modules) in a
 * fresh temporary folder, so that tests can change one file and watch the asset key.
 */
export class TempProject {
  public readonly root: string;
  public readonly cacheDir: string;

  constructor(files: Record<string, string>) {
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), 'blueprint-entry-'));
    this.cacheDir = path.join(this.root, '.bundle-cache');
    this.write({ 'package.json': '{"name":"fixture","private":true}', ...files });
  }

  /** Writes (or overwrites) files relative to the root. */
  public write(files: Record<string, string>): void {
    for (const [rel, text] of Object.entries(files)) {
      const file = path.join(this.root, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
  }

  public path(rel: string): string {
    return path.join(this.root, rel);
  }
}

/** A TypeScript handler that imports a local module and a package from node_modules. */
export const APP_FILES: Record<string, string> = {
  'src/handler.ts': [
    'import { greet } from \'./greet\';',
    'import { shout } from \'shouty\';',
    'import { S3Client } from \'@aws-sdk/client-s3\';',
    'export const client = () => new S3Client({});',
    'export async function handler(event: { name: string }): Promise<string> {',
    '  return shout(greet(event.name));',
    '}',
  ].join('\n'),
  'src/greet.ts': 'export const greet = (name: string): string => `hello ${name}`;\n',
  'node_modules/shouty/package.json': '{"name":"shouty","version":"1.0.0","main":"index.js"}',
  'node_modules/shouty/index.js': 'exports.shout = (s) => s.toUpperCase() + "!";\n',
};

/** A small self-contained TypeScript handler (inlined). */
export const TINY_FILES: Record<string, string> = {
  'tiny.ts': 'export const handler = async (e: { n: number }): Promise<number> => e.n * 2;\n',
};

/** What synthesizing one function gave: its stack, the S3 key of its code asset and the asset's path, or the error. */
export interface SynthesizedCode {
  readonly stack: Stack;
  readonly key: string;
  /** The asset in the cloud assembly (a directory for zip assets, the file for a jar). */
  readonly asset: string;
  readonly error: string;
}

/** Synthesizes a stack holding one BlueprintFunction; a synth error is returned, not thrown. */
export function synthFunctionCode(props: BlueprintFunctionProps): SynthesizedCode {
  const app = new App();
  const stack = new Stack(app, 'S');
  new BlueprintFunction(stack, 'Fn', props);
  try {
    const assembly = app.synth();
    const fn = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function'))[0];
    const key: string = fn.Properties.Code.S3Key;
    return { stack, key, asset: path.join(assembly.directory, `asset.${key.replace(/\.zip$/, '')}`), error: '' };
  } catch (e) {
    return { stack, key: '', asset: '', error: (e as Error).message };
  }
}
