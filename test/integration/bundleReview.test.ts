import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// What the README's Security section promises that can be read off the bundles: nothing but the LSP transport
// can open a socket, and only the reviewed modules start processes or write files.
const REPO = path.join(__dirname, '..', '..');

/**
 * Source chunks of an unminified esbuild bundle, by the `// path` line esbuild writes above each module
 * (`../<checkout>/node_modules/…` when node_modules is a link to another checkout's).
 */
function modulesOf(bundle: string): Map<string, string> {
  const chunks = new Map<string, string>();
  let current = '(bundle prelude)';
  for (const line of bundle.split('\n')) {
    const marker = /^\/\/ (?:\.\.\/[^/\s]+\/)?((?:node_modules|client|server)\/\S+)$/.exec(line);
    if (marker) current = marker[1];
    else chunks.set(current, `${chunks.get(current) ?? ''}${line}\n`);
  }
  return chunks;
}

/** Modules of the bundle that require one of `builtins` (with or without `node:`). */
function requiring(chunks: Map<string, string>, builtins: string[]): string[] {
  const pattern = new RegExp(`require\\("(node:)?(${builtins.join('|')})"\\)`);
  return [...chunks]
    .filter(([, text]) => pattern.test(text))
    .map(([name]) => name)
    .sort();
}

const NETWORK = ['net', 'http', 'https', 'http2', 'tls', 'dgram', 'dns', 'undici'];
const WEB_REQUESTS = /\bfetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon/;

describe('no network at run time, read off freshly built bundles', function () {
  this.timeout(120_000);
  let outdir: string;
  const bundles: Record<'client' | 'server', Map<string, string>> = { client: new Map(), server: new Map() };

  before(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'kops-bundles-'));
    execFileSync(process.execPath, [path.join(REPO, 'scripts/build.mjs'), '--outdir', outdir], { cwd: REPO, stdio: 'pipe' });
    const read = (file: string) => modulesOf(fs.readFileSync(path.join(outdir, file), 'utf8'));
    bundles.client = read('client.js');
    // dist/server.js starts dist/serverMain.js: together they are the server
    bundles.server = new Map([...read('server.js'), ...read('serverMain.js')]);
  });
  after(() => fs.rmSync(outdir, { recursive: true, force: true }));

  it('the bundles are split into their modules, ours included', () => {
    assert.ok(bundles.client.has('client/src/commands/ciliumKey.ts') && bundles.server.has('server/src/server.ts'));
    assert.ok(bundles.server.size > 100, `${bundles.server.size} modules`);
  });

  it("only vscode-jsonrpc's transport module loads a network module (net, for --pipe and --socket; VS Code uses IPC)", () => {
    for (const name of ['client', 'server'] as const) {
      assert.deepEqual(requiring(bundles[name], NETWORK), ['node_modules/vscode-jsonrpc/lib/node/main.js'], name);
    }
  });

  it('has no fetch, XMLHttpRequest, WebSocket, EventSource or sendBeacon', () => {
    for (const name of ['client', 'server'] as const) {
      const found = [...bundles[name]].filter(([, text]) => WEB_REQUESTS.test(text)).map(([module]) => module);
      assert.deepEqual(found, [], name);
    }
  });

  it("starts processes only to run the server and the IPsec kops terminal; the server's own code starts none", () => {
    assert.deepEqual(requiring(bundles.client, ['child_process']), [
      'client/src/commands/secretTerminal.ts',
      'node_modules/vscode-languageclient/lib/node/main.js', // forks dist/server.js
      'node_modules/vscode-languageclient/lib/node/processes.js', // terminates it (taskkill on Windows)
    ]);
    // vscode-languageserver bundles helpers that can run npm or yarn to find global modules; our code never calls them.
    assert.deepEqual(requiring(bundles.server, ['child_process']), ['node_modules/vscode-languageserver/lib/node/files.js']);
    const ours = [...bundles.server]
      .filter(([name]) => name.startsWith('server/'))
      .map(([, text]) => text)
      .join('');
    assert.doesNotMatch(ours, /\bFiles\b|resolveGlobal(Node|Yarn)Path|resolveModulePath/);
  });

  it('the extension writes files only through the IPsec key file writer (edits go through workspace.applyEdit)', () => {
    assert.deepEqual(requiring(bundles.client, ['fs', 'fs/promises']), [
      'client/src/commands/ciliumKey.ts', // writeKeyFile
      'node_modules/vscode-languageclient/lib/node/main.js', // stat of the server's working directory
    ]);
    const ours = [...bundles.client]
      .filter(([name]) => name.startsWith('client/'))
      .map(([, text]) => text)
      .join('');
    const fsApi = [...ours.matchAll(/workspace\.fs\.(\w+)/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(fsApi)], ['stat'], "VS Code's file system API: only stat");
  });

  it('the server reads files only to index the workspace folders (listing, stat, read) and writes only its code cache', () => {
    assert.deepEqual(requiring(bundles.server, ['fs', 'fs/promises']), [
      'node_modules/vscode-languageserver/lib/node/files.js',
      'server/src/session/disk.ts',
      'server/src/startup/codeCache.ts',
    ]);
    const calls = (module: string) => {
      const text = bundles.server.get(module) ?? '';
      return [...new Set([...text.matchAll(/\bimport_(?:node_)?fs\w*\.(?:default\.)?(\w+(?:\.\w+)?)/g)].map((m) => m[1]))].sort();
    };
    assert.deepEqual(calls('server/src/session/disk.ts'), ['promises.readFile', 'promises.readdir', 'promises.stat']);
    // the bundle (and its stat, which names its cache), then V8's code cache in a folder of the user's temporary
    // directory, where it also lists and removes the caches not written for 30 days
    assert.deepEqual(calls('server/src/startup/codeCache.ts'), [
      'lstatSync',
      'mkdirSync',
      'readFileSync',
      'readdirSync',
      'renameSync',
      'statSync',
      'unlinkSync',
      'writeFileSync',
    ]);
  });
});
