import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { buildApp as goUrlApp } from '../../examples/go-url-handler';
import { BlueprintCode, BlueprintFunction, LocalEvents, LocalLambda } from '../../src';
import { elfArchitecture, hostArchitecture } from '../../src/core/private/elf';

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

test('a Go function for the other architecture runs as a host-architecture twin, built from its module, and says so', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'local-go-twin-'));
  const app = new App({ outdir: path.join(root, 'cdk.out') });
  const host = hostArchitecture();
  const other = host === 'arm64' ? lambda.Architecture.X86_64 : lambda.Architecture.ARM_64;
  const goarch = host === 'arm64' ? 'arm64' : 'amd64';
  new BlueprintFunction(new Stack(app, 'Go'), 'Hello', {
    runtime: lambda.Runtime.PROVIDED_AL2023,
    architecture: other,
    handler: 'bootstrap',
    code: BlueprintCode.fromGoModule(FIXTURE, { cacheDir: path.join(root, 'cache') }),
  });
  const fn = LocalLambda.fromStage(app, 'Go/Hello');
  try {
    expect(fn.warnings).toEqual([`/Go/Hello/Function/Resource is ${other.name}; it runs as a host-architecture twin: its Go module ${FIXTURE} (package .) built for this ${host} host (GOARCH=${goarch})`]);
    expect(fn.invoke('{"name":"twin"}').payload).toBe('"hello TWIN"');
  } finally {
    fn.dispose();
  }
  // The deployed package is still the function's architecture: the twin lives in the build cache only.
  const assets = fs.readdirSync(app.outdir).filter(f => f.startsWith('asset.'));
  expect(assets.map(a => elfArchitecture(path.join(app.outdir, a, 'bootstrap')))).toEqual([other.name]);
});

test('the go-url-handler example (arm64) answers Function URL requests locally, as its host-architecture twin on an x86_64 host', () => {
  const app = goUrlApp(new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'local-go-url-')) }));
  const fn = LocalLambda.fromStage(app, 'GoUrlHandler/Api');
  try {
    const twin = hostArchitecture() !== 'arm64';
    expect(fn.warnings.filter(w => w.includes('host-architecture twin')).length).toBe(twin ? 1 : 0);
    const hello = JSON.parse(LocalEvents.functionUrl('GET', '/hello'));
    const answer = (event: object): Record<string, unknown> & { body: string } => JSON.parse(fn.invoke(JSON.stringify(event)).payload);
    expect(answer({ ...hello, rawQueryString: 'name=gopher', queryStringParameters: { name: 'gopher' } })).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"message":"hello gopher","method":"GET","path":"/hello"}',
      cookies: null, // aws-lambda-go's LambdaFunctionURLResponse as it marshals
      isBase64Encoded: false,
    });
    expect(JSON.parse(answer(JSON.parse(LocalEvents.functionUrl('POST', '/echo', '{"n":1}'))).body)).toEqual({ n: 1 });
    expect(answer(JSON.parse(LocalEvents.functionUrl('POST', '/echo', 'not json')))).toEqual(expect.objectContaining({ statusCode: 400, body: '{"error":"the body is not a JSON object"}' }));
    expect(answer(JSON.parse(LocalEvents.functionUrl('DELETE', '/hello')))).toEqual(expect.objectContaining({ statusCode: 404, body: '{"error":"no route for DELETE /hello"}' }));
  } finally {
    fn.dispose();
  }
});
