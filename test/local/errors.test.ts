import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { lifecycleApp, tempCode, tempZip } from './fixtures';
import { synthApp, withFunction } from './helpers';
import { Emulator } from '../../src/local/private/emulator';

let assembly: string;
beforeAll(() => { assembly = synthApp(lifecycleApp); });

/** An ELF header for `machine` (0x3e x86_64, 0xb7 arm64), enough for the architecture check. */
function elf(machine: number): Buffer {
  const b = Buffer.alloc(64);
  b.writeUInt32BE(0x7f454c46, 0);
  b[4] = 2; b[5] = 1;
  b.writeUInt16LE(machine, 18);
  return b;
}

function customRuntimeApp(files: Record<string, { content: string | Buffer; mode?: number }>, architecture = lambda.Architecture.X86_64): string {
  const dir = tempCode(files);
  return synthApp(app => new lambda.Function(new Stack(app, 'Custom'), 'Fn', {
    runtime: lambda.Runtime.PROVIDED_AL2023, handler: 'function.handler', code: lambda.Code.fromAsset(dir), architecture,
  }));
}

test('no such function: the error lists the candidates', () => {
  expect(() => Emulator.open(assembly, 'Local/Nope')).toThrow(/No function "Local\/Nope" in the cloud assembly: the assembly has these functions:\n {2}Local\/Warm \(logical id Warm[0-9A-F]+, runtime nodejs22.x\)/);
  expect(() => Emulator.open(assembly, 'Local')).toThrow(/"Local" matches \d+ functions; name one of them/);
  expect(() => Emulator.open(os.tmpdir(), 'X')).toThrow(/is not a cloud assembly \(no manifest.json\)/);
});

test('functions are found by construct path, with or without the stack, or by logical id', () => {
  for (const id of ['Local/Warm', 'Warm', '/Local/Warm/Resource']) {
    const e = Emulator.open(assembly, id);
    expect(e.spec.path).toBe('/Local/Warm/Resource');
    e.dispose();
  }
  const logicalId = Emulator.open(assembly, 'Warm');
  const again = Emulator.open(assembly, logicalId.spec.logicalId);
  expect(again.spec.path).toBe('/Local/Warm/Resource');
  logicalId.dispose();
  again.dispose();
});

test('a missing module or export fails like Lambda: Runtime.ImportModuleError / Runtime.HandlerNotFound', async () => {
  await withFunction(assembly, 'Local/NoModule', async e => {
    const o = await e.invoke({ payload: '{}' });
    expect(o.errorType).toBe('Runtime.ImportModuleError');
    expect(o.errorMessage).toMatch(/Cannot find module 'missing'/);
    expect(o.logs.some(l => l.includes('Init Error'))).toBe(true);
  });
  await withFunction(assembly, 'Local/NoExport', async e => {
    const o = await e.invoke({ payload: '{}' });
    expect(o.errorType).toBe('Runtime.HandlerNotFound');
    expect(o.errorMessage).toBe('index.nope is undefined or not exported');
    expect((await e.invoke({ payload: '{}' })).coldStart).toBe(true);
  });
});

test('nodejs24.x refuses callback-style handlers (Runtime.CallbackHandlerDeprecated)', async () => {
  await withFunction(assembly, 'Local/Callback24', async e => {
    const o = await e.invoke({ payload: '{}' });
    expect(o.errorType).toBe('Runtime.CallbackHandlerDeprecated');
    expect(o.errorMessage).toMatch(/callback-based handlers are not supported from nodejs24.x on/);
  });
});

test('a response over 6 MB fails with Function.ResponseSizeTooLarge; an event over 6 MB or not JSON is refused', async () => {
  await withFunction(assembly, 'Local/Big', async e => {
    const ok = await e.invoke({ payload: JSON.stringify({ bytes: 1000 }) });
    expect(JSON.parse(ok.payload)).toHaveLength(1000);
    const o = await e.invoke({ payload: JSON.stringify({ bytes: 7 * 1024 * 1024 }) });
    expect(o.errorType).toBe('Function.ResponseSizeTooLarge');
    expect(o.errorMessage).toBe('Response payload size exceeded maximum allowed payload size (6291456 bytes).');
    await expect(e.invoke({ payload: JSON.stringify({ pad: 'x'.repeat(6 * 1024 * 1024) }) })).rejects.toThrow(/RequestEntityTooLargeException: the event is \d+ bytes; Lambda accepts at most 6291456 bytes/);
    await expect(e.invoke({ payload: JSON.stringify({ pad: 'x'.repeat(1024 * 1024) }), invocationType: 'Event' })).rejects.toThrow(/at most 1048576 bytes for Event invocations/);
    await expect(e.invoke({ payload: '{not json' })).rejects.toThrow(/InvalidRequestContentException/);
  });
});

test('environment variables holding tokens: placeholder and a warning naming the variable, an override, or an error when strict', async () => {
  const e = Emulator.open(assembly, 'Local/Env');
  expect(e.spec.warnings.filter(w => w.startsWith('environment variable'))).toEqual([expect.stringMatching(/^environment variable QUEUE_URL of \/Local\/Env\/Resource holds a token \(\{"Ref":"Orders[0-9A-F]+"\}\); using "local-placeholder-QUEUE_URL": set it in an overrides file/)]);
  expect(JSON.parse((await e.invoke({ payload: '{}' })).payload)).toEqual({ queue: 'local-placeholder-QUEUE_URL', plain: 'plain' });
  e.dispose();

  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'local-test-')), 'overrides.json');
  fs.writeFileSync(file, JSON.stringify({ Parameters: { PLAIN: 'from-parameters' }, [e.spec.logicalId]: { QUEUE_URL: 'http://localhost:4566/queue' } }));
  await withFunction(assembly, 'Local/Env', async o => {
    expect(o.spec.warnings.filter(w => w.startsWith('environment variable'))).toEqual([]);
    expect(JSON.parse((await o.invoke({ payload: '{}' })).payload)).toEqual({ queue: 'http://localhost:4566/queue', plain: 'from-parameters', extra: 'yes' });
  }, { overridesFile: file, environment: { EXTRA: 'yes' } });

  expect(() => Emulator.open(assembly, 'Local/Env', { strictEnvironment: true })).toThrow(/\/Local\/Env\/Resource: environment variable QUEUE_URL holds a token .* only CloudFormation can resolve: set it in an overrides file as \{"Env[0-9A-F]+": \{"QUEUE_URL": "..."\}\} with the overridesFile option \(overrides_file in Python\), or pass environment: \{ QUEUE_URL: '...' \} \(environment=\{"QUEUE_URL": "..."\} in Python\)$/);
  fs.writeFileSync(file, '{oops');
  expect(() => Emulator.open(assembly, 'Local/Env', { overridesFile: file })).toThrow(/overrides file .* is not readable JSON/);
});

test('custom runtime: the function\'s own bootstrap must exist and be executable', async () => {
  const missing = customRuntimeApp({ 'function.sh': { content: 'handler() { echo 1; }' } });
  expect(() => Emulator.open(missing, 'Custom/Fn')).toThrow(/Runtime.InvalidEntrypoint: a provided.al2023 function needs an executable file named bootstrap in its code or a layer; found none/);
  const notExecutable = customRuntimeApp({ bootstrap: { content: '#!/bin/sh\n', mode: 0o644 } });
  expect(() => Emulator.open(notExecutable, 'Custom/Fn')).toThrow(/Runtime.InvalidEntrypoint: .*\/bootstrap is not executable \(chmod \+x bootstrap before synth\)/);
});

test('native code for another architecture than the function\'s or the host\'s is refused', () => {
  const wrongForFunction = customRuntimeApp({ bootstrap: { content: elf(0x3e), mode: 0o755 } }, lambda.Architecture.ARM_64);
  expect(() => Emulator.open(wrongForFunction, 'Custom/Fn')).toThrow(/bootstrap is native code for x86_64, but the function runs on arm64: it would fail on Lambda too/);
  const hostArch = process.arch === 'x64' ? 0x3e : 0xb7;
  const foreign = process.arch === 'x64' ? lambda.Architecture.ARM_64 : lambda.Architecture.X86_64;
  const otherHost = customRuntimeApp({ 'bin/tool': { content: elf(hostArch === 0x3e ? 0xb7 : 0x3e), mode: 0o755 }, 'bootstrap': { content: '#!/bin/sh\n', mode: 0o755 } }, foreign);
  expect(() => Emulator.open(otherHost, 'Custom/Fn')).toThrow(/bin\/tool is native code for (arm64|x86_64), which this (x86_64|arm64) host cannot run/);
});

/**
 * A zipped shell custom runtime that answers each invocation with the JSON `response` (a shell expression;
 * `$BODY` is the event), after running `setup` once.
 */
function curlRuntime(id: string, response: string, setup: string[] = []): string {
  const zip = tempZip({
    bootstrap: {
      mode: 0o755,
      content: [
        '#!/bin/sh',
        'set -eu',
        'API="http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime"',
        ...setup,
        'while true; do',
        '  H=$(mktemp); BODY=$(curl -sS -D "$H" "$API/invocation/next")',
        '  ID=$(grep -Fi Lambda-Runtime-Aws-Request-Id "$H" | tr -d "[:space:]" | cut -d: -f2)',
        `  curl -sS -o /dev/null "$API/invocation/$ID/response" -d "${response}"`,
        'done',
      ].join('\n'),
    },
  });
  return synthApp(app => new lambda.Function(new Stack(app, id), 'Fn', {
    runtime: lambda.Runtime.PROVIDED_AL2, handler: 'my.handler', code: lambda.Code.fromAsset(zip),
  }));
}

test('zip assets are extracted with their modes; a shell bootstrap with curl serves invocations', async () => {
  await withFunction(curlRuntime('Zipped', '{\\"echo\\":$BODY,\\"handler\\":\\"$_HANDLER\\"}'), 'Zipped/Fn', async e => {
    expect(JSON.parse((await e.invoke({ payload: '{"n":1}' })).payload)).toEqual({ echo: { n: 1 }, handler: 'my.handler' });
  });
});

/** Whether a process runs (a zombie waiting to be reaped does not). */
function running(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf-8'));
  } catch {
    return false;
  }
}

test('dispose ends the processes a runtime started too (a shell bootstrap\'s background child)', async () => {
  const assemblyDir = curlRuntime('Tree', '{\\"child\\":$CHILD}', ['sleep 300 & CHILD=$!']);
  const child: number = await withFunction(assemblyDir, 'Tree/Fn', async e => {
    const pid = JSON.parse((await e.invoke({ payload: '{}' })).payload).child;
    expect(running(pid)).toBe(true);
    return pid;
  });
  await new Promise(r => setTimeout(r, 100));
  expect(running(child)).toBe(false);
});

test('deliver: a function without triggers, an unknown trigger and records of another source are refused', async () => {
  await withFunction(assembly, 'Local/Warm', async e => {
    await expect(e.deliver(['x'])).rejects.toThrow(/has no trigger in the template .*use invoke instead of deliver/);
    expect(() => e.sampleEvent('nope')).toThrow(/unknown event kind "nope": use one of sqs, kinesis/);
  });
  await withFunction(assembly, 'Local/Fails', async e => {
    await expect(e.deliver(['x'], 'sqs')).rejects.toThrow(/has no trigger "sqs"; its triggers: sns \(Topic[0-9A-F]+\)/);
    await expect(e.deliver([e.sampleEvent('sqs')])).rejects.toThrow(/event shape mismatch: a sqs record was given, but the trigger is sns/);
    await expect(e.invoke({ payload: e.sampleEvent('kinesis') })).rejects.toThrow(
      '/Local/Fails/Resource: event shape mismatch: the event looks like a(n) kinesis event, but the template connects this function to sns; '
      + 'use sampleEvent(\'sns\') (sample_event in Python) for a sample of the right shape, or the skipShapeCheck option (skip_shape_check in Python)');
    expect(JSON.parse((await e.invoke({ payload: e.sampleEvent('sns') })).payload)).toEqual({ ok: true });
  });
});

test('refusals carry a stable code (LocalLambda puts it first in its messages: [LocalLambda.<code>])', async () => {
  expect(() => Emulator.open(assembly, 'Nope')).toThrow(expect.objectContaining({ code: 'FunctionNotFound' }));
  expect(() => Emulator.open(path.join(os.tmpdir(), 'no-such-assembly'), 'Fn')).toThrow(expect.objectContaining({ code: 'NotACloudAssembly' }));
  await withFunction(assembly, 'Local/Warm', async e => {
    await expect(e.deliver(['x'])).rejects.toMatchObject({ code: 'NoTrigger' });
    expect(() => e.sampleEvent('nope')).toThrow(expect.objectContaining({ code: 'UnknownEventKind' }));
    await expect(e.invoke({ payload: '{nope' })).rejects.toMatchObject({ code: 'InvalidRequestContent' });
    await expect(e.invoke({ payload: JSON.stringify('x'.repeat(7 * 1024 * 1024)) })).rejects.toMatchObject({ code: 'RequestEntityTooLarge' });
  });
  await withFunction(assembly, 'Local/Fails', async e => {
    await expect(e.invoke({ payload: e.sampleEvent('kinesis') })).rejects.toMatchObject({ code: 'EventShapeMismatch' });
  });
});
