import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { synthApp, withFunction } from './helpers';
import { Emulator } from '../../src/local/private/emulator';

/** A function of each Python runtime, returning the version it runs on. */
const assembly = synthApp(app => {
  const stack = new Stack(app, 'Py');
  for (const runtime of [lambda.Runtime.PYTHON_3_9, lambda.Runtime.PYTHON_3_13]) {
    new lambda.Function(stack, runtime.name.replace('.', ''), {
      runtime,
      handler: 'index.handler',
      code: lambda.Code.fromInline('import sys\ndef handler(event, context):\n    return "%d.%d" % sys.version_info[:2]'),
    });
  }
});

/** A `python3.13` on a fresh PATH entry: it answers the version probe with 3.13 and runs the host's python3 otherwise. */
function fakePython313(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-python-'));
  fs.writeFileSync(path.join(dir, 'python3.13'), '#!/bin/sh\nif [ "$1" = "-c" ]; then echo 3.13; exit 0; fi\nexec python3 "$@"\n', { mode: 0o755 });
  return dir;
}

test('a pythonX.Y function runs on pythonX.Y from the PATH when the host has it: no warning', async () => {
  const saved = process.env.PATH;
  process.env.PATH = `${fakePython313()}:${saved}`;
  try {
    await withFunction(assembly, 'Py/python313', async e => {
      expect(e.spec.warnings).toEqual([]);
      expect(e.runner.fn.launch.command).toBe('python3.13');
      expect(JSON.parse((await e.invoke({ payload: '{}' })).payload)).toMatch(/^3\.\d+$/);
    });
  } finally {
    process.env.PATH = saved;
  }
});

test('without it: the configured interpreter or python3, with a warning naming both versions', async () => {
  const saved = { PATH: process.env.PATH, PY: process.env.CDK_LAMBDA_BLUEPRINTS_PYTHON };
  // a PATH with the host's python3 only (and sh): no python3.9
  const only = fs.mkdtempSync(path.join(os.tmpdir(), 'only-python3-'));
  fs.symlinkSync(execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf-8' }).trim(), path.join(only, 'python3'));
  process.env.PATH = `${only}:/bin`;
  const e = Emulator.open(assembly, 'Py/python39');
  try {
    const host = JSON.parse((await e.invoke({ payload: '{}' })).payload);
    expect(host).not.toBe('3.9');
    expect(e.spec.warnings).toEqual([
      `/Py/python39/Resource is python3.9; no Python 3.9 on this host (looked for python3.9, python3), so it runs on python3 (Python ${host}): install python3.9 or point CDK_LAMBDA_BLUEPRINTS_PYTHON at it`,
    ]);
  } finally {
    e.dispose();
    process.env.PATH = saved.PATH;
  }
  process.env.CDK_LAMBDA_BLUEPRINTS_PYTHON = '/nonexistent/python';
  try {
    const configured = Emulator.open(assembly, 'Py/python39');
    expect(configured.spec.warnings[0]).toMatch(/so it runs on \/nonexistent\/python \(which did not start\): install python3\.9/);
    configured.dispose();
  } finally {
    if (saved.PY === undefined) delete process.env.CDK_LAMBDA_BLUEPRINTS_PYTHON;
    else process.env.CDK_LAMBDA_BLUEPRINTS_PYTHON = saved.PY;
  }
});
