// Runs only in the offline run (scripts/e2e-run.sh ONLY=offline: code-server, the extension host, the language
// server and the browser inside a network namespace with nothing but loopback, E2E_NETWORK=none). The rest of
// the suite runs there too: every feature works without a network.
import * as assert from 'assert';
import * as net from 'net';
import * as os from 'os';

/** How a TCP connection to a public address ends: the error code, or 'connected'. */
function connectOutcome(host: string, port: number, ms = 5_000): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('timeout');
    }, ms);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(e.code ?? e.message);
    });
  });
}

if (process.env.E2E_NETWORK === 'none') {
  suite('offline: no network but loopback', () => {
    test('the extension host (and so the language server it starts) sees only the loopback interface', async () => {
      assert.deepStrictEqual(Object.keys(os.networkInterfaces()), ['lo']);
      assert.strictEqual(await connectOutcome('1.1.1.1', 443), 'ENETUNREACH');
    });
  });
}
