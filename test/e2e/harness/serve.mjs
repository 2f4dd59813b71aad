#!/usr/bin/env node
// Serves VS Code (code-server) with this repo installed as an extension, for people to try it by hand.
// Usage: serve.mjs <port> <folder> [host]. Stays in the foreground; Ctrl+C stops code-server and everything
// it started. State lives in $E2E_HOME/demo and is recreated on every start.
import net from 'node:net';
import path from 'node:path';
import { DEMO_SETTINGS, startCodeServer } from './codeServer.mjs';
import { E2E_HOME } from './paths.mjs';

const [portArg = '8080', folderArg = 'samples', host = '127.0.0.1'] = process.argv.slice(2);
const port = Number(portArg);
const folder = path.resolve(folderArg);

function portFree() {
  return new Promise((resolve) => {
    const probe = net.createServer().once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

if (!(await portFree())) {
  console.error(`port ${port} on ${host} is in use; pick another one, e.g. PORT=${port + 1} bash scripts/demo.sh`);
  process.exit(1);
}
const server = await startCodeServer({
  runDir: path.join(E2E_HOME, 'demo'),
  host,
  port,
  folder,
  installExtension: true,
  settings: DEMO_SETTINGS,
});
console.log(`
  kops Spec is running in VS Code (code-server) at

      ${server.url}/?folder=${encodeURIComponent(folder)}

  Open a file from the explorer: mistakes.yaml has kops errors to fix; the others are one scenario each.
  Stop with Ctrl+C. (log: ${server.logFile})
`);

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping code-server…`);
  await server.stop();
  process.exit(0);
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
const { code, signal } = await server.exited;
if (!stopping) {
  console.error(`code-server exited on its own (code ${code}, signal ${signal}); see ${server.logFile}`);
  process.exit(1);
}
