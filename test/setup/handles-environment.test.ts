import * as net from 'net';
import { leftBehind, snapshot } from './handles-environment';

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
