import { EventEmitter } from 'events';
import * as net from 'net';
import { collector, exitOnEnd, leftBehind, snapshot } from './handles-environment';

// The worker-exit check of the test environment (test/setup/handles-environment.ts) finds what keeps a
// process alive and names it; unref'd handles and what was there before are left out.

test('a listening server and a ref\'d timer are found and named; unref\'d or closed ones are not', async () => {
  const before = snapshot();
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const timer = setTimeout(() => undefined, 60_000);
  try {
    expect(leftBehind(before)).toEqual([`server ${JSON.stringify(server.address())}`, '1 timer(s) not cleared or unref\'d']);
    server.unref();
    timer.unref();
    expect(leftBehind(before)).toEqual([]);
  } finally {
    clearTimeout(timer);
    server.close();
  }
});

test('a worker exits on jest-worker\'s end message only, once it was handled; a process without IPC is left alone', async () => {
  const exits: string[] = [];
  const worker = Object.assign(new EventEmitter(), { send: () => true });
  exitOnEnd(worker, () => exits.push('exit'));
  exitOnEnd(worker, () => exits.push('second listener'));
  worker.emit('message', [1, false, 'test.ts']);
  worker.emit('message', { other: true });
  await new Promise(r => setImmediate(r));
  expect(exits).toEqual([]);
  worker.emit('message', [2, false]);
  expect(exits).toEqual([]);
  await new Promise(r => setImmediate(r));
  expect(exits).toEqual(['exit']);

  const noIpc = new EventEmitter();
  exitOnEnd(noIpc, () => exits.push('no ipc'));
  expect(noIpc.listenerCount('message')).toBe(0);
});

test('the collector runs a full garbage collection', () => {
  const gc = collector();
  let garbage: unknown[] | undefined = Array.from({ length: 500_000 }, (_, i) => ({ i, s: `item ${i}` }));
  const withGarbage = process.memoryUsage().heapUsed;
  expect(garbage.length).toBe(500_000);
  garbage = undefined;
  gc();
  expect(process.memoryUsage().heapUsed).toBeLessThan(withGarbage - 20 * 1024 * 1024);
});
