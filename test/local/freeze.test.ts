import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { synthApp, withFunction } from './helpers';

// Between invocations Lambda freezes the environment: background work does not run, and an exception
// thrown by a timer of one invocation surfaces when the next one thaws it — failing that one.

const assembly = () => synthApp(app => {
  const stack = new Stack(app, 'Freeze');
  const node = (id: string, code: string) => new lambda.Function(stack, id, { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline(code) });
  node('Ticks', 'let ticks = 0; setInterval(() => ticks++, 5); exports.handler = async () => ticks;');
  node('Later', `exports.handler = async (e) => {
  if (e.later) setTimeout(() => { throw new Error('after the response'); }, 300);
  await new Promise(r => setTimeout(r, e.work || 0));
  return 'ok';
};`);
  new lambda.Function(stack, 'PyTicks', {
    runtime: lambda.Runtime.PYTHON_3_12,
    handler: 'index.handler',
    code: lambda.Code.fromInline('import threading, time\nticks = 0\ndef tick():\n    global ticks\n    while True:\n        ticks += 1\n        time.sleep(0.005)\nthreading.Thread(target=tick, daemon=True).start()\ndef handler(event, context):\n    return ticks'),
  });
});

const pause = (ms: number) => new Promise(r => setTimeout(r, ms));

test.each(['Freeze/Ticks', 'Freeze/PyTicks'])('%s: a timer or thread does not run while the environment waits for its next invocation', async id => {
  await withFunction(assembly(), id, async e => {
    const first = Number((await e.invoke({ payload: '{}' })).payload);
    await pause(300); // about 60 ticks if it ran
    const second = Number((await e.invoke({ payload: '{}' })).payload);
    expect(second - first).toBeLessThan(15);
  });
});

test('an exception thrown by a timer after the response fails the next invocation, logged in it (Node.js, exit 129)', async () => {
  await withFunction(assembly(), 'Freeze/Later', async e => {
    const a = await e.invoke({ payload: '{"later":true}' });
    expect([a.errorType, a.payload]).toEqual([undefined, '"ok"']);
    expect(a.logs.join('\n')).not.toMatch(/after the response/);
    await pause(600); // the timer is due, but the environment is frozen
    const b = await e.invoke({ payload: '{"work":50}' }); // the thawed timer fires while it works
    expect([b.errorType, b.errorMessage, b.coldStart]).toEqual(['Runtime.ExitError', `RequestId: ${b.requestId} Error: Runtime exited with error: exit status 129`, false]);
    expect(b.logs.some(l => /\tERROR\tUncaught Exception \t\{"errorType":"Error","errorMessage":"after the response"/.test(l))).toBe(true);
    expect(b.logs[0]).toMatch(new RegExp(`^START RequestId: ${b.requestId}`));
    const c = await e.invoke({ payload: '{}' });
    expect([c.errorType, c.coldStart]).toEqual([undefined, true]); // a new environment
  });
});
