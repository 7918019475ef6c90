import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { BlueprintCode, BlueprintFunction, LocalLambda } from '../../src';
import { hostArchitecture } from '../../src/local/private/elf';

// A Go bootstrap (test/code/go-hello, aws-lambda-go v1.55.1 built by BlueprintCode.fromGoModule for this
// host's architecture) runs as a custom runtime: aws-lambda-go's own Runtime API client talks to the emulator.
const FIXTURE = path.join(__dirname, '..', 'code', 'go-hello');

test('a Go bootstrap runs locally through aws-lambda-go\'s client: results, logs, warm environments, handler errors', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'local-go-'));
  const app = new App({ outdir: path.join(root, 'cdk.out') });
  const architecture = hostArchitecture() === 'arm64' ? lambda.Architecture.ARM_64 : lambda.Architecture.X86_64;
  new BlueprintFunction(new Stack(app, 'Go'), 'Hello', {
    runtime: lambda.Runtime.PROVIDED_AL2023,
    architecture,
    handler: 'bootstrap',
    code: BlueprintCode.fromGoModule(FIXTURE, { cacheDir: path.join(root, 'cache') }),
  });
  const fn = LocalLambda.fromStage(app, 'Go/Hello');
  try {
    expect([fn.runtime, fn.warnings]).toEqual(['provided.al2023', []]);
    const first = fn.invoke('{"name":"go"}');
    expect([first.payload, first.errorType, first.coldStart]).toEqual(['"hello GO"', undefined, true]);
    expect(first.logs.some(l => / greeting go$/.test(l))).toBe(true); // the log package's line, on stderr
    expect(JSON.parse(first.logs[first.logs.length - 1])).toEqual(expect.objectContaining({ type: 'platform.report', record: expect.objectContaining({ requestId: first.requestId, status: 'success' }) }));
    const second = fn.invoke('{"name":"again"}');
    expect([second.payload, second.coldStart, second.environmentId]).toEqual(['"hello AGAIN"', false, first.environmentId]);
    // aws-lambda-go reports an error as {errorMessage, errorType} with the Go type's name.
    const failed = fn.invoke('{}');
    expect([failed.errorType, failed.errorMessage, JSON.parse(failed.payload)]).toEqual(['errorString', 'name is required', { errorMessage: 'name is required', errorType: 'errorString' }]);
    expect(fn.invoke('{"name":"after"}').payload).toBe('"hello AFTER"'); // the environment survives a handler error
  } finally {
    fn.dispose();
  }
});
