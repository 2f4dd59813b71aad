#!/usr/bin/env node
// Runs the compiled mocha suite (out/e2e/index.js, exporting run()) INSIDE code-server's Node extension
// host with the repo as the development extension. Mechanism of VS Code's web integration-test runner:
// the workbench URL carries payload=[extensionDevelopmentPath, extensionTestsPath] (honoured by a built
// VS Code only with --enable-smoke-test-driver); the workbench reports the extension host console through
// window.codeAutomationLog and the end of run() through window.codeAutomationExit(code, logs).
// Prints `exthost: N passed, N failed` and exits 0 only when the suite ran and every test passed.
// Env: E2E_HOME, TESTS (suite index), WS_DIR (workspace to copy), TIMEOUT_S (default 240), plus paths.mjs;
// E2E_LABEL names the run (its folder run-<label>, its result line; default exthost);
// E2E_WORKSPACE_TRUST=untrusted runs code-server with workspace trust on and the folder untrusted (the suite
// sees the variable too, and registers its untrusted-workspace tests only then);
// VSIX=<file.vsix> installs that package (code-server --install-extension) and runs the suite against the
// installed copy: the development extension is then an empty stand-in, which VS Code needs to run a suite.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { launchBrowser } from './browser.mjs';
import { startCodeServer } from './codeServer.mjs';
import { scanRunForKeys } from './leakScan.mjs';
import { E2E_HOME, REPO, SUITE_INDEX, WORKSPACE, logger } from './paths.mjs';

const label = process.env.E2E_LABEL || 'exthost';
const log = logger(label);
const RESULT = /^\[e2e-result\] (\{.*\})$/;
const MARK = '[e2e] '; // mocha's reporter lines (suite/index.ts); everything else goes to browser-console.log
const untrusted = process.env.E2E_WORKSPACE_TRUST === 'untrusted';
const runDir = path.join(E2E_HOME, `run-${label}`);
const timeoutMs = Number(process.env.TIMEOUT_S || 240) * 1000;
const vsix = process.env.VSIX ? path.resolve(process.env.VSIX) : undefined;

/** An extension with no code and no contributions: VS Code runs extensionTestsPath only next to a development extension. */
function standInExtension() {
  const dir = path.join(runDir, 'stand-in-extension');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'e2e-stand-in',
        publisher: 'kops-spec-e2e',
        version: '0.0.0',
        engines: { vscode: '*' },
        description: 'Empty development extension; the extension under test is the installed .vsix.',
      },
      null,
      2,
    ),
  );
  return dir;
}

function saveLogs(logs) {
  for (const entry of logs ?? []) {
    const file = path.join(runDir, 'vscode-logs', entry.relativePath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, entry.contents);
  }
}

async function runSuite(server, workspace) {
  const browser = await launchBrowser(runDir, server.env);
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    const consoleLines = [];
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e?.stack ?? e}`));
    let result;
    let exitWith;
    const finished = new Promise((resolve) => {
      exitWith = resolve;
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = Array.isArray(args) ? util.format(...args) : String(args);
      consoleLines.push(`[automation ${type}] ${text}`);
      const m = RESULT.exec(text);
      if (m) result = JSON.parse(m[1]);
      else if (text.startsWith(MARK)) console.log(text.slice(MARK.length));
    });
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      saveLogs(logs);
      exitWith(code);
    });
    const remote = (p) => `vscode-remote://${new URL(server.url).host}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(vsix ? standInExtension() : REPO)],
      ['extensionTestsPath', remote(SUITE_INDEX)],
      ['skipWelcome', 'true'],
    ]);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`, {
      waitUntil: 'commit',
    });
    log('workbench requested; the suite runs once the extension host is up');
    let timer;
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const code = await Promise.race([finished, timedOut]);
    clearTimeout(timer);
    fs.writeFileSync(path.join(runDir, 'browser-console.log'), consoleLines.join('\n'));
    if (code === 'timeout') {
      await page.screenshot({ path: path.join(runDir, 'timeout.png') }).catch(() => {});
      log(`no result after ${timeoutMs / 1000}s; see ${runDir}/timeout.png and browser-console.log`);
    }
    return { code, result };
  } finally {
    await browser.close().catch(() => {});
  }
}

async function main() {
  if (!fs.existsSync(SUITE_INDEX)) throw new Error(`${SUITE_INDEX} missing: run node scripts/e2e-build.mjs`);
  let outcome = { code: 'error' };
  const server = await startCodeServer({ runDir, smokeTestDriver: true, workspaceTrust: untrusted, vsix });
  log(`code-server ${server.url} (pid ${server.pid})`);
  try {
    const workspace = path.join(runDir, 'ws');
    fs.cpSync(WORKSPACE, workspace, { recursive: true });
    outcome = await runSuite(server, workspace);
  } catch (e) {
    log('ERROR', e?.stack ?? e);
  } finally {
    await server.stop();
    log('code-server stopped');
  }
  const { code, result } = outcome;
  const passed = result?.passed ?? 0;
  // A run that never reported, reported no test, or exited non-zero with no failing test counts one failure.
  let failed = result?.failed ?? 1;
  if (failed === 0 && (code !== 0 || passed === 0)) failed = 1;
  // One more check once everything is flushed: no key the security suite made left the files it wrote on purpose.
  const clean = scanRunForKeys(runDir, log);
  console.log(`${label}: ${passed + (clean === true ? 1 : 0)} passed, ${failed + (clean === false ? 1 : 0)} failed`);
  process.exitCode = failed === 0 && clean !== false ? 0 : 1;
}

// Ctrl+C: exit through process.exit so codeServer.mjs's exit hook stops code-server.
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));
await main();
